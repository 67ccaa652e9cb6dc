import { decodeAudioFile } from "./decode-audio-file.js";
import type { PcmAudio } from "./wav.js";

export interface LoadMusicOptions {
  sampleRate: number;
  signal?: AbortSignal;
  /** Only the first this many seconds are decoded; a bed never needs more than the video. @default 900 */
  maxSeconds?: number;
}

/**
 * Decodes a music file (MP3, WAV, FLAC, Ogg, M4A…) to stereo float PCM at `sampleRate` with the
 * bundled ffmpeg. A file that does not decode (or has no audio) throws E_MEDIA naming the file;
 * a missing one E_FILE_NOT_FOUND.
 */
export async function loadMusic(file: string, options: LoadMusicOptions): Promise<PcmAudio> {
  return decodeAudioFile(file, {
    sampleRate: options.sampleRate,
    channels: 2,
    signal: options.signal,
    maxSeconds: options.maxSeconds,
    role: "the music file",
    hint: "use an MP3, WAV, FLAC, Ogg or M4A file, or --music auto",
  });
}
