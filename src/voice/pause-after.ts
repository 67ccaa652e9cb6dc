/**
 * The pause a speaker makes after a word, from the punctuation that ends it, in nominal
 * milliseconds at normal pace (scaled with the words to fit the audio, like them).
 */
const CLOSERS = /[\p{Pe}\p{Pf}"'»”’]+$/u;
const PAUSES: readonly [RegExp, number][] = [
  [/(?:…|\.\.\.)$/u, 300],
  [/[;；:：]$/u, 250],
  [/[—–]$|^[-—–]+$/u, 200],
  [/[,，、]$/u, 180],
];

export function pauseAfterMs(unit: string): number {
  const bare = unit.replace(CLOSERS, "") || unit;
  for (const [pattern, ms] of PAUSES) if (pattern.test(bare)) return ms;
  return 0;
}

/** A unit with no letter or digit ("—", "&" is read, so it has one): it is all pause. */
export function isPunctuationOnly(unit: string): boolean {
  return !/[\p{L}\p{N}$%€£¥&@#+=°×]/u.test(unit);
}
