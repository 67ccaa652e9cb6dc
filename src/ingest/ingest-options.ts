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
  /** Cancels the fetch; the promise then rejects with E_ABORTED. */
  signal?: AbortSignal;
  onProgress?: (p: IngestProgress) => void;
}

export const DEFAULT_INGEST_OPTIONS = {
  timeoutMs: 15_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
} as const;

export interface ResolvedIngestOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  signal: AbortSignal | undefined;
  onProgress: (p: IngestProgress) => void;
}

export function resolveIngestOptions(options: IngestOptions = {}): ResolvedIngestOptions {
  return {
    timeoutMs: options.timeoutMs ?? DEFAULT_INGEST_OPTIONS.timeoutMs,
    maxBytes: options.maxBytes ?? DEFAULT_INGEST_OPTIONS.maxBytes,
    maxRedirects: options.maxRedirects ?? DEFAULT_INGEST_OPTIONS.maxRedirects,
    signal: options.signal,
    onProgress: options.onProgress ?? (() => {}),
  };
}
