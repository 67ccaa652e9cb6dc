import { abortableSleep, type Sleep } from "./abortable-sleep.js";
import { fetchUrl } from "./fetch-url.js";
import { DEFAULT_INGEST_OPTIONS } from "./ingest-options.js";
import { parseHttpUrl } from "./parse-http-url.js";

export interface FetchBytesOptions {
  /** @default 15000 */
  timeoutMs?: number;
  /** @default 10485760 (10 MiB) */
  maxBytes?: number;
  /** @default 5 */
  maxRedirects?: number;
  /** Retries on 408, 429 and 5xx, as for articles. @default 2 */
  maxRetries?: number;
  signal?: AbortSignal;
  /** @default "*\/*" */
  accept?: string;
  /** @internal Waits between retries; tests pass a fake that records the delays. */
  sleep?: Sleep;
  /** @internal Uniform draws in [0, 1) for backoff jitter. @default Math.random */
  random?: () => number;
}

export interface FetchedBytes {
  body: Uint8Array;
  /** The response's MIME type without parameters, lower-cased; null when the header is missing. */
  contentType: string | null;
  /** The address after redirects. */
  finalUrl: string;
}

/**
 * Downloads any http(s) resource (an article's image, say) with the same limits and error
 * codes as article fetching, but no content-type check.
 */
export async function fetchBytes(url: string, options: FetchBytesOptions = {}): Promise<FetchedBytes> {
  const fetched = await fetchUrl(parseHttpUrl(url), {
    timeoutMs: options.timeoutMs ?? DEFAULT_INGEST_OPTIONS.timeoutMs,
    maxBytes: options.maxBytes ?? DEFAULT_INGEST_OPTIONS.maxBytes,
    maxRedirects: options.maxRedirects ?? DEFAULT_INGEST_OPTIONS.maxRedirects,
    maxRetries: options.maxRetries ?? DEFAULT_INGEST_OPTIONS.maxRetries,
    signal: options.signal,
    accept: options.accept ?? "*/*",
    sleep: options.sleep ?? abortableSleep,
    random: options.random ?? Math.random,
  });
  return { body: fetched.body, contentType: fetched.type.mimeType, finalUrl: fetched.finalUrl.href };
}
