import { energyTrack, frameAt, frameCenterMs, frameStartMs, silenceLevel, type EnergyTrack } from "./energy-track.js";
import { findSilences, type Silence } from "./find-silences.js";
import { spreadUnits, type NominalUnit, type Span } from "./spread-units.js";

export interface AlignOptions {
  /** Match punctuation pauses to real silences in the audio and split the sentence there. @default true */
  anchorPauses: boolean;
  /** Move each remaining word boundary to the quietest point within `refineWindowMs`. @default true */
  refine: boolean;
  /**
   * How far a boundary may move, either way. Kept short: a wide window can snap a boundary to the
   * brief closure of a stop consonant inside a word rather than to the gap between words.
   * @default 40
   */
  refineWindowMs: number;
  /** Shortest silence taken for a spoken pause; stop consonants close for less. @default 90 */
  minPauseMs: number;
  /** Speakers slow down on the word before a pause or the end of the sentence: its length is multiplied by this. @default 1.25 */
  finalLengthening: number;
}

export const DEFAULT_ALIGN_OPTIONS: Readonly<AlignOptions> = { anchorPauses: true, refine: true, refineWindowMs: 40, minPauseMs: 90, finalLengthening: 1.25 };

/** No word is squeezed below this by the refinement. */
const MIN_WORD_MS = 40;

/**
 * Word spans inside one sentence's trimmed audio (0 = its first sound, `durationMs` = its last):
 * the modelled layout (nominal lengths and pauses), split at the real silences that match its
 * punctuation pauses, then each boundary nudged to a nearby energy minimum. Pure.
 */
export function alignWords(nominal: readonly NominalUnit[], samples: Float32Array, sampleRate: number, options: AlignOptions = DEFAULT_ALIGN_OPTIONS): Span[] {
  const durationMs = (samples.length / sampleRate) * 1000;
  if (nominal.length === 0) return [];
  const units = nominal.map((unit, i) => (unit.pauseMs > 0 || i === nominal.length - 1 ? { ...unit, lengthMs: unit.lengthMs * options.finalLengthening } : unit));
  const track = energyTrack(samples, sampleRate);
  const anchors = options.anchorPauses ? matchPauses(units, durationMs, findSilences(samples, sampleRate, options.minPauseMs, track)) : new Map<number, Silence>();
  const spans: Span[] = [];
  let segmentStart = 0;
  let from = 0;
  units.forEach((_, i) => {
    const anchor = anchors.get(i);
    if (!anchor && i < units.length - 1) return;
    spans.push(...spreadUnits(units.slice(from, i + 1), segmentStart, anchor ? anchor.startMs : durationMs));
    if (anchor) segmentStart = anchor.endMs;
    from = i + 1;
  });
  if (options.refine) refineBoundaries(spans, track, options.refineWindowMs);
  return spans;
}

/**
 * Pairs the pauses after units (by index) with silences, in order: each pause takes the nearest
 * unused silence after the previous one's, if it is within reach and not nearer to the next pause.
 */
function matchPauses(units: readonly NominalUnit[], durationMs: number, silences: readonly Silence[]): Map<number, Silence> {
  const model = spreadUnits(units, 0, durationMs);
  const slots: { unit: number; at: number }[] = [];
  units.forEach((unit, i) => {
    if (i < units.length - 1 && unit.pauseMs > 0) slots.push({ unit: i, at: (model[i]!.endMs + model[i + 1]!.startMs) / 2 });
  });
  const reach = Math.max(300, durationMs * 0.2);
  const anchors = new Map<number, Silence>();
  let next = 0;
  slots.forEach((slot, k) => {
    let best = -1;
    for (let j = next; j < silences.length; j += 1) {
      const distance = Math.abs(centre(silences[j]!) - slot.at);
      if (distance > reach) continue;
      const following = slots[k + 1];
      if (following && Math.abs(centre(silences[j]!) - following.at) < distance) continue;
      if (best < 0 || distance < Math.abs(centre(silences[best]!) - slot.at)) best = j;
    }
    if (best >= 0) {
      anchors.set(slot.unit, silences[best]!);
      next = best + 1;
    }
  });
  return anchors;
}

function centre(silence: Silence): number {
  return (silence.startMs + silence.endMs) / 2;
}

/** Touching boundaries move to the quietest frame nearby; a silent stretch there becomes a gap. */
function refineBoundaries(spans: Span[], track: EnergyTrack, windowMs: number): void {
  const level = silenceLevel(track);
  for (let i = 0; i + 1 < spans.length; i += 1) {
    const left = spans[i]!;
    const right = spans[i + 1]!;
    if (right.startMs - left.endMs > 1e-6) continue;
    const at = left.endMs;
    const lo = Math.max(at - windowMs, left.startMs + MIN_WORD_MS);
    const hi = Math.min(at + windowMs, right.endMs - MIN_WORD_MS);
    if (hi <= lo) continue;
    let best = -1;
    for (let f = frameAt(track, lo); f <= frameAt(track, hi); f += 1) {
      const centreMs = frameCenterMs(track, f);
      if (centreMs < lo || centreMs > hi) continue;
      if (best < 0 || track.rms[f]! < track.rms[best]!) best = f;
    }
    if (best < 0) continue;
    if (track.rms[best]! <= level) {
      let first = best;
      let last = best;
      while (first > 0 && track.rms[first - 1]! <= level && frameCenterMs(track, first - 1) >= lo) first -= 1;
      while (last + 1 < track.rms.length && track.rms[last + 1]! <= level && frameCenterMs(track, last + 1) <= hi) last += 1;
      left.endMs = Math.max(left.startMs, frameStartMs(track, first));
      right.startMs = Math.min(right.endMs, frameStartMs(track, last) + (track.window / track.sampleRate) * 1000);
    } else {
      left.endMs = right.startMs = frameCenterMs(track, best);
    }
  }
}
