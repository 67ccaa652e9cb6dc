import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const BIN_DIR = path.resolve(import.meta.dirname, "../../node_modules/@remotion/compositor-linux-x64-gnu");
export const FFPROBE = path.join(BIN_DIR, "ffprobe");
export const FFMPEG = path.join(BIN_DIR, "ffmpeg");
const env = { ...process.env, LD_LIBRARY_PATH: BIN_DIR };

export interface ProbeResult {
  streams: { codec_type: string; codec_name: string; width?: number; height?: number; r_frame_rate?: string; avg_frame_rate?: string; pix_fmt?: string; nb_frames?: string }[];
  format: { duration: string; format_name: string };
}

/** ffprobe's JSON view of a media file. */
export async function probe(file: string): Promise<ProbeResult> {
  const { stdout } = await run(FFPROBE, ["-v", "error", "-show_streams", "-show_format", "-count_frames", "-of", "json", file], { env });
  return JSON.parse(stdout) as ProbeResult;
}

/** One frame at `seconds`, scaled to width×height, as 8-bit grey pixels (image2pipe: this ffmpeg build has no rawvideo muxer). */
export async function grabGrayFrame(file: string, seconds: number, width: number, height: number): Promise<Buffer> {
  const { stdout } = await run(
    FFMPEG,
    ["-v", "error", "-ss", seconds.toFixed(3), "-i", file, "-frames:v", "1", "-vf", `scale=${width}:${height}`, "-pix_fmt", "gray", "-c:v", "rawvideo", "-f", "image2pipe", "-"],
    { env, encoding: "buffer", maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

export function stddev(pixels: Uint8Array): number {
  let sum = 0;
  for (const p of pixels) sum += p;
  const mean = sum / pixels.length;
  let sq = 0;
  for (const p of pixels) sq += (p - mean) ** 2;
  return Math.sqrt(sq / pixels.length);
}

/** Mean absolute difference of two equal-sized grey images, 0–255. */
export function meanAbsDiff(a: Uint8Array, b: Uint8Array): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += Math.abs(a[i]! - b[i]!);
  return total / a.length;
}

/** Crops a region out of a grey image of the given width. */
export function crop(pixels: Uint8Array, width: number, box: { x: number; y: number; width: number; height: number }): Uint8Array {
  const out = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) out.set(pixels.subarray((box.y + y) * width + box.x, (box.y + y) * width + box.x + box.width), y * box.width);
  return out;
}

/** SRT cues as [startMs, endMs, text]. */
export function parseSrt(text: string): { index: number; startMs: number; endMs: number; text: string }[] {
  const ms = (t: string) => {
    const [h, m, rest] = t.split(":");
    const [s, milli] = rest!.split(",");
    return Number(h) * 3_600_000 + Number(m) * 60_000 + Number(s) * 1000 + Number(milli);
  };
  return text
    .trim()
    .split(/\n\n+/)
    .map((cue) => {
      const [index, times, ...lines] = cue.split("\n");
      const [start, end] = times!.split(" --> ");
      return { index: Number(index), startMs: ms(start!), endMs: ms(end!), text: lines.join("\n") };
    });
}

/** Every frame of a video, scaled to width×height, as 8-bit grey pixels, in order. */
export async function grayFrames(file: string, width: number, height: number): Promise<Buffer[]> {
  const { stdout } = await run(FFMPEG, ["-v", "error", "-i", file, "-map", "0:v:0", "-vf", `scale=${width}:${height}`, "-pix_fmt", "gray", "-c:v", "rawvideo", "-f", "image2pipe", "-"], {
    env,
    encoding: "buffer",
    maxBuffer: 256 * 1024 * 1024,
  });
  const size = width * height;
  return Array.from({ length: Math.floor(stdout.length / size) }, (_, i) => stdout.subarray(i * size, (i + 1) * size));
}
