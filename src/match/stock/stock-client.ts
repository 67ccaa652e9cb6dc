import pLimit from "p-limit";
import type { z } from "zod";
import { ReelpressError } from "../../errors.js";
import type { Sleep } from "../../ingest/abortable-sleep.js";
import { USER_AGENT } from "../../ingest/index.js";
import { RETRYABLE_STATUSES } from "../../ingest/retry-delay.js";
import type { DownloadBody } from "../media-cache.js";
import { ProviderUnavailable } from "../media-provider.js";
import { networkReason } from "./network-reason.js";
import { readRateLimit, retryWait, type ResetHeaderFormat } from "./rate-limit-wait.js";
import { redact } from "./redact.js";
import type { SearchCache } from "./search-cache.js";

/** Largest search answer read; a page of 80 results is about 100 KB. */
const MAX_JSON_BYTES = 8 * 1024 * 1024;

/** How the key travels: Pexels in the Authorization header, Pixabay as the `key` query parameter. */
export type StockAuth = { in: "header"; name: string } | { in: "query"; name: string };

export interface StockClientOptions {
  provider: "pexels" | "pixabay";
  apiKey: string;
  auth: StockAuth;
  resetFormat: ResetHeaderFormat;
  cache: SearchCache;
  /** Requests (searches and downloads) in flight at once. */
  concurrency: number;
  /** Budget of one search request, and the longest a download may go without receiving a byte. */
  timeoutMs: number;
  /** Extra tries after a 408, 429 or 5xx answer or a network failure. */
  maxRetries: number;
  /** Longest wait the server may ask for; asking more gives up at once ("rate-limited until …"). */
  maxRetryWaitMs: number;
  /** Tells a refused key apart from other client errors: Pixabay answers 400 "Invalid or missing API key". */
  isKeyRejected: (status: number, body: string) => boolean;
  sleep: Sleep;
  now: () => number;
  random: () => number;
}

