import { z } from "zod";
import type { Aspect, License } from "../../schema/storyboard.js";
import type { MediaCandidate, MediaProvider } from "../media-provider.js";
import { createStockProvider } from "../stock/create-stock-provider.js";
import { fitInside, pickRendition, type Rendition } from "../stock/pick-rendition.js";
import { slugWords } from "../stock/slug-words.js";
import type { StockProviderOptions } from "../stock/stock-options.js";
import { validItems } from "../stock/valid-items.js";

export const DEFAULT_PEXELS_BASE_URL = "https://api.pexels.com";
/** Pexels caps `per_page` at 80. */
const MAX_PER_PAGE = 80;
const LICENSE = { name: "Pexels License", url: "https://www.pexels.com/license/" } as const;

const PhotoSchema = z.object({
  id: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  url: z.string(),
  photographer: z.string(),
  photographer_id: z.union([z.number(), z.string()]),
  alt: z.string().nullish(),
  src: z.object({
    original: z.string(),
    large2x: z.string().optional(),
    large: z.string().optional(),
    medium: z.string().optional(),
    small: z.string().optional(),
  }),
});

const VideoFileSchema = z.object({
  id: z.number().int(),
  quality: z.string().nullish(),
  file_type: z.string().nullish(),
  width: z.number().int().nullish(),
  height: z.number().int().nullish(),
  fps: z.number().nullish(),
  link: z.string(),
});

const VideoSchema = z.object({
  id: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  url: z.string(),
  duration: z.number().nonnegative(),
  user: z.object({ id: z.union([z.number(), z.string()]), name: z.string() }),
  video_files: z.array(z.unknown()),
});

/** GET /v1/search: `photos`, plus page, per_page, total_results and next_page (when there is one). */
const PhotoSearchSchema = z.object({ total_results: z.number(), photos: z.array(z.unknown()) });
/** GET /videos/search: the same with `videos`. */
const VideoSearchSchema = z.object({ total_results: z.number(), videos: z.array(z.unknown()) });

type PexelsPhoto = z.infer<typeof PhotoSchema>;
type PexelsVideo = z.infer<typeof VideoSchema>;
type PexelsVideoFile = z.infer<typeof VideoFileSchema>;

const ORIENTATION: Record<Aspect, string> = { "16:9": "landscape", "9:16": "portrait", "1:1": "square", "4:5": "portrait" };

/**
 * The sizes `src` offers that keep the photo's shape: `original`, and the ones Pexels scales to
 * fit a box (large2x fits 1880×1300, large 940×650; medium and small are 350 and 130 high).
 * The cropped ones (portrait, landscape, tiny) are left out.
 */
export function pexelsPhotoRenditions(photo: Pick<PexelsPhoto, "width" | "height" | "src">): Rendition[] {
  const { width, height, src } = photo;
  const byHeight = (h: number): { width: number; height: number } =>
    h >= height ? { width, height } : { width: Math.max(1, Math.round((width * h) / height)), height: h };
  const out: Rendition[] = [];
  if (src.small) out.push({ url: src.small, ...byHeight(130) });
  if (src.medium) out.push({ url: src.medium, ...byHeight(350) });
  if (src.large) out.push({ url: src.large, ...fitInside(width, height, { width: 940, height: 650 }) });
  if (src.large2x) out.push({ url: src.large2x, ...fitInside(width, height, { width: 1880, height: 1300 }) });
  out.push({ url: src.original, width, height });
  return out;
}

interface VideoRendition extends Rendition {
  fps: number | null;
}

/**
 * The MP4 files of a video, HD and SD before UHD at equal size (UHD files are the ones Pexels
 * sometimes encodes as HEVC, which the renderer cannot use); HLS playlists are left out.
 */
export function pexelsVideoRenditions(files: readonly PexelsVideoFile[]): VideoRendition[] {
  const usable = files.filter(
    (f) => f.width && f.height && f.quality !== "hls" && (f.file_type ?? "video/mp4") === "video/mp4" && !/\.m3u8(?:$|\?)/.test(f.link),
  );
  const rank = (f: PexelsVideoFile): number => (f.quality === "hd" || f.quality === "sd" ? 0 : 1);
  return usable
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => ({ url: f.link, width: f.width!, height: f.height!, fps: f.fps ?? null }));
}

function license(kind: "Photo" | "Video", name: string): License {
  return { ...LICENSE, attribution: `${kind} by ${name} on Pexels` };
}

export function pexelsPhotoCandidate(photo: PexelsPhoto, target: { width: number; height: number }): MediaCandidate | null {
  const pick = pickRendition(pexelsPhotoRenditions(photo), target);
  if (!pick) return null;
  return {
    provider: "pexels",
    id: `photo:${photo.id}`,
    kind: "image",
    text: { title: photo.alt?.trim() ?? "", description: slugWords(photo.url), tags: [] },
    width: pick.width,
    height: pick.height,
    durationSeconds: null,
    fps: null,
    creator: photo.photographer,
    series: `pexels:${photo.photographer_id}`,
    pageUrl: photo.url,
    license: license("Photo", photo.photographer),
    source: { url: pick.url },
    context: 0,
    forScene: null,
  };
}

export function pexelsVideoCandidate(video: PexelsVideo, target: { width: number; height: number }): MediaCandidate | null {
  const pick = pickRendition(pexelsVideoRenditions(validItems(VideoFileSchema, video.video_files)), target);
  if (!pick) return null;
  return {
    provider: "pexels",
    id: `video:${video.id}`,
    kind: "video",
    text: { title: slugWords(video.url), description: "", tags: [] },
    width: pick.width,
    height: pick.height,
    durationSeconds: video.duration,
    fps: pick.fps,
    creator: video.user.name,
    series: `pexels:${video.user.id}`,
    pageUrl: video.url,
    license: license("Video", video.user.name),
    source: { url: pick.url },
    context: 0,
    forScene: null,
  };
}

/**
 * Pexels photos and videos (https://www.pexels.com/api/documentation/). The key goes in the
 * Authorization header; the rate-limit headers come only with successful answers and
 * X-Ratelimit-Reset is a UNIX time. Every query asks both endpoints.
 */
export function createPexelsProvider(options: StockProviderOptions): MediaProvider {
  return createStockProvider(options, {
    provider: "pexels",
    keyVariable: "PEXELS_API_KEY",
    defaultBaseUrl: DEFAULT_PEXELS_BASE_URL,
    wire: { auth: { in: "header", name: "authorization" }, resetFormat: "unix-seconds", isKeyRejected: () => false },
    endpoints: ["videos", "photos"],
    async searchOne({ client, base, query, endpoint, context }) {
      const params = { query, orientation: ORIENTATION[context.aspect], per_page: String(Math.min(Math.max(1, context.perQuery), MAX_PER_PAGE)) };
      const target = { width: context.width, height: context.height };
      if (endpoint === "photos") {
        const answer = await client.getJson(`${base}/v1/search`, params, PhotoSearchSchema, context.signal);
        return validItems(PhotoSchema, answer.photos)
          .map((photo) => pexelsPhotoCandidate(photo, target))
          .filter((c) => c !== null);
      }
      const answer = await client.getJson(`${base}/videos/search`, params, VideoSearchSchema, context.signal);
      return validItems(VideoSchema, answer.videos)
        .map((video) => pexelsVideoCandidate(video, target))
        .filter((c) => c !== null);
    },
  });
}
