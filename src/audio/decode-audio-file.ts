import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import { ReelpressError } from "../errors.js";
import { ffmpegTool } from "../media/ffmpeg-bin.js";
import { decodeWav, type PcmAudio } from "./wav.js";

export interface DecodeAudioOptions {
  sampleRate: number;
  channels: 1 | 2;
  signal?: AbortSignal;
  /** Only the first this many seconds are decoded. @default 900 (DEFAULT_MAX_DECODE_SECONDS) */
  maxSeconds?: number;
  /** ffmpeg is killed after this long and the decode throws E_MEDIA. @default 60000 */
  timeoutMs?: number;
  /** What the file is, for messages: "the music file", "the voice file". @default "the audio file" */
  role?: string;
  /** Said after the error. @default "use an MP3, WAV, FLAC, Ogg or M4A file" */
  hint?: string;
}

/** A cap on what is decoded into memory: 15 min of 48 kHz stereo float is about 350 MB. */
export const DEFAULT_MAX_DECODE_SECONDS = 900;
const DEFAULT_DECODE_TIMEOUT_MS = 60_000;

function reason(stderr: string, code: number | null): string {
  if (/matches no streams/.test(stderr)) return "it has no audio stream";
  const line = (stderr.split("\n").find((l) => l.trim()) ?? "").replace(/ @ 0x[0-9a-f]+/g, "").replace(/^\[[^\]]*\]\s*/, "").trim();
  return line.slice(0, 200) || `ffmpeg exited with ${code}`;
}

/**
 * Decodes the first audio stream of any file the bundled ffmpeg reads (MP3, WAV, FLAC, Ogg,
 * M4A/AAC, Opus, or a video's soundtrack) to float PCM at the given rate and channel count.
 * ffmpeg writes a 24-bit WAV to a pipe: this build has no float PCM encoder, and 24 bits is far
 * below anything audible. Throws E_FILE_NOT_FOUND for a missing file and E_MEDIA for one ffmpeg
 * cannot decode or that holds no audio.
 */
export async function decodeAudioFile(file: string, options: DecodeAudioOptions): Promise<PcmAudio> {
  const maxSeconds = options.maxSeconds ?? DEFAULT_MAX_DECODE_SECONDS;
  const role = options.role ?? "the audio file";
  const hint = options.hint ?? "use an MP3, WAV, FLAC, Ogg or M4A file";
  const timeoutMs = options.timeoutMs ?? DEFAULT_DECODE_TIMEOUT_MS;
  const info = await stat(file).catch((cause: unknown) => {
    throw new ReelpressError("E_FILE_NOT_FOUND", `${role} does not exist: ${file}`, { cause, hint: "check the path" });
  });
  if (!info.isFile()) throw new ReelpressError("E_MEDIA", `${role} is a folder: ${file}`, { hint });
  options.signal?.throwIfAborted();
  const { file: ffmpeg, env } = ffmpegTool("ffmpeg");
  const args = ["-hide_banner", "-nostdin", "-v", "error", "-i", file, "-map", "0:a:0", "-vn", "-sn", "-dn", "-map_metadata", "-1"];
  args.push("-t", String(maxSeconds), "-ac", String(options.channels), "-ar", String(options.sampleRate), "-c:a", "pcm_s24le", "-f", "wav", "-");
  const child = spawn(ffmpeg, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const chunks: Buffer[] = [];
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => {
    if (stderr.length < 64 * 1024) stderr += chunk.toString("utf8");
  });
  let timedOut = false;
  const kill = () => child.kill("SIGKILL");
  const timer = setTimeout(() => {
    timedOut = true;
    kill();
  }, timeoutMs);
  options.signal?.addEventListener("abort", kill, { once: true });
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", resolve);
    });
    options.signal?.throwIfAborted();
    if (timedOut) throw new ReelpressError("E_MEDIA", `decoding ${role} ${file} took longer than ${timeoutMs} ms`, { hint: "the file may be damaged" });
    if (code !== 0) {
      throw new ReelpressError("E_MEDIA", `${role} does not decode: ${file} (${reason(stderr, code)})`, { hint });
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", kill);
  }
  const audio = decodeWav(Buffer.concat(chunks), file);
  if ((audio.channels[0]?.length ?? 0) === 0) throw new ReelpressError("E_MEDIA", `${role} holds no sound: ${file}`, { hint });
  return audio;
}
