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
  /** Index of the video stream described, among all the file's streams. */
  streamIndex: number;
  /** Where that stream ends, in seconds from the start of the file; another stream may run longer. */
  streamEndSeconds: number;
  /** The stream's colour matrix tag as ffprobe names it ("bt709", "smpte170m", …), null when untagged. */
  colorSpace: string | null;
}

export interface ProbeVideoOptions {
  signal?: AbortSignal;
  /** ffprobe is killed after this long and the probe throws E_MEDIA. @default 30000 (DEFAULT_FFMPEG_TIMEOUT_MS) */
  timeoutMs?: number;
}

interface FfprobeJson {
  streams?: {
    index?: number;
    codec_type?: string;
    codec_name?: string;
    color_space?: string;
    width?: number;
    height?: number;
    avg_frame_rate?: string;
    r_frame_rate?: string;
    start_time?: string;
    duration?: string;
    tags?: Record<string, string>;
    side_data_list?: { rotation?: number }[];
  }[];
  format?: { start_time?: string; duration?: string; tags?: Record<string, string> };
}

function rate(value: string | undefined): number {
  const [num, den] = (value ?? "").split("/").map(Number);
  return num && den ? num / den : num || 0;
}

/** Reads a video's size (as displayed), length, frame rate and tags. Throws E_MEDIA when it has no decodable video stream. */
export async function probeVideo(file: string, options: ProbeVideoOptions = {}): Promise<VideoInfo> {
  let json: FfprobeJson;
  try {
    const out = await runFfmpegTool("ffprobe", ["-v", "error", "-show_streams", "-show_format", "-of", "json", file], options);
    json = JSON.parse(out) as FfprobeJson;
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    const why = cause instanceof ReelpressError ? ` (${cause.message})` : "";
    throw new ReelpressError("E_MEDIA", `not a readable video: ${file}${why}`, { cause });
  }
  const video = json.streams?.find((s) => s.codec_type === "video" && s.width && s.height);
  const duration = Number(json.format?.duration ?? video?.duration);
  if (!video || !(duration > 0)) throw new ReelpressError("E_MEDIA", `not a readable video: ${file} has no video stream with a length`);
  const rotation = Math.abs(video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? Number(video.tags?.rotate ?? 0));
  const turned = rotation % 180 === 90;
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...video.tags, ...json.format?.tags })) tags[key.toLowerCase()] = value;
  // Matroska/WebM give no stream duration; the container's then stands for it.
  const streamEnd = (Number(video.start_time) || 0) - (Number(json.format?.start_time) || 0) + Number(video.duration);
  return {
    width: turned ? video.height! : video.width!,
    height: turned ? video.width! : video.height!,
    durationSeconds: duration,
    fps: rate(video.avg_frame_rate) || rate(video.r_frame_rate),
    codec: video.codec_name ?? "unknown",
    hasAudio: json.streams?.some((s) => s.codec_type === "audio") ?? false,
    tags,
    streamIndex: video.index ?? json.streams!.indexOf(video),
    streamEndSeconds: streamEnd > 0 ? Math.min(streamEnd, duration) : duration,
    colorSpace: video.color_space && video.color_space !== "unknown" ? video.color_space : null,
  };
}
