import type { Article } from "../../schema/article.js";
import type { Media } from "../../schema/storyboard.js";
import { cacheImage, type FetchBytes } from "../cache-image.js";
import { mapLimit } from "../map-limit.js";

/** An image the article itself carries, placed at a block index (-1 for the lead image). */
export interface ArticleImage {
  src: string;
  alt: string;
  caption: string | null;
  blockIndex: number;
  lead: boolean;
}

export interface UsableImage extends ArticleImage {
  media: Extract<Media, { kind: "image" }>;
}

/** Images smaller than this on either side look like icons or tracking pixels. */
export const MIN_IMAGE_SIDE = 200;
const DOWNLOAD_CONCURRENCY = 4;

/** Every distinct image of the article, lead image first, in document order. */
export function listArticleImages(article: Article): ArticleImage[] {
  const images: ArticleImage[] = [];
  const seen = new Set<string>();
  if (article.leadImage) {
    images.push({ src: article.leadImage.src, alt: article.leadImage.alt, caption: null, blockIndex: -1, lead: true });
    seen.add(article.leadImage.src);
  }
  article.blocks.forEach((block, blockIndex) => {
    if (block.type !== "image" || seen.has(block.src)) return;
    seen.add(block.src);
    images.push({ src: block.src, alt: block.alt, caption: block.caption, blockIndex, lead: false });
  });
  return images;
}

/**
 * Downloads the article's images into the cache and keeps those that decode and are big enough.
 * A broken or tiny image becomes a warning, never a failure.
 */
export async function fetchArticleImages(
  article: Article,
  options: { cacheDir: string; fetchBytes: FetchBytes; maxBytes: number; signal?: AbortSignal },
): Promise<{ images: UsableImage[]; warnings: string[] }> {
  const warnings: string[] = [];
  const found = listArticleImages(article);
  const results = await mapLimit(found, DOWNLOAD_CONCURRENCY, async (image): Promise<UsableImage | null> => {
    try {
      const cached = await cacheImage(image.src, options);
      if (cached.width < MIN_IMAGE_SIDE || cached.height < MIN_IMAGE_SIDE) {
        warnings.push(`skipped image ${image.src}: ${cached.width}×${cached.height} is too small`);
        return null;
      }
      return {
        ...image,
        media: {
          kind: "image",
          file: cached.file,
          width: cached.width,
          height: cached.height,
          alt: image.alt || image.caption || "",
          focus: { x: 0.5, y: 0.45 },
          provider: "article",
          origin: image.src,
          creator: null,
          sourceId: image.src,
          license: {
            name: "publisher's image",
            url: null,
            attribution: `Image from ${article.url ?? article.source}${image.caption ? ` (${image.caption})` : ""}; rights remain with the publisher`,
          },
        },
      };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      warnings.push(`skipped image ${image.src}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  });
  return { images: results.filter((r): r is UsableImage => r !== null), warnings };
}
