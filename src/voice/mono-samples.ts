import type { PcmAudio } from "../audio/wav.js";

/**
 * The audio as one channel (the channels' mean) at `sampleRate`, resampled linearly when it
 * differs: speech carries little above the lower rate, so linear interpolation is enough.
 */
export function monoSamples(audio: PcmAudio, sampleRate: number = audio.sampleRate): Float32Array {
  const channels = audio.channels;
  const length = channels[0]?.length ?? 0;
  let mono: Float32Array;
  if (channels.length === 1) mono = channels[0]!;
  else {
    mono = new Float32Array(length);
    for (const channel of channels) for (let i = 0; i < length; i += 1) mono[i]! += channel[i]! / channels.length;
  }
  if (sampleRate === audio.sampleRate || length === 0) return mono;
  const out = new Float32Array(Math.round((length * sampleRate) / audio.sampleRate));
  const step = audio.sampleRate / sampleRate;
  for (let i = 0; i < out.length; i += 1) {
    const at = i * step;
    const left = Math.min(length - 1, Math.floor(at));
    const right = Math.min(length - 1, left + 1);
    const t = at - left;
    out[i] = mono[left]! * (1 - t) + mono[right]! * t;
  }
  return out;
}