export interface StockClient {
  /** GETs a search endpoint (or takes its answer from the cache), checks it against `schema`. */
  getJson<T>(endpoint: string, params: Record<string, string>, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T>;
  /** Downloads a media file (without the key), handing its body to `consume` while holding a request slot. */
  download<T>(url: string, options: { signal?: AbortSignal }, consume: (body: DownloadBody) => Promise<T>): Promise<T>;
}

type Failure =
  | { kind: "status"; status: number; statusText: string; body: string; attempts: number; untilMs: number | null }
  | { kind: "network"; reason: string; attempts: number };

class RequestFailed extends Error {
  constructor(readonly failure: Failure) {
    super(failure.kind === "status" ? `HTTP ${failure.status}` : failure.reason);
  }
}

/**
 * The HTTP side of a stock provider: p-limit concurrency, a timeout per request, retries with
 * backoff on 408/429/5xx and network failures that honour Retry-After and X-RateLimit-Reset,
 * a wait before sending once the quota is known to be spent, and the search-answer cache.
 * Search failures become ProviderUnavailable; download failures E_MEDIA. The key never
 * appears in a message or a cache file.
 */
export function createStockClient(options: StockClientOptions): StockClient {
  const limit = pLimit(options.concurrency);
  const { provider } = options;
  /** Set when an answer said no requests are left, or a 429 named when to come back. */
  let blockedUntilMs: number | null = null;

  const unavailable = (reason: string): ProviderUnavailable => new ProviderUnavailable(provider, redact(reason, options.apiKey));
  const aborted = (what: string, cause: unknown): ReelpressError =>
    new ReelpressError("E_ABORTED", `${provider}: ${what} was cancelled`, { cause });

  const noteRateLimit = (headers: Headers, status: number): void => {
    const now = options.now();
    const rate = readRateLimit(headers, options.resetFormat, now);
    if (rate.remaining === 0 && rate.resetAtMs !== null && rate.resetAtMs > now) blockedUntilMs = rate.resetAtMs;
    else if (status !== 429 && rate.remaining !== null && rate.remaining > 0) blockedUntilMs = null;
  };

  /** Waits out a known empty quota before sending, or fails when the wait is too long. */
  const waitForQuota = async (signal: AbortSignal): Promise<void> => {
    const now = options.now();
    if (blockedUntilMs === null || blockedUntilMs <= now) return;
    const wait = blockedUntilMs - now;
    if (wait > options.maxRetryWaitMs) {
      throw new RequestFailed({ kind: "status", status: 429, statusText: "", body: "", attempts: 0, untilMs: blockedUntilMs });
    }
    await options.sleep(wait, signal);
  };

  /** Sends a GET until it is answered 2xx (returned with its body unread) or a failure is final. */
  const send = async (request: { url: URL; headers: Record<string, string>; signal: AbortSignal | undefined; api: boolean; attemptSignal: (signal: AbortSignal) => AbortSignal }): Promise<Response> => {
    const { url, headers, api } = request;
    const userSignal = request.signal ?? new AbortController().signal;
    for (let attempt = 0; ; attempt++) {
      // Only the API counts against the quota; media comes from the providers' CDNs.
      if (api) await waitForQuota(userSignal);
      let response: Response;
      try {
        response = await fetch(url, { headers: { "user-agent": USER_AGENT, ...headers }, signal: request.attemptSignal(userSignal), redirect: "follow" });
      } catch (error) {
        if (userSignal.aborted) throw error;
        const timedOut = isTimeout(error);
        if (attempt < options.maxRetries) {
          await options.sleep(retryWait({ status: 0, attempt, headers: new Headers(), format: options.resetFormat, now: options.now(), random: options.random(), exhaustedUntilMs: null }).ms, userSignal);
          continue;
        }
        throw new RequestFailed({ kind: "network", reason: networkReason(error, timedOut, options.timeoutMs), attempts: attempt + 1 });
      }
      if (api) noteRateLimit(response.headers, response.status);
      if (response.ok) return response;
      const body = await readSnippet(response, 2048);
      if (RETRYABLE_STATUSES.has(response.status)) {
        const now = options.now();
        const wait = retryWait({
          status: response.status,
          attempt,
          headers: response.headers,
          format: options.resetFormat,
          now,
          random: options.random(),
          exhaustedUntilMs: api ? blockedUntilMs : null,
        });
        const untilMs = wait.fromServer ? now + wait.ms : null;
        if (api && response.status === 429 && untilMs !== null) blockedUntilMs = untilMs;
        if (attempt < options.maxRetries && wait.ms <= options.maxRetryWaitMs) {
          await options.sleep(wait.ms, userSignal);
          continue;
        }
        throw new RequestFailed({ kind: "status", status: response.status, statusText: response.statusText, body, attempts: attempt + 1, untilMs });
      }
      throw new RequestFailed({ kind: "status", status: response.status, statusText: response.statusText, body, attempts: attempt + 1, untilMs: null });
    }
  };

  const searchReason = (failure: Failure): string => {
    const tries = failure.attempts > 1 ? ` after ${failure.attempts} attempts` : "";
    if (failure.kind === "network") return `${failure.reason}${tries}`;
    const { status } = failure;
    if (status === 401 || status === 403 || options.isKeyRejected(status, failure.body)) return `key rejected (${status})`;
    if (status === 429) {
      return failure.untilMs !== null ? `rate-limited until ${new Date(failure.untilMs).toISOString()}` : `rate-limited (HTTP 429${tries})`;
    }
    const detail = failure.body.replace(/\s+/g, " ").trim().slice(0, 120);
    return status >= 500 || status === 408 ? `HTTP ${status}${tries}` : `HTTP ${status}${detail ? `: ${detail}` : ""}`;
  };

  return {
    getJson(endpoint, params, schema, signal) {
      return limit(async () => {
        const cached = await options.cache.read(endpoint, params);
        if (cached !== undefined) {
          const parsed = schema.safeParse(cached);
          if (parsed.success) return parsed.data;
        }
        const url = new URL(endpoint);
        for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
        const headers: Record<string, string> = { accept: "application/json" };
        if (options.auth.in === "header") headers[options.auth.name] = options.apiKey;
        else url.searchParams.set(options.auth.name, options.apiKey);
        let text: string;
        try {
          // One time budget per attempt, covering the body too.
          let timeout = AbortSignal.timeout(options.timeoutMs);
          const attemptSignal = (s: AbortSignal): AbortSignal => {
            timeout = AbortSignal.timeout(options.timeoutMs);
            return AbortSignal.any([s, timeout]);
          };
          const response = await send({ url, headers, signal, api: true, attemptSignal });
          text = await readText(response, MAX_JSON_BYTES).catch((error: unknown) => {
            if (signal?.aborted) throw error;
            throw new RequestFailed({ kind: "network", reason: networkReason(error, timeout.aborted, options.timeoutMs), attempts: 1 });
          });
        } catch (error) {
          if (signal?.aborted) throw aborted("search", error);
          if (error instanceof RequestFailed) throw unavailable(searchReason(error.failure));
          throw error;
        }
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw unavailable("unreadable answer (not JSON)");
        }
        const parsed = schema.safeParse(json);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw unavailable(`unexpected answer: ${issue ? `${issue.path.join(".") || "(root)"} ${issue.message}` : "invalid"}`);
        }
        await options.cache.write(endpoint, params, json).catch(() => {
          // The answer is good; a cache that cannot be written only costs a request next time.
        });
        return parsed.data;
      });
    },

