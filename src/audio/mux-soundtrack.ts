import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { ReelpressError } from "../errors.js";
import { execFfmpegTool } from "../media/ffmpeg-bin.js";
import { probeVideo } from "../media/probe-media.js";

export interface MuxSoundtrackOptions {
  signal?: AbortSignal;
}

/** AAC at this rate and bit rate is transparent for speech over music. */
export const SOUNDTRACK_SAMPLE_RATE = 48000;
export const SOUNDTRACK_BITRATE = "192k";
/** ffmpeg is allowed this long per second of video (the AAC encode), and at least 30 s. */
const MUX_MS_PER_SECOND = 500;

/**
 * Writes `outFile`: the video stream of `videoFile` copied bit for bit, with `wavFile` as its
 * soundtrack encoded to AAC 192k at 48 kHz, padded with silence or cut to the video's exact
 * length (no -shortest, which would cut the video instead). The MP4 is written under a temporary
 * name, with its index at the front (+faststart), and renamed when complete.
 */
export async function muxSoundtrack(videoFile: string, wavFile: string, outFile: string, options: MuxSoundtrackOptions = {}): Promise<void> {
  const video = await probeVideo(videoFile, { signal: options.signal });
  const samples = Math.round(video.streamEndSeconds * SOUNDTRACK_SAMPLE_RATE);
  const temp = path.join(path.dirname(outFile), `.${path.basename(outFile)}.${process.pid}.part.mp4`);
  const args = ["-hide_banner", "-nostdin", "-v", "error", "-y", "-i", videoFile, "-i", wavFile];
  args.push("-map", `0:${video.streamIndex}`, "-map", "1:a:0", "-c:v", "copy");
  args.push("-af", `aresample=${SOUNDTRACK_SAMPLE_RATE},apad,atrim=end_sample=${samples}`);
  args.push("-c:a", "aac", "-b:a", SOUNDTRACK_BITRATE, "-ar", String(SOUNDTRACK_SAMPLE_RATE), "-movflags", "+faststart", "-f", "mp4", temp);
  try {
    await execFfmpegTool("ffmpeg", args, { signal: options.signal, timeoutMs: Math.max(30_000, video.streamEndSeconds * MUX_MS_PER_SECOND) });
    await rename(temp, outFile);
  } catch (cause) {
    await rm(temp, { force: true });
    if (options.signal?.aborted || cause instanceof ReelpressError) throw cause;
    const stderr = String((cause as { stderr?: unknown }).stderr ?? "").trim().split("\n")[0] ?? "";
    throw new ReelpressError("E_MEDIA", `cannot add the soundtrack to ${videoFile}: ${stderr.replace(/ @ 0x[0-9a-f]+/g, "") || String(cause)}`, {
      cause,
      hint: "check that the soundtrack is a readable WAV file",
    });
  }
}
