import { alignWords, DEFAULT_ALIGN_OPTIONS, type AlignOptions } from "./align-words.js";
import { isPunctuationOnly, pauseAfterMs } from "./pause-after.js";
import type { Span } from "./spread-units.js";

/**
 * Spans for a sentence's words (caption units, punctuation attached) inside its trimmed audio.
 * Units that are only punctuation ("—") are not spoken: their pause goes to the word before,
 * and they take the gap between their neighbours. Pure.
 */
export function timeSentenceWords(
  words: readonly string[],
  lengthsMs: readonly number[],
  samples: Float32Array,
  sampleRate: number,
  options: AlignOptions = DEFAULT_ALIGN_OPTIONS,
): Span[] {
  const durationMs = (samples.length / sampleRate) * 1000;
  const spoken: { index: number; lengthMs: number; pauseMs: number }[] = [];
  words.forEach((word, index) => {
    if (isPunctuationOnly(word)) {
      const before = spoken[spoken.length - 1];
      if (before) before.pauseMs = Math.max(before.pauseMs, pauseAfterMs(word) || pauseAfterMs(`${word},`));
      return;
    }
    spoken.push({ index, lengthMs: lengthsMs[index] ?? 0, pauseMs: pauseAfterMs(word) });
  });
  const aligned = alignWords(spoken, samples, sampleRate, options);
  const spans: (Span | null)[] = words.map(() => null);
  spoken.forEach(({ index }, k) => {
    spans[index] = aligned[k]!;
  });
  // Punctuation takes the gap before the next word (a run of it: the first takes the gap, the rest none).
  let previousEnd = 0;
  return spans.map((span, i) => {
    if (span) {
      previousEnd = span.endMs;
      return span;
    }
    const after = spans.slice(i + 1).find((s): s is Span => s !== null);
    const startMs = previousEnd;
    previousEnd = after ? Math.max(startMs, after.startMs) : startMs;
    return { startMs, endMs: previousEnd };
  });
}