    download(url, { signal }, consume) {
      return limit(async () => {
        let target: URL;
        try {
          target = new URL(url);
        } catch {
          throw new ReelpressError("E_MEDIA", `${provider}: not a download address: ${url}`);
        }
        if (target.protocol !== "https:" && target.protocol !== "http:") {
          throw new ReelpressError("E_MEDIA", `${provider}: refusing to download ${target.protocol} address ${url}`);
        }
        // The body is read after `send` returns, so the stall timer lives here, per request.
        const stall = new AbortController();
        const timers: NodeJS.Timeout[] = [];
        let response: Response;
        try {
          // The key is never sent with a download: the files live on other hosts. The time
          // budget covers waiting for the headers; the body then has the stall timer only.
          const attemptSignal = (s: AbortSignal): AbortSignal => {
            const headersTimeout = new AbortController();
            timers.push(setTimeout(() => headersTimeout.abort(new DOMException(`no answer in ${options.timeoutMs} ms`, "TimeoutError")), options.timeoutMs));
            return AbortSignal.any([s, stall.signal, headersTimeout.signal]);
          };
          response = await send({ url: target, headers: {}, signal, api: false, attemptSignal });
        } catch (error) {
          if (signal?.aborted) throw aborted(`downloading ${url}`, error);
          if (error instanceof RequestFailed) {
            const { failure } = error;
            const what = failure.kind === "status" ? `HTTP ${failure.status}` : failure.reason;
            const tries = failure.attempts > 1 ? ` after ${failure.attempts} attempts` : "";
            throw new ReelpressError("E_MEDIA", `${provider}: could not download ${url}: ${what}${tries}`, { cause: error, hint: "the next candidate is used" });
          }
          throw error;
        } finally {
          for (const timer of timers) clearTimeout(timer);
        }
        const length = Number(response.headers.get("content-length") ?? Number.NaN);
        try {
          return await consume({
            chunks: stallGuard(response.body, stall, options.timeoutMs),
            contentLength: Number.isFinite(length) ? length : null,
            contentType: response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() || null,
          });
        } finally {
          // A body the consumer refused unread (too large by its length) still holds the socket.
          if (!response.bodyUsed) await response.body?.cancel().catch(() => undefined);
        }
      });
    },
  };
}

function isTimeout(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    if ((current as { name?: unknown }).name === "TimeoutError") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Reads a body as text, giving up past `maxBytes`. */
async function readText(response: Response, maxBytes: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body ?? []) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new Error(`answer larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The start of an error answer's body, for the message; the rest is not read. */
async function readSnippet(response: Response, maxBytes: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body ?? []) {
      chunks.push(chunk);
      total += chunk.byteLength;
      if (total >= maxBytes) break;
    }
  } catch {
    // The status already says what went wrong; a body that breaks off only shortens the message.
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString("utf8");
}

/** Error thrown when a download receives nothing for too long. */
export class DownloadStalled extends Error {
  constructor(readonly idleMs: number) {
    super(`no data for ${idleMs} ms`);
    this.name = "DownloadStalled";
  }
}

/** Yields a body's chunks, aborting the request when one takes longer than `idleMs` to arrive. */
async function* stallGuard(body: ReadableStream<Uint8Array> | null, stall: AbortController, idleMs: number): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      let stalled = false;
      const timer = setTimeout(() => {
        stalled = true;
        stall.abort();
      }, idleMs);
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw stalled ? new DownloadStalled(idleMs) : error;
      } finally {
        clearTimeout(timer);
      }
      if (chunk.done) {
        finished = true;
        return;
      }
      yield chunk.value;
    }
  } finally {
    // A consumer that stops early (too large, aborted) closes the connection.
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}
