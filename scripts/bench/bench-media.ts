import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { execFfmpegTool } from "../../src/media/ffmpeg-bin.js";
import type { Media } from "../../src/schema/storyboard.js";
import { BENCH_FPS, BENCH_HEIGHT, BENCH_SCENES, BENCH_WIDTH, type BenchSceneText } from "./bench-storyboard.js";
import type { MedialibEntry } from "../medialib-entry.js";

/** Landscape MS-COCO photos (commercial use allowed) from ../shared/medialib: the first four become clips, the rest stills. */
export const BENCH_PHOTOS = [
  { file: "images/coco_train2017_000000078499.jpg", headline: "Horses graze above the lake" },
  { file: "images/coco_train2017_000000107438.jpg", headline: "A bike waits at the light" },
  { file: "images/coco_train2017_000000129648.jpg", headline: "Skaters take over the square" },
  { file: "images/coco_train2017_000000174375.jpg", headline: "Clay courts open for summer" },
  { file: "images/coco_train2017_000000252639.jpg", headline: "New bus line reaches the hills" },
  { file: "images/coco_train2017_000000330993.jpg", headline: "Parking meters go digital" },
  { file: "images/coco_train2017_000000442450.jpg", headline: "Frisbee golf in the woods" },
  { file: "images/coco_train2017_000000525891.jpg", headline: "Stop signs bloom in spring" },
] as const;

/** Average bitrate asked of the clips, so decoding costs what real footage costs. */
export const CLIP_BITRATE = "5M";
/** Bumped when the way clips are made changes, so cached ones are made again. */
const CLIP_RECIPE = 1;


export interface BenchMedia {
  clips: Media[];
  stills: Media[];
  texts: BenchSceneText[];
  /** Clips made by this call (the others came from the cache). */
  made: number;
  /** Measured average bitrate of the clips, in Mbit/s. */
  clipMbps: number[];
}

/**
 * The benchmark's footage: four 1920×1080 30-fps H.264 clips (a slow zoom and pan over a photo,
 * made by ffmpeg's scale and crop) and four stills (the photos themselves), each clip kept in
 * `cacheDir` under a hash of its photo and recipe.
 */
export async function benchMedia(medialib: string, cacheDir: string, clipSeconds: number): Promise<BenchMedia> {
  const entries = JSON.parse(await readFile(path.join(medialib, "captions.json"), "utf8")) as MedialibEntry[];
  const photos = BENCH_PHOTOS.map((photo) => {
    const entry = entries.find((e) => e.file === photo.file);
    if (!entry) throw new Error(`${photo.file} is not in ${medialib}/captions.json`);
    return { ...photo, entry, path: path.join(medialib, photo.file) };
  });
  await mkdir(cacheDir, { recursive: true });
  const half = BENCH_SCENES / 2;
  const license = (entry: MedialibEntry) => ({ name: entry.image_license.replace(/-/g, " "), url: entry.image_license_url, attribution: entry.license });
  let made = 0;
  const clips: Media[] = [];
  const clipMbps: number[] = [];
  for (const photo of photos.slice(0, half)) {
    const clip = await benchClip(photo.path, cacheDir, clipSeconds);
    if (clip.made) made += 1;
    clipMbps.push(clip.mbps);
    clips.push({
      kind: "video", file: clip.file, width: BENCH_WIDTH, height: BENCH_HEIGHT, durationSeconds: clipSeconds, fps: BENCH_FPS, focus: { x: 0.5, y: 0.5 },
      provider: "library", origin: photo.path, license: license(photo.entry), creator: null, sourceId: photo.file,
    });
  }
  const stills: Media[] = photos.slice(half).map((photo) => ({
    kind: "image", file: photo.path, width: photo.entry.width, height: photo.entry.height, alt: photo.entry.captions[0]!, focus: { x: 0.5, y: 0.5 },
    provider: "library", origin: photo.path, license: license(photo.entry), creator: null, sourceId: photo.file,
  }));
  // Scene order alternates clip, still: texts follow the photos in that order.
  const order = Array.from({ length: BENCH_SCENES }, (_, i) => photos[i % 2 === 0 ? i / 2 : half + (i - 1) / 2]!);
  const texts = order.map((photo) => ({ headline: photo.headline, narration: photo.entry.captions.slice(0, 2).map(sentence).join(" ") }));
  return { clips, stills, texts, made, clipMbps };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** ffmpeg's arguments for one clip: zoom from 110% to 125% of cover size while panning left to right. */
export function clipArgs(photo: string, seconds: number, output: string): string[] {
  const zoom = `(1.1+0.15*t/${seconds})`;
  const cover = `max(${BENCH_WIDTH}*${zoom}\\,${BENCH_HEIGHT}*${zoom}*iw/ih)`;
  return [
    "-v", "error", "-y",
    "-loop", "1", "-framerate", String(BENCH_FPS), "-t", String(seconds), "-i", photo,
    "-vf", `scale=w='trunc(${cover}/2)*2':h=-2:eval=frame:flags=bicubic,crop=${BENCH_WIDTH}:${BENCH_HEIGHT}:x='(iw-ow)*t/${seconds}':y='(ih-oh)/2',format=yuv420p`,
    "-c:v", "libx264", "-preset", "veryfast", "-b:v", CLIP_BITRATE, "-maxrate", "6M", "-bufsize", "10M", "-g", String(BENCH_FPS * 2),
    "-r", String(BENCH_FPS), "-an", "-movflags", "+faststart", "-f", "mp4", output,
  ];
}

async function benchClip(photo: string, cacheDir: string, seconds: number): Promise<{ file: string; made: boolean; mbps: number }> {
  const hash = createHash("sha256").update(await readFile(photo)).update(JSON.stringify({ recipe: CLIP_RECIPE, args: clipArgs("IN", seconds, "OUT") })).digest("hex").slice(0, 16);
  const file = path.join(cacheDir, `clip-${hash}.mp4`);
  let made = false;
  if (!existsSync(file)) {
    const part = `${file}.part`;
    try {
      await execFfmpegTool("ffmpeg", clipArgs(photo, seconds, part), { timeoutMs: 0 });
      await rename(part, file);
    } finally {
      await rm(part, { force: true });
    }
    made = true;
  }
  const size = (await readFile(file)).byteLength;
  return { file, made, mbps: Math.round(((size * 8) / seconds / 1e6) * 100) / 100 };
}
