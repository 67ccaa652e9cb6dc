import type { PcmAudio } from "../audio/wav.js";

/** What OpenAI's `response_format: "pcm"` is: raw 16-bit little-endian mono at 24 kHz. */
export const OPENAI_PCM_RATE = 24_000;

/** Raw signed 16-bit little-endian mono samples as audio (a trailing odd byte is dropped). */
export function pcm16Audio(bytes: Uint8Array, sampleRate: number = OPENAI_PCM_RATE): PcmAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const samples = new Float32Array(Math.floor(bytes.byteLength / 2));
  for (let i = 0; i < samples.length; i += 1) samples[i] = view.getInt16(i * 2, true) / 32768;
  return { sampleRate, channels: [samples] };
}
