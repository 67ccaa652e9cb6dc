import { filterBiquad } from "./biquad.js";
import { kWeightingFilters } from "./k-weighting.js";
import { linearToDb, truePeak } from "./true-peak.js";
import type { PcmAudio } from "./wav.js";

/** ITU-R BS.1770-4 gating block: 400 ms, a new one every 100 ms (75 % overlap). */
const BLOCK_SEGMENTS = 4;
const SEGMENT_SECONDS = 0.1;
const ABSOLUTE_GATE_LUFS = -70;
const RELATIVE_GATE_LU = -10;
/** Weights of L, R, C, LFE, Ls, Rs for 5.1; other layouts weigh every channel 1. */
const SURROUND_WEIGHTS = [1, 1, 1, 0, 1.41, 1.41];

export interface Loudness {
  /** Gated integrated loudness in LUFS; −Infinity when nothing is above the −70 LUFS gate. */
  integratedLufs: number;
  /** Highest peak of the 4×-oversampled signal in dBTP; −Infinity for digital silence. */
  truePeakDb: number;
}

function blockLoudness(meanSquare: number): number {
  return -0.691 + 10 * Math.log10(meanSquare);
}

/**
 * Mean K-weighted power of every 400 ms block (one every 100 ms), summed over channels with the
 * BS.1770 weights. A trailing part shorter than a block is not measured, as in the recommendation.
 */
export function blockPowers(audio: PcmAudio): Float64Array {
  const frames = audio.channels[0]?.length ?? 0;
  const rate = audio.sampleRate;
  const bound = (k: number) => Math.round(k * SEGMENT_SECONDS * rate);
  let segments = 0;
  while (bound(segments + 1) <= frames) segments += 1;
  const energy = new Float64Array(segments);
  const weighted = audio.channels.length === 6 ? SURROUND_WEIGHTS : null;
  const [shelf, highPass] = kWeightingFilters(rate);
  const buffer = new Float32Array(frames);
  audio.channels.forEach((channel, c) => {
    const weight = weighted ? weighted[c]! : 1;
    if (weight === 0) return;
    filterBiquad(shelf, channel, buffer);
    filterBiquad(highPass, buffer, buffer);
    for (let s = 0; s < segments; s += 1) {
      let sum = 0;
      for (let i = bound(s), end = bound(s + 1); i < end; i += 1) sum += buffer[i]! * buffer[i]!;
      energy[s]! += weight * sum;
    }
  });
  const blocks = Math.max(0, segments - BLOCK_SEGMENTS + 1);
  const powers = new Float64Array(blocks);
  for (let b = 0; b < blocks; b += 1) {
    let sum = 0;
    for (let s = b; s < b + BLOCK_SEGMENTS; s += 1) sum += energy[s]!;
    powers[b] = sum / (bound(b + BLOCK_SEGMENTS) - bound(b));
  }
  return powers;
}

/** Gated integrated loudness (BS.1770-4) in LUFS: −70 LUFS absolute gate, then −10 LU relative gate. */
export function integratedLoudness(audio: PcmAudio): number {
  const powers = blockPowers(audio);
  const gatedMean = (threshold: number) => {
    let sum = 0;
    let count = 0;
    for (const p of powers) {
      if (p > 0 && blockLoudness(p) > threshold) {
        sum += p;
        count += 1;
      }
    }
    return count > 0 ? sum / count : 0;
  };
  const absolute = gatedMean(ABSOLUTE_GATE_LUFS);
  if (absolute === 0) return -Infinity;
  const relativeGate = blockLoudness(absolute) + RELATIVE_GATE_LU;
  const mean = gatedMean(Math.max(ABSOLUTE_GATE_LUFS, relativeGate));
  return mean > 0 ? blockLoudness(mean) : -Infinity;
}

/** Integrated loudness and true peak of a signal, per ITU-R BS.1770-4. */
export function measureLoudness(audio: PcmAudio): Loudness {
  return { integratedLufs: integratedLoudness(audio), truePeakDb: linearToDb(truePeak(audio.channels)) };
}
