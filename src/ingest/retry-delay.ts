/** Statuses worth asking again: request timeout, rate limit and transient server failures. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);
/** First backoff step; each retry doubles it. */
export const RETRY_BASE_MS = 250;
/** Longest computed backoff. */
export const MAX_BACKOFF_MS = 4000;
/** Longest wait a server may ask for; asking more fails the fetch at once instead of stalling it. */
export const MAX_RETRY_WAIT_MS = 10_000;
/** Jitter takes up to this share off a computed backoff, so clients that failed together spread out. */
const JITTER = 0.25;

const DELTA_SECONDS = /^\d+(?:\.\d+)?$/;

export interface RetryDelayInput {
  /** 0 before the first retry, 1 before the second, … */
  attempt: number;
  /** The response's Retry-After header: delta-seconds or an HTTP date. */
  retryAfter: string | null;
  /** The non-standard retry-after-ms header some APIs send; wins over Retry-After. */
  retryAfterMs: string | null;
  /** Current time in epoch ms, to turn an HTTP-date Retry-After into a wait. */
  now: number;
  /** A uniform draw in [0, 1) for the jitter. */
  random: number;
}

export interface RetryDelay {
  ms: number;
  /** True when the server named the wait (Retry-After or retry-after-ms), false for computed backoff. */
  fromServer: boolean;
}

/**
 * How long to wait before retrying: what the server asks for when it says so in a form we can
 * read, otherwise exponential backoff (250 ms × 2^attempt, capped at 4 s) less up to 25 % jitter.
 */
export function retryDelay(input: RetryDelayInput): RetryDelay {
  const asked = serverDelay(input.retryAfterMs, input.retryAfter, input.now);
  if (asked !== null) return { ms: asked, fromServer: true };
  const backoff = Math.min(RETRY_BASE_MS * 2 ** input.attempt, MAX_BACKOFF_MS);
  return { ms: Math.round(backoff * (1 - JITTER * input.random)), fromServer: false };
}

function serverDelay(retryAfterMs: string | null, retryAfter: string | null, now: number): number | null {
  const ms = retryAfterMs?.trim();
  if (ms && DELTA_SECONDS.test(ms)) return Math.ceil(Number(ms));
  const value = retryAfter?.trim();
  if (!value) return null;
  if (DELTA_SECONDS.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  // An unreadable header is ignored rather than fatal: backoff is a fine fallback.
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
