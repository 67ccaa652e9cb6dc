import type { Article } from "../schema/article.js";
import type { Script } from "../schema/script.js";
import type { Aspect, Media, SceneMatch } from "../schema/storyboard.js";
import { OUTPUT_SIZES } from "../storyboard/layout.js";
import { sceneSeconds } from "../storyboard/scene-timing.js";
import type { FetchBytes } from "./cache-image.js";
import { createProviders, type MediaSettings } from "./create-providers.js";
import { matchScenes, type Fallback, type Reranker } from "./match-scenes.js";
import type { SceneRequest } from "./media-provider.js";
import { rerankerFor } from "./embeddings-reranker.js";
import { focusMedia } from "./focus-media.js";
import { createFocusFinder } from "../media/create-focus-finder.js";

export type { FetchBytes } from "./cache-image.js";
export { listArticleImages, MIN_IMAGE_SIDE } from "./providers/article-images.js";
export { createProviders, defaultMediaSettings, DEFAULT_PROVIDER_ORDER, type MediaSettings } from "./create-providers.js";
export { matchScenes, gatherCandidates, type Fallback, type Reranker } from "./match-scenes.js";
export { searchFootage, searchMedia, textRequest } from "./search-media.js";
export { swapFootage } from "./swap-media.js";
export type { MediaCandidate, MediaProvider, SceneRequest, SearchContext } from "./media-provider.js";
export { ProviderUnavailable } from "./media-provider.js";

export interface MatchOptions {
  cacheDir: string;
  fetchBytes: FetchBytes;
  /** Largest local image file read; downloads are capped by `fetchBytes` itself. */
  maxBytes: number;
  aspect: Aspect;
  wordsPerMinute: number;
  media: MediaSettings;
  /** Replaces the embeddings re-ranker `media.embeddings` asks for. */
  rerank?: Reranker;
  signal?: AbortSignal;
}

export interface MatchResult {
  /** One visual per script scene, in scene order. */
  media: Media[];
  matches: (SceneMatch | null)[];
  fallbacks: Fallback[];
  warnings: string[];
}

/** The script's scenes as providers see them. */
export function sceneRequests(script: Script, wordsPerMinute: number): SceneRequest[] {
  return script.scenes.map((scene, index) => ({
    index,
    kind: scene.kind,
    headline: scene.headline,
    narration: scene.narration,
    keywords: scene.keywords,
    queries: scene.queries,
    visual: scene.visual,
    mood: scene.mood,
    sourceBlockIds: scene.sourceBlockIds,
    durationSeconds: sceneSeconds(scene.kind, scene.narration, wordsPerMinute),
  }));
}

/**
 * Finds a visual for every scene from the configured providers (the article's own images, a
 * media library, stock APIs, generated visuals), ranked on one scale; see matchScenes.
 */
export async function matchMedia(article: Article, script: Script, options: MatchOptions): Promise<MatchResult> {
  const warnings: string[] = [];
  const onWarning = (message: string) => warnings.push(message);
  const { providers, fallbacks: unavailable } = await createProviders(options.media, { ...options, article, onWarning });
  const size = OUTPUT_SIZES[options.aspect];
  const embeddings = options.rerank ? { rerank: options.rerank } : rerankerFor(options.media, options.cacheDir);
  if (embeddings.warning) warnings.push(embeddings.warning);
  const result = await matchScenes(sceneRequests(script, options.wordsPerMinute), {
    providers,
    context: { aspect: options.aspect, ...size, perQuery: options.media.perQuery },
    signal: options.signal,
    rerank: embeddings.rerank,
    concurrency: options.media.concurrency,
    onWarning,
  });
  // Once the choices are final, so only what is shown is decoded.
  const media = await focusMedia(result.media, createFocusFinder({ cacheDir: options.cacheDir }), options.signal);
  const fallbacks = [...unavailable, ...result.fallbacks];
  for (const f of fallbacks) warnings.push(`media provider ${f.provider} gave nothing: ${f.reason}`);
  return { media, matches: result.matches, fallbacks, warnings };
}
