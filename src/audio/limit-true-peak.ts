import { truePeakEnvelope } from "./true-peak.js";
import type { PcmAudio } from "./wav.js";

export interface LimitTruePeakOptions {
  /** The gain starts falling this long before a peak. @default 5 */
  lookAheadMs?: number;
  /** Time constant of the gain's recovery after a peak. @default 80 */
  releaseMs?: number;
}

export const DEFAULT_LIMITER = { lookAheadMs: 5, releaseMs: 80 } as const;
/** Passes made when the gain's own movement lets an inter-sample peak slip just over the ceiling. */
const MAX_PASSES = 4;

/** Sliding minimum of `values` over [i, i + window] (a monotonic deque, O(n)). */
function forwardMinimum(values: Float32Array, window: number): Float32Array {
  const n = values.length;
  const out = new Float32Array(n);
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let next = 0;
  for (let i = 0; i < n; i += 1) {
    const end = Math.min(n - 1, i + window);
    for (; next <= end; next += 1) {
      while (tail > head && values[deque[tail - 1]!]! >= values[next]!) tail -= 1;
      deque[tail++] = next;
    }
    while (deque[head]! < i) head += 1;
    out[i] = values[deque[head]!]!;
  }
  return out;
}

/** Mean of `values` over [i − window + 1, i], reading 1 before the start. */
function backwardAverage(values: Float32Array, window: number): Float32Array {
  const out = new Float32Array(values.length);
  let sum = window;
  const at = (i: number) => (i < 0 ? 1 : values[i]!);
  for (let i = 0; i < values.length; i += 1) {
    sum += values[i]! - at(i - window);
    out[i] = sum / window;
  }
  return out;
}

/** Per channel, the true-peak envelope (exact wherever it comes within 6 dB of `ceiling`) and its maximum. */
function envelopes(channels: readonly Float32Array[], ceiling: number): { envelopes: Float32Array[]; peak: number } {
  let peak = 0;
  const list = channels.map((channel) => {
    const envelope = truePeakEnvelope(channel, ceiling);
    for (let i = 0; i < envelope.length; i += 1) if (envelope[i]! > peak) peak = envelope[i]!;
    return envelope;
  });
  return { envelopes: list, peak };
}

function limitOnce(channels: readonly Float32Array[], envelopesOf: readonly Float32Array[], ceiling: number, sampleRate: number, lookAheadMs: number, releaseMs: number): Float32Array[] {
  const frames = channels[0]?.length ?? 0;
  const look = Math.max(1, Math.round((lookAheadMs / 1000) * sampleRate));
  // The gain each sample needs so that it and the inter-sample peaks next to it stay under the ceiling.
  const required = new Float32Array(frames).fill(1);
  for (const envelope of envelopesOf) {
    for (let i = 0; i < frames; i += 1) {
      const peak = Math.max(envelope[i]!, i > 0 ? envelope[i - 1]! : 0);
      if (peak > ceiling) required[i] = Math.min(required[i]!, ceiling / peak);
    }
  }
  // Every window of the two averages below covers the sample the minimum came from, so the
  // smoothed gain never exceeds what any sample needs: the ramp down starts 2 × look early.
  const smooth = backwardAverage(backwardAverage(forwardMinimum(required, 2 * look), look), look);
  const recover = 1 - Math.exp(-1 / ((releaseMs / 1000) * sampleRate));
  let gain = 1;
  for (let i = 0; i < frames; i += 1) {
    const target = smooth[i]!;
    gain = target < gain ? target : gain + (target - gain) * recover;
    // The exponential never arrives; snap the last 0.0001 dB so untouched stretches stay bit-exact.
    if (target - gain < 1e-5) gain = target;
    smooth[i] = gain;
  }
  return channels.map((channel) => {
    const out = new Float32Array(frames);
    for (let i = 0; i < frames; i += 1) out[i] = channel[i]! * smooth[i]!;
    return out;
  });
}

/**
 * A look-ahead brick-wall limiter on true peak: the gain (linked across channels) is worked out
 * from the 4×-oversampled signal, ramps down smoothly before each peak and recovers with
 * `releaseMs`; the result is measured again and the pass repeated with a slightly lower ceiling
 * in the rare case an inter-sample peak still pokes over. Audio under the ceiling is returned as is.
 */
export function limitTruePeak(audio: PcmAudio, ceilingDb: number, options: LimitTruePeakOptions = {}): PcmAudio {
  const target = 10 ** (ceilingDb / 20);
  const lookAheadMs = options.lookAheadMs ?? DEFAULT_LIMITER.lookAheadMs;
  const releaseMs = options.releaseMs ?? DEFAULT_LIMITER.releaseMs;
  let channels: Float32Array[] = audio.channels;
  let ceiling = target;
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const measured = envelopes(channels, target);
    if (measured.peak <= target) break;
    if (pass > 0) ceiling *= (target / measured.peak) * 0.999;
    channels = limitOnce(channels, measured.envelopes, ceiling, audio.sampleRate, lookAheadMs, releaseMs);
  }
  return { sampleRate: audio.sampleRate, channels: channels === audio.channels ? audio.channels.map((c) => c.slice()) : channels };
}
