/**
 * Nominal spoken length of a word from espeak-ng's phoneme mnemonics (`-x --sep=z`: phonemes
 * joined by U+200C, words by spaces). Vowels are longer than consonants, long vowels and
 * diphthongs longer still, stressed ones a little longer; pauses ("_") are left to punctuation.
 */
export const PHONEME_SEPARATOR = "\u200c";

const STRESS = /^[',%=]+/u;
const VOWEL_START = /^[aAeEiIoOuUV03@&yYW]/u;
const VOWEL_CHARS = /[aAeEiIoOuUV03@&yYW]/gu;

// Only the ratios matter; espeak-ng gives consonants more time than short vowels.
const CONSONANT_MS = 70;
const SHORT_VOWEL_MS = 50;
const SCHWA_MS = 35;
const LONG_VOWEL_MS = 95;
const STRESS_MS = 15;
/** Each word takes a little more than its phonemes (transitions, release). */
const WORD_MS = 20;

export function phonemeLengthMs(phonemes: string): number {
  let ms = 0;
  let phonemeCount = 0;
  for (const raw of phonemes.split(/[\s\u200c]+/u)) {
    const stressed = /^['%]/u.test(raw);
    const phoneme = raw.replace(STRESS, "");
    if (!phoneme || phoneme.startsWith("_") || phoneme.startsWith("(")) continue;
    phonemeCount += 1;
    if (!VOWEL_START.test(phoneme)) {
      ms += CONSONANT_MS;
      continue;
    }
    const long = phoneme.includes(":") || (phoneme.match(VOWEL_CHARS)?.length ?? 0) > 1;
    ms += (long ? LONG_VOWEL_MS : phoneme.startsWith("@") ? SCHWA_MS : SHORT_VOWEL_MS) + (stressed ? STRESS_MS : 0);
  }
  return phonemeCount > 0 ? ms + WORD_MS : 0;
}

/** espeak-ng prints one block per paragraph; blocks are separated by blank lines. */
export function phonemeBlocks(output: string): string[] {
  return output
    .replace(/\r/gu, "")
    .split(/\n[ \t]*\n/u)
    .map((block) => block.replace(/\s+/gu, " ").trim())
    .filter((block) => block.length > 0);
}
