import { ReelpressError } from "../errors.js";
import { runFfmpegTool } from "./ffmpeg-bin.js";

export interface VideoInfo {
  width: number;
  height: number;
  durationSeconds: number;
  fps: number;
  codec: string;
  hasAudio: boolean;
  /** Container tags (title, comment, description, keywords…), lower-cased keys. */
  tags: Record<string, string>;
}

interface FfprobeJson {
  streams?: { codec_type?: string; codec_name?: string; width?: number; height?: number; avg_frame_rate?: string; r_frame_rate?: string; duration?: string; tags?: Record<string, string>; side_data_list?: { rotation?: number }[] }[];
  format?: { duration?: string; tags?: Record<string, string> };
}

function rate(value: string | undefined): number {
  const [num, den] = (value ?? "").split("/").map(Number);
  return num && den ? num / den : num || 0;
}

/** Reads a video's size (as displayed), length, frame rate and tags. Throws E_MEDIA when it has no decodable video stream. */
export async function probeVideo(file: string, options: { signal?: AbortSignal } = {}): Promise<VideoInfo> {
  let json: FfprobeJson;
  try {
    const out = await runFfmpegTool("ffprobe", ["-v", "error", "-show_streams", "-show_format", "-of", "json", file], options);
    json = JSON.parse(out) as FfprobeJson;
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ReelpressError("E_MEDIA", `not a readable video: ${file}`, { cause });
  }
  const video = json.streams?.find((s) => s.codec_type === "video" && s.width && s.height);
  const duration = Number(json.format?.duration ?? video?.duration);
  if (!video || !(duration > 0)) throw new ReelpressError("E_MEDIA", `not a readable video: ${file} has no video stream with a length`);
  const rotation = Math.abs(video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? Number(video.tags?.rotate ?? 0));
  const turned = rotation % 180 === 90;
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...video.tags, ...json.format?.tags })) tags[key.toLowerCase()] = value;
  return {
    width: turned ? video.height! : video.width!,
    height: turned ? video.width! : video.height!,
    durationSeconds: duration,
    fps: rate(video.avg_frame_rate) || rate(video.r_frame_rate),
    codec: video.codec_name ?? "unknown",
    hasAudio: json.streams?.some((s) => s.codec_type === "audio") ?? false,
    tags,
  };
}
