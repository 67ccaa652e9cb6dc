import { riseCurve } from "./wavetable.js";
import type { PcmAudio } from "./wav.js";

export interface FitBedOptions {
  /** Overlap where a repeat of a looped bed fades into the next. @default 400 */
  crossfadeMs?: number;
  /** @default 1500 */
  fadeInMs?: number;
  /** @default 2500 */
  fadeOutMs?: number;
}

export const DEFAULT_FIT_BED = { crossfadeMs: 400, fadeInMs: 1500, fadeOutMs: 2500 } as const;

function curveAt(curve: Float32Array, x: number): number {
  if (Number.isNaN(x) || x >= 1) return 1;
  if (x <= 0) return 0;
  const steps = curve.length - 2;
  const pos = x * steps;
  const k = pos | 0;
  return curve[k]! + (curve[k + 1]! - curve[k]!) * (pos - k);
}

/**
 * A bed exactly `frames` long: trimmed, or looped with an equal-power crossfade at each repeat, then
 * faded in and out (raised-cosine curves; both shrink together when the video is shorter than
 * the two fades).
 */
export function fitBed(bed: PcmAudio, frames: number, options: FitBedOptions = {}): PcmAudio {
  const rate = bed.sampleRate;
  const length = bed.channels[0]?.length ?? 0;
  const curve = riseCurve();
  let fadeIn = ((options.fadeInMs ?? DEFAULT_FIT_BED.fadeInMs) / 1000) * rate;
  let fadeOut = ((options.fadeOutMs ?? DEFAULT_FIT_BED.fadeOutMs) / 1000) * rate;
  if (fadeIn + fadeOut > frames) {
    const scale = frames / (fadeIn + fadeOut);
    fadeIn *= scale;
    fadeOut *= scale;
  }
  // The crossfade is at most a quarter of the bed, so a short bed still moves forward on each repeat.
  const crossfade = Math.min(Math.round(((options.crossfadeMs ?? DEFAULT_FIT_BED.crossfadeMs) / 1000) * rate), Math.floor(length / 4));
  const period = length - crossfade;
  const channels = bed.channels.map((source) => {
    const out = new Float32Array(frames);
    if (length === 0) return out;
    if (length >= frames) out.set(source.subarray(0, frames));
    else {
      for (let start = 0; start < frames; start += period) {
        const first = start === 0;
        for (let j = 0; j < length && start + j < frames; j += 1) {
          // Equal power: sin/cos of a quarter turn, so the summed level stays even across the overlap.
          const fadeInGain = first || j >= crossfade ? 1 : Math.sin((Math.PI / 2) * ((j + 0.5) / crossfade));
          const fadeOutGain = j < period || start + period >= frames ? 1 : Math.cos((Math.PI / 2) * ((j - period + 0.5) / crossfade));
          out[start + j]! += source[j]! * fadeInGain * fadeOutGain;
        }
      }
    }
    for (let i = 0; i < frames; i += 1) {
      const gain = curveAt(curve, i / fadeIn) * curveAt(curve, (frames - i) / fadeOut);
      out[i]! *= gain;
    }
    return out;
  });
  return { sampleRate: rate, channels };
}
