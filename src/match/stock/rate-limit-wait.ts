import { retryDelay } from "../../ingest/retry-delay.js";

/**
 * How a provider's X-RateLimit-Reset header counts. Pexels sends the UNIX time (seconds) when
 * the quota refills; Pixabay sends the seconds left in the current 60-second window.
 */
export type ResetHeaderFormat = "unix-seconds" | "delta-seconds";

export interface RateLimitStatus {
  limit: number | null;
  remaining: number | null;
  /** When the quota refills, epoch ms. */
  resetAtMs: number | null;
}

const NUMBER = /^\d+(?:\.\d+)?$/;

function headerNumber(headers: Headers, name: string): number | null {
  const value = headers.get(name)?.trim();
  return value && NUMBER.test(value) ? Number(value) : null;
}

/** Reads X-RateLimit-Limit/-Remaining/-Reset (header names are case-insensitive; Pexels writes X-Ratelimit-*). */
export function readRateLimit(headers: Headers, format: ResetHeaderFormat, now: number): RateLimitStatus {
  const reset = headerNumber(headers, "x-ratelimit-reset");
  let resetAtMs: number | null = null;
  if (reset !== null) resetAtMs = format === "unix-seconds" ? reset * 1000 : now + reset * 1000;
  return { limit: headerNumber(headers, "x-ratelimit-limit"), remaining: headerNumber(headers, "x-ratelimit-remaining"), resetAtMs };
}

export interface RetryWaitInput {
  status: number;
  /** 0 before the first retry, 1 before the second, … */
  attempt: number;
  headers: Headers;
  format: ResetHeaderFormat;
  now: number;
  /** A uniform draw in [0, 1) for backoff jitter. */
  random: number;
  /**
   * The refill time from an earlier answer that said no requests were left. Pexels sends its
   * rate-limit headers only on successful answers, so its 429 has to be read with this.
   */
  exhaustedUntilMs: number | null;
}

export interface RetryWait {
  ms: number;
  /** True when the server named the time (Retry-After or a reset header), false for computed backoff. */
  fromServer: boolean;
}

/**
 * How long to wait before asking again: Retry-After when sent, else for a 429 the reset time
 * (this answer's X-RateLimit-Reset, or the one remembered from when the quota ran out), else
 * exponential backoff with jitter.
 */
export function retryWait(input: RetryWaitInput): RetryWait {
  const base = retryDelay({
    attempt: input.attempt,
    retryAfter: input.headers.get("retry-after"),
    retryAfterMs: input.headers.get("retry-after-ms"),
    now: input.now,
    random: input.random,
  });
  if (base.fromServer || input.status !== 429) return base;
  const resetAtMs = readRateLimit(input.headers, input.format, input.now).resetAtMs ?? input.exhaustedUntilMs;
  if (resetAtMs !== null && resetAtMs > input.now) return { ms: Math.ceil(resetAtMs - input.now), fromServer: true };
  return base;
}
