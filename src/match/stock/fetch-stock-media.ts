import { ReelpressError } from "../../errors.js";
import type { Media } from "../../schema/storyboard.js";
import type { MediaCandidate } from "../media-provider.js";
import { STOCK_VIDEO_CODECS, type ResolvedStock } from "./stock-options.js";

/** Where stock images are framed by default: a little above the middle, where subjects tend to be. */
const IMAGE_FOCUS = { x: 0.5, y: 0.45 };

/**
 * Downloads a stock candidate into the media cache (Pixabay forbids hotlinking, and the
 * renderer wants local files anyway), checks it, and returns what the storyboard stores.
 */
export async function fetchStockMedia(candidate: MediaCandidate, stock: ResolvedStock, signal: AbortSignal | undefined): Promise<Media> {
  const source = candidate.source;
  if (!source || !("url" in source) || (candidate.kind !== "image" && candidate.kind !== "video")) {
    throw new ReelpressError("E_MEDIA", `${candidate.provider} candidate ${candidate.id} has nothing to download`);
  }
  const base = {
    provider: candidate.provider,
    origin: candidate.pageUrl,
    license: candidate.license,
    creator: candidate.creator,
    sourceId: candidate.id,
  };
  const download = stock.client.download.bind(stock.client);
  if (candidate.kind === "image") {
    const cached = await stock.mediaCache.get(source.url, { kind: "image", download, maxBytes: stock.maxImageBytes, signal });
    const { title, description, tags } = candidate.text;
    return { kind: "image", file: cached.file, width: cached.width, height: cached.height, alt: title || description || tags.join(", "), focus: IMAGE_FOCUS, ...base };
  }
  const cached = await stock.mediaCache.get(source.url, { kind: "video", download, maxBytes: stock.maxVideoBytes, videoCodecs: STOCK_VIDEO_CODECS, signal });
  return {
    kind: "video",
    file: cached.file,
    width: cached.width,
    height: cached.height,
    durationSeconds: cached.durationSeconds ?? candidate.durationSeconds ?? 0,
    fps: cached.fps ?? candidate.fps,
    focus: { x: 0.5, y: 0.5 },
    ...base,
  };
}
