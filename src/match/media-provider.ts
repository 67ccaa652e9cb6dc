import type { Mood, SceneKind } from "../schema/script.js";
import type { Aspect, License, Media, ProviderName } from "../schema/storyboard.js";

/** What a provider is asked to find footage for: one scene, or any text from `media search`. */
export interface SceneRequest {
  /** Index of the scene in the script (0 for a free-text search). */
  index: number;
  kind: SceneKind;
  headline: string;
  narration: string;
  keywords: readonly string[];
  /** Short concrete searches ("surfer riding a wave"); the stock APIs are asked these. */
  queries: readonly string[];
  /** One sentence on what the picture should show, when the writer gave one. */
  visual: string | null;
  mood: Mood;
  /** The scene's source blocks, for providers that know the article (its own images). */
  sourceBlockIds: readonly string[];
  /** Seconds the scene lasts on screen; a video shorter than this has to loop. */
  durationSeconds: number;
}

export interface SearchContext {
  aspect: Aspect;
  /** Output size in pixels. */
  width: number;
  height: number;
  /** Most candidates wanted per query. */
  perQuery: number;
  signal?: AbortSignal;
}

/** Searchable text of a candidate, by field: the ranker weighs a title and tags above a long description. */
export interface CandidateText {
  title: string;
  description: string;
  tags: readonly string[];
}

/** One piece of footage a provider offers, before its bytes are fetched. */
export interface MediaCandidate {
  provider: ProviderName;
  /** Unique within the provider: a library path, "video:2499611" for Pexels, an image URL for the article. */
  id: string;
  kind: "image" | "video" | "generated";
  text: CandidateText;
  width: number;
  height: number;
  durationSeconds: number | null;
  fps: number | null;
  creator: string | null;
  /** Groups near-duplicates: the same shoot or series (a creator id plus a set name, a library folder). */
  series: string | null;
  /** The page to credit: the provider's page for the asset, the article, or the file. */
  pageUrl: string | null;
  license: License;
  /** Where the bytes are: a local file, a URL to download, or nothing for footage drawn at render time. */
  source: { file: string } | { url: string } | null;
  /**
   * What the provider knows beyond text, 0–1: an article image beside the scene's paragraph, a chart
   * of the scene's own numbers, an image generated for this very scene. 0 when it knows nothing more.
   */
  context: number;
  /** Scene this candidate was made for, when it only fits that one (generated images, charts). */
  forScene: number | null;
}

/** Why a provider could not be used; the match goes on with the next one. */
export class ProviderUnavailable extends Error {
  constructor(
    readonly provider: ProviderName,
    readonly reason: string,
  ) {
    super(`${provider}: ${reason}`);
    this.name = "ProviderUnavailable";
  }
}

/**
 * A source of footage. `search` finds candidates for a scene (throwing ProviderUnavailable when
 * the provider has no key, is down or rate-limited); `fetch` brings the chosen one's bytes into
 * the cache, checks them, and returns what the storyboard stores. A fetch that finds a truncated
 * or corrupt file throws E_MEDIA so the next candidate is used.
 */
export interface MediaProvider {
  readonly name: ProviderName;
  search(scene: SceneRequest, context: SearchContext): Promise<MediaCandidate[]>;
  fetch(candidate: MediaCandidate, options: { signal?: AbortSignal }): Promise<Media>;
}
