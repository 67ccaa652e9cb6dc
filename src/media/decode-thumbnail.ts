import { execFile } from "node:child_process";
import { ReelpressError } from "../errors.js";
import { ffmpegTool } from "./ffmpeg-bin.js";

/** Long side of a thumbnail decoded for analysis, in px. */
export const DEFAULT_THUMBNAIL_SIDE = 96;
/** A thumbnail takes milliseconds; a file that takes longer than this is damaged or on a stuck drive. */
export const DEFAULT_THUMBNAIL_TIMEOUT_MS = 10_000;

export interface Thumbnail {
  /** rgb24, row-major, width × height × 3 bytes. */
  rgb: Uint8Array;
  width: number;
  height: number;
}

export interface DecodeThumbnailOptions {
  /** @default DEFAULT_THUMBNAIL_SIDE */
  longSide?: number;
  /** Where in a video to take the frame (the keyframe at or before it); a still ignores it. @default the first frame */
  atSeconds?: number;
  signal?: AbortSignal;
  /** @default DEFAULT_THUMBNAIL_TIMEOUT_MS */
  timeoutMs?: number;
}

/** The size ffmpeg chose for its output stream, from its log: the pipe carries bare pixels. */
function outputSize(log: string): { width: number; height: number } | null {
  const output = log.slice(log.indexOf("Output #0"));
  const match = /rawvideo\b[^\n]*?\b(\d{1,5})x(\d{1,5})\b/.exec(output);
  return match ? { width: Number(match[1]), height: Number(match[2]) } : null;
}

/**
 * Decodes one frame of an image or video with the bundled ffmpeg, scaled (area-averaged, aspect
 * kept) so its long side is `longSide`, as raw RGB. Throws E_MEDIA when ffmpeg gives no frame.
 */
export async function decodeThumbnail(file: string, options: DecodeThumbnailOptions = {}): Promise<Thumbnail> {
  const side = options.longSide ?? DEFAULT_THUMBNAIL_SIDE;
  // The keyframe at or before the time, not the exact frame: an exact seek decodes up to a whole
  // group of pictures of full-size video (a quarter of a second for 1080p) to throw it away.
  const seek = options.atSeconds !== undefined && options.atSeconds > 0 ? ["-noaccurate_seek", "-ss", options.atSeconds.toFixed(3)] : [];
  const args = [
    ...["-nostdin", "-hide_banner", "-nostats", "-v", "info"],
    // One decoder thread: a single frame gains nothing from frame threads, which decode ahead and
    // cost a third more time on a machine that is rendering at the same time.
    ...["-threads", "1"],
    ...seek,
    // passthrough: image2pipe would otherwise hold a constant frame rate and, after a seek, decode
    // and drop every frame stamped before the seek point.
    ...["-i", file, "-an", "-sn", "-dn", "-frames:v", "1", "-fps_mode", "passthrough"],
    ...["-vf", `scale=w=${side}:h=${side}:force_original_aspect_ratio=decrease:flags=area`],
    ...["-pix_fmt", "rgb24", "-c:v", "rawvideo", "-f", "image2pipe", "pipe:1"],
  ];
  const { file: ffmpeg, env } = ffmpegTool("ffmpeg");
  const { stdout, stderr } = await new Promise<{ stdout: Buffer; stderr: Buffer }>((resolve, reject) => {
    // SIGKILL: ffmpeg catches SIGTERM and can go on waiting in a blocked read.
    execFile(
      ffmpeg,
      args,
      { env, encoding: "buffer", maxBuffer: side * side * 3 + 1024 * 1024, timeout: options.timeoutMs ?? DEFAULT_THUMBNAIL_TIMEOUT_MS, killSignal: "SIGKILL", signal: options.signal },
      (error, out, err) => (error ? reject(error) : resolve({ stdout: out, stderr: err })),
    );
  }).catch((cause: unknown) => {
    if (options.signal?.aborted) throw cause;
    throw new ReelpressError("E_MEDIA", `could not decode a frame of ${file}`, { cause, hint: "check that the file is a readable image or video" });
  });
  const size = outputSize(stderr.toString("utf8"));
  if (!size || size.width * size.height * 3 !== stdout.length) {
    throw new ReelpressError("E_MEDIA", `could not decode a frame of ${file}: ffmpeg wrote ${stdout.length} bytes`, { hint: "check that the file is a readable image or video" });
  }
  return { rgb: new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.length), ...size };
}
