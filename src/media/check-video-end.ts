import { ReelpressError } from "../errors.js";
import { execFfmpegTool } from "./ffmpeg-bin.js";
import type { ProbeVideoOptions, VideoInfo } from "./probe-media.js";

/** Seconds decoded at the end of the video stream: enough to reach its last keyframe's frames, cheap enough for every download. */
export const VIDEO_END_SECONDS = 1;

const FRAME_LINE = /^frame=(\d+)$/gm;

function firstLine(text: string): string {
  return (text.split("\n").find((line) => line.trim()) ?? "").replace(/ @ 0x[0-9a-f]+/g, "").trim().slice(0, 200);
}

/**
 * Decodes the last second of a probed video's stream and throws E_MEDIA unless it decodes
 * cleanly. ffprobe reads only the header, and a "faststart" MP4 keeps its header (moov) at the
 * front, so a file cut short still probes as complete; its end does not decode. Costs one ffmpeg
 * run of about 0.2 s for a 1080p clip.
 */
export async function checkVideoEnd(file: string, video: Pick<VideoInfo, "streamIndex" | "streamEndSeconds">, options: ProbeVideoOptions = {}): Promise<void> {
  // Seek from the video stream's own end (not the file's, -sseof): an audio track that runs on would leave no frame to decode.
  const from = Math.max(0, video.streamEndSeconds - VIDEO_END_SECONDS);
  const args = ["-hide_banner", "-nostdin", "-nostats", "-v", "error", "-ss", from.toFixed(3), "-i", file, "-map", `0:${video.streamIndex}`, "-c:v", "rawvideo", "-f", "null", "-progress", "pipe:1", "-"];
  let stdout: string;
  let stderr: string;
  try {
    ({ stdout, stderr } = await execFfmpegTool("ffmpeg", args, options));
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    const why = cause instanceof ReelpressError ? cause.message : firstLine(String((cause as { stderr?: unknown }).stderr ?? "")) || String(cause);
    throw new ReelpressError("E_MEDIA", `the end of ${file} does not decode: ${why}`, { cause });
  }
  if (stderr.trim()) throw new ReelpressError("E_MEDIA", `the end of ${file} does not decode (cut short or damaged): ${firstLine(stderr)}`);
  const frames = Array.from(stdout.matchAll(FRAME_LINE), (m) => Number(m[1])).at(-1) ?? 0;
  if (frames === 0) throw new ReelpressError("E_MEDIA", `the end of ${file} does not decode (cut short or damaged): no frame in its last ${VIDEO_END_SECONDS} s`);
}
