import { FetchError } from "../errors.js";
import type { Sleep } from "./abortable-sleep.js";
import { parseContentType, type ParsedContentType } from "./content-kind.js";
import { MAX_RETRY_WAIT_MS, RETRYABLE_STATUSES, retryDelay } from "./retry-delay.js";
import { toFetchError } from "./to-fetch-error.js";
import { formatBytes } from "./format-bytes.js";
import { readBody, tooLarge } from "./read-body.js";

export const USER_AGENT = "reelpress/0.1 (+https://github.com/reelpress/reelpress)";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface FetchUrlOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Extra tries after a 408, 429 or 5xx answer. */
  maxRetries: number;
  signal: AbortSignal | undefined;
  /** Waits between retries; must reject when the signal aborts. */
  sleep: Sleep;
  /** Uniform draws in [0, 1) for backoff jitter. */
  random: () => number;
  /** The Accept header. */
  accept: string;
  /** Called once the final response's headers are in, before the body is read; throw to refuse it. */
  checkType?: (type: ParsedContentType, url: URL) => void;
}

export interface FetchedUrl {
  /** The address after redirects; relative links resolve against it. */
  finalUrl: URL;
  type: ParsedContentType;
  body: Uint8Array;
}

/**
 * GETs a URL with a time budget for the whole exchange, a body-size cap, a redirect cap
 * (redirects are followed here, not by fetch, so they can be counted and their targets
 * checked), retries with backoff on 408/429/5xx, and an optional content-type check.
 * Every failure is a FetchError with a code.
 */
export async function fetchUrl(url: URL, options: FetchUrlOptions): Promise<FetchedUrl> {
  const deadline = performance.now() + options.timeoutMs;
  const timeoutSignal = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeoutSignal, options.signal]) : timeoutSignal;
  let current = url;
  let redirects = 0;
  let retries = 0;
  try {
    for (;;) {
      const response = await fetchOnce(current, {
        redirect: "manual",
        signal,
        headers: { "user-agent": USER_AGENT, accept: options.accept },
      });
      const location = response.headers.get("location");
      if (REDIRECT_STATUSES.has(response.status) && location) {
        await discard(response);
        if (redirects >= options.maxRedirects) {
          throw new FetchError(
            "E_TOO_MANY_REDIRECTS",
            `Too many redirects: more than ${options.maxRedirects} starting from ${url.href}`,
            url.href,
            { hint: "the site may be in a redirect loop; open it in a browser to check, or raise maxRedirects" },
          );
        }
        redirects++;
        current = redirectTarget(location, current);
        continue;
      }
      if (RETRYABLE_STATUSES.has(response.status) && retries < options.maxRetries) {
        await discard(response);
        const delay = retryDelay({
          attempt: retries,
          retryAfter: response.headers.get("retry-after"),
          retryAfterMs: response.headers.get("retry-after-ms"),
          now: Date.now(),
          random: options.random(),
        });
        const remainingMs = deadline - performance.now();
        if (delay.ms > MAX_RETRY_WAIT_MS || delay.ms >= remainingMs) {
          // Waiting would outlast the cap or the time budget; the status says more than a timeout would.
          throw statusError(response, current, { attempts: retries + 1, refusedWaitMs: delay.fromServer ? delay.ms : null });
        }
        await options.sleep(delay.ms, signal);
        retries++;
        continue;
      }
      return await acceptResponse(response, current, options, retries + 1);
    }
  } catch (error) {
    throw toFetchError(error, { url: current.href, timeoutMs: options.timeoutMs, timeoutSignal, userSignal: options.signal });
  }
}

// A kept-alive connection the server closed just as it was reused fails with a reset before
// any response; the GET is safe to send again once on a fresh connection.
const STALE_CONNECTION_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);

async function fetchOnce(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted || !STALE_CONNECTION_CODES.has(causeCode(error) ?? "")) throw error;
    return await fetch(url, init);
  }
}

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

async function acceptResponse(response: Response, url: URL, options: FetchUrlOptions, attempts: number): Promise<FetchedUrl> {
  if (!response.ok) {
    await discard(response);
    throw statusError(response, url, { attempts, refusedWaitMs: null });
  }
  const type = parseContentType(response.headers.get("content-type"));
  try {
    options.checkType?.(type, url);
  } catch (error) {
    await discard(response);
    throw error;
  }
  const declaredLength = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declaredLength) && declaredLength > options.maxBytes) {
    await discard(response);
    throw tooLarge(url.href, options.maxBytes, formatBytes(declaredLength));
  }
  const body = await readBody(response.body, options.maxBytes, url.href);
  return { finalUrl: url, type, body };
}

interface StatusFailure {
  /** Requests sent to this address, retries included. */
  attempts: number;
  /** A wait the server asked for that was too long to honour, in ms. */
  refusedWaitMs: number | null;
}

function statusError(response: Response, url: URL, failure: StatusFailure): FetchError {
  const { status } = response;
  const statusText = response.statusText ? ` ${response.statusText}` : "";
  const tries = failure.attempts > 1 ? ` after ${failure.attempts} attempts` : "";
  const wait = failure.refusedWaitMs === null ? "" : `; the server asks to retry after ${formatWait(failure.refusedWaitMs)}`;
  let hint = "check the address; the page may have moved, be private or need a login";
  if (failure.refusedWaitMs !== null) hint = `the server is busy or limiting requests; try again in ${formatWait(failure.refusedWaitMs)}`;
  else if (status === 429) hint = "the server is limiting requests; wait a while and try again";
  else if (status >= 500 || status === 408) hint = "the server failed; try again later";
  return new FetchError("E_HTTP_STATUS", `HTTP ${status}${statusText} from ${url.href}${tries}${wait}`, url.href, { status, hint });
}

function formatWait(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.ceil(ms / 1000)} s`;
}

function redirectTarget(location: string, from: URL): URL {
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw new FetchError("E_INVALID_URL", `Invalid redirect from ${from.href} to ${location}`, from.href, {
      hint: "the site sent a broken redirect; try the final address directly",
    });
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    throw new FetchError("E_INVALID_URL", `Redirect from ${from.href} to unsupported scheme "${target.protocol}"`, from.href, {
      hint: "only http and https redirects are followed",
    });
  }
  return target;
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => {
    // The body is unwanted; failing to close it early only costs a socket until it times out.
  });
}
