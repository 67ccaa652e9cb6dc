import type { Article } from "../schema/article.js";
import type { Script } from "../schema/script.js";
import type { Media } from "../schema/storyboard.js";
import { assignImages } from "./assign-images.js";
import type { FetchBytes } from "./cache-image.js";
import { fetchArticleImages } from "./providers/article-images.js";
import { generatedMedia } from "./providers/generated.js";

export type { FetchBytes } from "./cache-image.js";
export { assignImages, scoreImage } from "./assign-images.js";
export { listArticleImages, MIN_IMAGE_SIDE } from "./providers/article-images.js";

export interface MatchOptions {
  cacheDir: string;
  fetchBytes: FetchBytes;
  /** Largest local image file read; downloads are capped by `fetchBytes` itself. */
  maxBytes: number;
  signal?: AbortSignal;
}

export interface MatchResult {
  /** One visual per script scene, in scene order. */
  media: Media[];
  warnings: string[];
}

/**
 * Finds a visual for every scene: the article's own image nearest the scene's text when one
 * fits, else a generated background (kinetic type for content scenes).
 */
export async function matchMedia(article: Article, script: Script, options: MatchOptions): Promise<MatchResult> {
  const { images, warnings } = await fetchArticleImages(article, options);
  const chosen = assignImages(article, script, images);
  const media = script.scenes.map((scene, i) => {
    const pick = chosen[i];
    return pick === null || pick === undefined ? generatedMedia(scene, i) : images[pick]!.media;
  });
  return { media, warnings };
}
