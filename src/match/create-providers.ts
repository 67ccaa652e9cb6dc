import path from "node:path";
import type { Article } from "../schema/article.js";
import { DEFAULT_CONFIG } from "../schema/config.js";
import type { ProviderName } from "../schema/storyboard.js";
import type { FetchBytes } from "./cache-image.js";
import { createMediaCache } from "./media-cache.js";
import type { Fallback } from "./match-scenes.js";
import type { MediaProvider } from "./media-provider.js";
import { createArticleProvider } from "./providers/article.js";
import { createGeneratedProvider } from "./providers/generated.js";
import { createLibraryProvider } from "./providers/library.js";
import { createOpenAiImagesProvider } from "./providers/openai-images.js";
import { createPexelsProvider } from "./providers/pexels.js";
import { createPixabayProvider } from "./providers/pixabay.js";

/** Every media setting, resolved from flags, config and environment. Keys come from the caller, never from env here. */
export interface MediaSettings {
  /** Providers in preference order; null for every configured one. */
  providers: readonly ProviderName[] | null;
  library: string | null;
  perQuery: number;
  concurrency: number;
  timeoutMs: number;
  maxRetries: number;
  cacheMaxBytes: number;
  pexels: { apiKey: string | null; baseUrl: string | null };
  pixabay: { apiKey: string | null; baseUrl: string | null };
  openai: { apiKey: string | null; baseURL: string | null };
  generateImages: boolean;
  imageModel: string;
  embeddings: boolean;
  embeddingModel: string;
}

/** Settings with nothing configured: article images, then generated visuals; no keys. */
export function defaultMediaSettings(): MediaSettings {
  const d = DEFAULT_CONFIG.media;
  return {
    providers: null,
    library: d.library,
    perQuery: d.perQuery,
    concurrency: d.concurrency,
    timeoutMs: d.timeoutMs,
    maxRetries: d.maxRetries,
    cacheMaxBytes: d.cacheMaxMegabytes * 1024 * 1024,
    pexels: { apiKey: null, baseUrl: null },
    pixabay: { apiKey: null, baseUrl: null },
    openai: { apiKey: null, baseURL: null },
    generateImages: d.generateImages,
    imageModel: d.imageModel,
    embeddings: d.embeddings,
    embeddingModel: d.embeddingModel,
  };
}

export const DEFAULT_PROVIDER_ORDER: readonly ProviderName[] = ["article", "library", "pexels", "pixabay", "generated"];

/** Providers that work without being configured. */
function configured(name: ProviderName, settings: MediaSettings, article: Article | null): boolean {
  switch (name) {
    case "article":
      return article !== null;
    case "library":
      return settings.library !== null;
    case "pexels":
      return settings.pexels.apiKey !== null;
    case "pixabay":
      return settings.pixabay.apiKey !== null;
    case "generated":
      return true;
  }
}

/**
 * The providers to ask, in order. By default every configured one; a provider named in
 * `settings.providers` that cannot work (no key, no library) becomes a fallback with its reason.
 */
export async function createProviders(
  settings: MediaSettings,
  options: { article: Article | null; cacheDir: string; fetchBytes: FetchBytes; maxBytes: number; signal?: AbortSignal; onWarning?: (message: string) => void },
): Promise<{ providers: MediaProvider[]; fallbacks: Fallback[] }> {
  const names = settings.providers ?? DEFAULT_PROVIDER_ORDER.filter((name) => configured(name, settings, options.article));
  const providers: MediaProvider[] = [];
  const fallbacks: Fallback[] = [];
  // One download cache for every stock provider, so one cannot evict what another fetched in this run.
  const mediaCache = createMediaCache({ cacheDir: options.cacheDir, maxCacheBytes: settings.cacheMaxBytes });
  const common = { cacheDir: options.cacheDir, mediaCache, concurrency: settings.concurrency, timeoutMs: settings.timeoutMs, maxRetries: settings.maxRetries, maxCacheBytes: settings.cacheMaxBytes };
  for (const name of [...new Set(names)]) {
    switch (name) {
      case "article":
        if (options.article) providers.push(createArticleProvider(options.article, options));
        else fallbacks.push({ provider: name, reason: "there is no article to take images from" });
        break;
      case "library":
        if (!settings.library) {
          fallbacks.push({ provider: name, reason: "no media library is set (--library DIR)" });
          break;
        }
        providers.push(await createLibraryProvider({ dir: path.resolve(settings.library), cacheDir: options.cacheDir, signal: options.signal, onWarning: options.onWarning }));
        break;
      case "pexels":
        providers.push(createPexelsProvider({ ...common, apiKey: settings.pexels.apiKey, ...(settings.pexels.baseUrl ? { baseUrl: settings.pexels.baseUrl } : {}) }));
        break;
      case "pixabay":
        providers.push(createPixabayProvider({ ...common, apiKey: settings.pixabay.apiKey, ...(settings.pixabay.baseUrl ? { baseUrl: settings.pixabay.baseUrl } : {}) }));
        break;
      case "generated":
        if (settings.generateImages) {
          providers.push(createOpenAiImagesProvider({ apiKey: settings.openai.apiKey, baseURL: settings.openai.baseURL, model: settings.imageModel, cacheDir: options.cacheDir }));
        }
        providers.push(createGeneratedProvider({ lang: options.article?.lang }));
        break;
    }
  }
  return { providers, fallbacks };
}
