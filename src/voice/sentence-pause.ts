/** Silence put between sentences, at normal pace: a full stop is a breath, other ends a little less. */
export const SENTENCE_PAUSE_MS = 250;
export const CLAUSE_PAUSE_MS = 200;

const TERMINAL = /[.!?。！？…‼⁇⁈⁉؟।][\p{Pe}\p{Pf}"'»”’」』]*$/u;

export function sentencePauseMs(sentence: string, speed: number): number {
  return (TERMINAL.test(sentence.trim()) ? SENTENCE_PAUSE_MS : CLAUSE_PAUSE_MS) / Math.max(0.25, speed);
}
