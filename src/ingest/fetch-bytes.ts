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
  signal?: AbortSignal;
  /** @default "*\/*" */
  accept?: string;
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
    signal: options.signal,
    accept: options.accept ?? "*/*",
  });
  return { body: fetched.body, contentType: fetched.type.mimeType, finalUrl: fetched.finalUrl.href };
}
