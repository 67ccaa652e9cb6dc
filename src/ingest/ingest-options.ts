import { abortableSleep, type Sleep } from "./abortable-sleep.js";

export interface IngestProgress {
  stage: "fetch" | "parse";
  detail?: string;
}

export interface IngestOptions {
  /**
   * Whole-request budget for fetching a URL: connect, redirects and body.
   * @default 15000
   */
  timeoutMs?: number;
  /**
   * Largest body (or local file) accepted, in bytes.
   * @default 10485760 (10 MiB)
   */
  maxBytes?: number;
  /**
   * Redirects followed before giving up.
   * @default 5
   */
  maxRedirects?: number;
  /**
   * Times a GET answered 408, 429, 500, 502, 503 or 504 is sent again, after exponential
   * backoff or the wait the server asks for (Retry-After, retry-after-ms), all within `timeoutMs`.
   * @default 2
   */
  maxRetries?: number;
  /** Cancels the fetch; the promise then rejects with E_ABORTED. */
  signal?: AbortSignal;
  onProgress?: (p: IngestProgress) => void;
  /** @internal Waits between retries; tests pass a fake that records the delays. */
  sleep?: Sleep;
  /** @internal Uniform draws in [0, 1) for backoff jitter. @default Math.random */
  random?: () => number;
}

export const DEFAULT_INGEST_OPTIONS = {
  timeoutMs: 15_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  maxRetries: 2,
} as const;

export interface ResolvedIngestOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  maxRetries: number;
  signal: AbortSignal | undefined;
  onProgress: (p: IngestProgress) => void;
  sleep: Sleep;
  random: () => number;
}

export function resolveIngestOptions(options: IngestOptions = {}): ResolvedIngestOptions {
  return {
    timeoutMs: options.timeoutMs ?? DEFAULT_INGEST_OPTIONS.timeoutMs,
    maxBytes: options.maxBytes ?? DEFAULT_INGEST_OPTIONS.maxBytes,
    maxRedirects: options.maxRedirects ?? DEFAULT_INGEST_OPTIONS.maxRedirects,
    maxRetries: options.maxRetries ?? DEFAULT_INGEST_OPTIONS.maxRetries,
    signal: options.signal,
    onProgress: options.onProgress ?? (() => {}),
    sleep: options.sleep ?? abortableSleep,
    random: options.random ?? Math.random,
  };
}
