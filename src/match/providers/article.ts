import { ReelpressError } from "../../errors.js";
import type { Article } from "../../schema/article.js";
import type { Media } from "../../schema/storyboard.js";
import { createArticlePlacement } from "../article-placement.js";
import type { FetchBytes } from "../cache-image.js";
import type { MediaCandidate, MediaProvider, SceneRequest } from "../media-provider.js";
import { fetchArticleImages, type UsableImage } from "./article-images.js";

/** Context an article image has for the title scene when it is not the lead image. */
const TITLE_CONTEXT = 0.25;

/**
 * The article's own images. Their context score is their place in the article: next to the
 * paragraph a scene was written from, or in its section; the lead image belongs to the title.
 * They are downloaded once, on the first search.
 */
export function createArticleProvider(
  article: Article,
  options: { cacheDir: string; fetchBytes: FetchBytes; maxBytes: number; signal?: AbortSignal; onWarning?: (message: string) => void },
): MediaProvider {
  let loaded: Promise<UsableImage[]> | null = null;
  const placement = createArticlePlacement(article);
  const images = () =>
    (loaded ??= fetchArticleImages(article, options).then(({ images, warnings }) => {
      warnings.forEach((w) => options.onWarning?.(w));
      return images;
    }));

  const context = (scene: SceneRequest, image: UsableImage): number => {
    if (scene.kind === "title") return image.lead ? 1 : TITLE_CONTEXT;
    if (image.lead || scene.kind !== "content") return 0;
    return placement(scene.sourceBlockIds, image.blockIndex);
  };

  return {
    name: "article",
    async search(scene) {
      return (await images()).map(
        (image): MediaCandidate => ({
          provider: "article",
          id: image.src,
          kind: "image",
          text: { title: image.alt, description: image.caption ?? "", tags: [] },
          width: image.media.width,
          height: image.media.height,
          durationSeconds: null,
          fps: null,
          creator: null,
          series: null,
          pageUrl: article.url ?? article.source,
          license: image.media.license,
          source: { file: image.media.file },
          context: context(scene, image),
          forScene: null,
        }),
      );
    },
    async fetch(candidate): Promise<Media> {
      const image = (await images()).find((i) => i.src === candidate.id);
      if (!image) throw new ReelpressError("E_MEDIA", `not an image of this article: ${candidate.id}`);
      return image.media;
    },
  };
}
