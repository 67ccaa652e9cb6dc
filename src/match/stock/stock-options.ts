import path from "node:path";
import { abortableSleep, type Sleep } from "../../ingest/abortable-sleep.js";
import { createMediaCache, type MediaCache } from "../media-cache.js";
import { createSearchCache, SEARCH_CACHE_TTL_MS } from "./search-cache.js";
import { createStockClient, type StockClient, type StockClientOptions } from "./stock-client.js";

export interface StockProviderOptions {
  /** The provider's API key; null leaves the provider unavailable (never an error). */
  apiKey: string | null;
  /** API root; tests point it at a local server. */
  baseUrl?: string;
  /** Search answers go to `<cacheDir>/search/`, downloads to `<cacheDir>/media/stock/`. */
  cacheDir: string;
  /** Requests to the provider in flight at once. @default 4 */
  concurrency?: number;
  /** Budget of one search request; for a download, the longest wait for its headers or its next bytes. @default 15000 */
  timeoutMs?: number;
  /** Extra tries after a 408, 429, 5xx answer or a network failure. @default 2 */
  maxRetries?: number;
  /**
   * Longest wait a rate limit may impose before a retry (Retry-After, X-RateLimit-Reset);
   * a longer one makes the provider unavailable ("rate-limited until …") at once.
   * @default 60000
   */
  maxRetryWaitMs?: number;
  /** How long a search answer is reused. @default 86400000 (24 h, as Pixabay requires) */
  cacheTtlMs?: number;
  /** Size cap of the media cache, least recently used out first. @default 2 GiB */
  maxCacheBytes?: number;
  /** Largest video downloaded. @default 200 MiB */
  maxVideoBytes?: number;
  /** Largest image downloaded. @default 50 MiB */
  maxImageBytes?: number;
  /** A media cache shared with other providers, so one run's files are all kept from eviction. */
  mediaCache?: MediaCache;
  /** @internal Waits between retries; tests pass one that records the delays. */
  sleep?: Sleep;
  /** @internal Clock (epoch ms) for reset headers and cache ages. @default Date.now */
  now?: () => number;
  /** @internal Uniform draws in [0, 1) for backoff jitter. @default Math.random */
  random?: () => number;
}

export const DEFAULT_STOCK_OPTIONS = {
  concurrency: 4,
  timeoutMs: 15_000,
  maxRetries: 2,
  maxRetryWaitMs: 60_000,
  cacheTtlMs: SEARCH_CACHE_TTL_MS,
  maxVideoBytes: 200 * 1024 * 1024,
  maxImageBytes: 50 * 1024 * 1024,
} as const;

/** Codecs the renderer (Chromium, ffmpeg) decodes everywhere; Pexels also serves some HEVC. */
export const STOCK_VIDEO_CODECS: readonly string[] = ["h264"];

export interface ResolvedStock {
  client: StockClient;
  mediaCache: MediaCache;
  maxVideoBytes: number;
  maxImageBytes: number;
}

/** Fills the defaults once and builds the HTTP client and caches of a provider that has a key. */
export function resolveStockOptions(
  options: StockProviderOptions & { apiKey: string },
  wire: Pick<StockClientOptions, "provider" | "auth" | "resetFormat" | "isKeyRejected">,
): ResolvedStock {
  const now = options.now ?? Date.now;
  const client = createStockClient({
    ...wire,
    apiKey: options.apiKey,
    cache: createSearchCache({
      dir: path.join(options.cacheDir, "search"),
      ttlMs: options.cacheTtlMs ?? DEFAULT_STOCK_OPTIONS.cacheTtlMs,
      now,
      secret: options.apiKey,
    }),
    concurrency: options.concurrency ?? DEFAULT_STOCK_OPTIONS.concurrency,
    timeoutMs: options.timeoutMs ?? DEFAULT_STOCK_OPTIONS.timeoutMs,
    maxRetries: options.maxRetries ?? DEFAULT_STOCK_OPTIONS.maxRetries,
    maxRetryWaitMs: options.maxRetryWaitMs ?? DEFAULT_STOCK_OPTIONS.maxRetryWaitMs,
    sleep: options.sleep ?? abortableSleep,
    now,
    random: options.random ?? Math.random,
  });
  return {
    client,
    mediaCache: options.mediaCache ?? createMediaCache({ cacheDir: options.cacheDir, maxCacheBytes: options.maxCacheBytes, now }),
    maxVideoBytes: options.maxVideoBytes ?? DEFAULT_STOCK_OPTIONS.maxVideoBytes,
    maxImageBytes: options.maxImageBytes ?? DEFAULT_STOCK_OPTIONS.maxImageBytes,
  };
}
