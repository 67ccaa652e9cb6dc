import { energyTrack, silenceLevel } from "./energy-track.js";

/** Kept either side of the first and last loud frame, so soft attacks and releases are not cut. */
export const TRIM_PAD_MS = 15;

/**
 * Where the sound is: the first and last samples (end exclusive) of the part above the silence
 * level, widened by `padMs`; null when it is all silence.
 */
export function voicedSpan(samples: Float32Array, sampleRate: number, padMs = TRIM_PAD_MS): { start: number; end: number } | null {
  const track = energyTrack(samples, sampleRate);
  const level = silenceLevel(track);
  let first = -1;
  let last = -1;
  for (let f = 0; f < track.rms.length; f += 1) {
    if (track.rms[f]! > level) {
      if (first < 0) first = f;
      last = f;
    }
  }
  if (first < 0) return null;
  const pad = Math.round((sampleRate * padMs) / 1000);
  return {
    start: Math.max(0, first * track.hop - pad),
    end: Math.min(samples.length, last * track.hop + track.window + pad),
  };
}
