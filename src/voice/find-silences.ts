import { energyTrack, frameStartMs, silenceLevel, type EnergyTrack } from "./energy-track.js";

export interface Silence {
  startMs: number;
  endMs: number;
}

/**
 * Runs of silence at least `minMs` long inside a signal (not at its edges), in order. A run spans
 * from the first quiet frame's start to the last quiet frame's end.
 */
export function findSilences(samples: Float32Array, sampleRate: number, minMs: number, track: EnergyTrack = energyTrack(samples, sampleRate)): Silence[] {
  const level = silenceLevel(track);
  const windowMs = (track.window / sampleRate) * 1000;
  const out: Silence[] = [];
  let runStart = -1;
  for (let f = 0; f <= track.rms.length; f += 1) {
    const quiet = f < track.rms.length && track.rms[f]! <= level;
    if (quiet && runStart < 0) runStart = f;
    if (!quiet && runStart >= 0) {
      const atEdge = runStart === 0 || f === track.rms.length;
      // Every quiet frame's whole window is quiet, so the run is [first start, last start + window).
      const startMs = frameStartMs(track, runStart);
      const endMs = frameStartMs(track, f - 1) + windowMs;
      if (!atEdge && endMs - startMs >= minMs) out.push({ startMs, endMs });
      runStart = -1;
    }
  }
  return out;
}
