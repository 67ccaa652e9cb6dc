import { z } from "zod";
import type { Aspect, License } from "../../schema/storyboard.js";
import type { MediaCandidate, MediaProvider } from "../media-provider.js";
import { createStockProvider } from "../stock/create-stock-provider.js";
import { fitInside, pickRendition, type Rendition } from "../stock/pick-rendition.js";
import { slugWords } from "../stock/slug-words.js";
import type { StockProviderOptions } from "../stock/stock-options.js";
import { validItems } from "../stock/valid-items.js";

export const DEFAULT_PIXABAY_BASE_URL = "https://pixabay.com/api";
/** Pixabay accepts `per_page` from 3 to 200. */
const MIN_PER_PAGE = 3;
const MAX_PER_PAGE = 200;
const LICENSE = { name: "Pixabay Content License", url: "https://pixabay.com/service/license-summary/" } as const;

const ImageHitSchema = z.object({
  id: z.number().int(),
  pageURL: z.string(),
  tags: z.string(),
  webformatURL: z.string(),
  webformatWidth: z.number().int().positive(),
  webformatHeight: z.number().int().positive(),
  largeImageURL: z.string(),
  imageWidth: z.number().int().positive(),
  imageHeight: z.number().int().positive(),
  /** Only for accounts with full API access. */
  fullHDURL: z.string().optional(),
  imageURL: z.string().optional(),
  user_id: z.union([z.number(), z.string()]),
  user: z.string(),
});

const VideoFileSchema = z.object({ url: z.string(), width: z.number().int().nonnegative(), height: z.number().int().nonnegative() });

const VideoHitSchema = z.object({
  id: z.number().int(),
  pageURL: z.string(),
  tags: z.string(),
  duration: z.number().nonnegative(),
  /** large (often 3840 or 1920 wide) is sent with an empty URL when it does not exist; tiny is too small to use. */
  videos: z.object({ large: VideoFileSchema.optional(), medium: VideoFileSchema.optional(), small: VideoFileSchema.optional() }),
  user_id: z.union([z.number(), z.string()]),
  user: z.string(),
});

/** GET /api/ and /api/videos/: `total`, `totalHits` (what the API will page through) and `hits`. */
const SearchSchema = z.object({ totalHits: z.number(), hits: z.array(z.unknown()) });

type ImageHit = z.infer<typeof ImageHitSchema>;
type VideoHit = z.infer<typeof VideoHitSchema>;

/** Pixabay has no square filter; "all" lets the ranker judge the shape. */
const ORIENTATION: Record<Aspect, string> = { "16:9": "horizontal", "9:16": "vertical", "1:1": "all", "4:5": "vertical" };

/**
 * Image sizes of a hit: webformat (640 px on the long side), largeImageURL (1280 px), and for
 * full-access keys fullHDURL (1920 px) and the original.
 */
export function pixabayImageRenditions(hit: ImageHit): Rendition[] {
  const { imageWidth: width, imageHeight: height } = hit;
  const out: Rendition[] = [{ url: hit.webformatURL, width: hit.webformatWidth, height: hit.webformatHeight }];
  out.push({ url: hit.largeImageURL, ...fitInside(width, height, { width: 1280, height: 1280 }) });
  if (hit.fullHDURL) out.push({ url: hit.fullHDURL, ...fitInside(width, height, { width: 1920, height: 1920 }) });
  if (hit.imageURL) out.push({ url: hit.imageURL, width, height });
  return out;
}

/** The small, medium and large files of a video hit that exist. */
export function pixabayVideoRenditions(hit: VideoHit): Rendition[] {
  return [hit.videos.small, hit.videos.medium, hit.videos.large].filter(
    (v): v is Rendition => v !== undefined && v.url !== "" && v.width > 0 && v.height > 0,
  );
}

function tagList(tags: string): string[] {
  return tags
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
}

function license(kind: "Image" | "Video", name: string): License {
  return { ...LICENSE, attribution: `${kind} by ${name} from Pixabay` };
}

function candidate(
  hit: ImageHit | VideoHit,
  kind: "image" | "video",
  pick: Rendition,
  durationSeconds: number | null,
): MediaCandidate {
  return {
    provider: "pixabay",
    id: `${kind === "image" ? "photo" : "video"}:${hit.id}`,
    kind,
    // Tags are Pixabay's text; a photo page's slug repeats a few of them, a video's has none.
    text: { title: "", description: slugWords(hit.pageURL), tags: tagList(hit.tags) },
    width: pick.width,
    height: pick.height,
    durationSeconds,
    fps: null,
    creator: hit.user,
    series: `pixabay:${hit.user_id}`,
    pageUrl: hit.pageURL,
    license: license(kind === "image" ? "Image" : "Video", hit.user),
    source: { url: pick.url },
    context: 0,
    forScene: null,
  };
}

export function pixabayImageCandidate(hit: ImageHit, target: { width: number; height: number }): MediaCandidate | null {
  const pick = pickRendition(pixabayImageRenditions(hit), target);
  return pick ? candidate(hit, "image", pick, null) : null;
}

export function pixabayVideoCandidate(hit: VideoHit, target: { width: number; height: number }): MediaCandidate | null {
  const pick = pickRendition(pixabayVideoRenditions(hit), target);
  return pick ? candidate(hit, "video", pick, hit.duration) : null;
}

/**
 * Pixabay images and videos (https://pixabay.com/api/docs/). The key is the `key` query
 * parameter (a bad one is answered 400); X-RateLimit-Reset counts seconds left in the
 * 60-second window. Answers are cached 24 h, as Pixabay requires, and files are downloaded
 * rather than hotlinked.
 */
export function createPixabayProvider(options: StockProviderOptions): MediaProvider {
  return createStockProvider(options, {
    provider: "pixabay",
    keyVariable: "PIXABAY_API_KEY",
    defaultBaseUrl: DEFAULT_PIXABAY_BASE_URL,
    wire: {
      auth: { in: "query", name: "key" },
      resetFormat: "delta-seconds",
      isKeyRejected: (status, body) => status === 400 && /api key/i.test(body),
    },
    endpoints: ["videos", "images"],
    async searchOne({ client, base, query, endpoint, context }) {
      const perPage = Math.min(Math.max(MIN_PER_PAGE, context.perQuery), MAX_PER_PAGE);
      const common = { q: query, per_page: String(perPage), safesearch: "true" };
      const target = { width: context.width, height: context.height };
      const keep = Math.max(1, context.perQuery);
      if (endpoint === "images") {
        const params = { ...common, image_type: "photo", orientation: ORIENTATION[context.aspect] };
        const answer = await client.getJson(`${base}/`, params, SearchSchema, context.signal);
        return validItems(ImageHitSchema, answer.hits)
          .slice(0, keep)
          .map((hit) => pixabayImageCandidate(hit, target))
          .filter((c) => c !== null);
      }
      const params = { ...common, video_type: "film" };
      const answer = await client.getJson(`${base}/videos/`, params, SearchSchema, context.signal);
      return validItems(VideoHitSchema, answer.hits)
        .slice(0, keep)
        .map((hit) => pixabayVideoCandidate(hit, target))
        .filter((c) => c !== null);
    },
  });
}
