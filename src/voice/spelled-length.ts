import { digitsSyllables, symbolSyllables } from "./number-syllables.js";

/**
 * A model of how long a word takes to say, from its spelling alone: syllables (vowel groups, with
 * English and French silent-letter rules; numbers expanded to how they are read; one per CJK
 * character) plus a little per consonant letter, since clusters ("strengths") lengthen a syllable.
 */

// Built once, as Readability does, so they are not compiled per word.
const VOWELS = "aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœāēīōūăĕĭŏŭąęįųěůőűаеёиоуыэюяєіїαεηιουωάέήίόύώ";
const VOWEL_GROUP = new RegExp(`[${VOWELS}]+`, "gu");
const VOWEL_CHAR = new RegExp(`[${VOWELS}]`, "u");
const PIECE = /(\d[\d,.\u00a0\u202f']*\d|\d)|([\p{L}\p{M}]+(?:['’][\p{L}]+)*)|([^\s\p{L}\p{M}\d])/gu;
const HAN_OR_HANGUL = /[\p{Script=Han}\p{Script=Hangul}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;
/** Small kana and the long-vowel mark extend the mora before them rather than adding a full one. */
const HALF_MORA = /[ぁぃぅぇぉゃゅょゎっァィゥェォャュョヮッー]/u;
/** Scripts with vowel letters we list; others (Arabic, Hebrew, Indic, Thai…) are estimated from length. */
const LISTED_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
const SPELLED_LETTER_SYLLABLES: Readonly<Record<string, number>> = { w: 3 };

/** Nominal milliseconds at normal pace; only their ratios matter. */
const MS_PER_SYLLABLE = 75;
const MS_PER_CONSONANT = 50;
const MS_PER_WORD = 35;
/** Numbers and symbols are counted in syllables of their reading, each with a consonant or two. */
const MS_PER_READ_SYLLABLE = 180;
const MS_PER_HAN_SYLLABLE = 210;
const MS_PER_MORA = 130;
const MS_PER_OTHER_LETTER = 90;

export interface SpelledLength {
  syllables: number;
  ms: number;
}

/** The estimate for one word as written (punctuation around it is ignored). */
export function spelledLength(word: string, lang: string): SpelledLength {
  let syllables = 0;
  let ms = 0;
  for (const match of word.matchAll(PIECE)) {
    const [, digits, letters, symbol] = match;
    if (digits) {
      const n = digitsSyllables(digits);
      syllables += n;
      ms += n * MS_PER_READ_SYLLABLE;
    } else if (letters) {
      const part = lettersLength(letters, lang);
      syllables += part.syllables;
      ms += part.ms;
    } else if (symbol) {
      const n = symbolSyllables(symbol);
      syllables += n;
      ms += n * MS_PER_READ_SYLLABLE;
    }
  }
  return { syllables, ms: syllables > 0 ? ms + MS_PER_WORD : 0 };
}

function lettersLength(letters: string, lang: string): SpelledLength {
  let syllables = 0;
  let ms = 0;
  let run = "";
  const flush = () => {
    if (!run) return;
    const part = alphabeticLength(run, lang);
    syllables += part.syllables;
    ms += part.ms;
    run = "";
  };
  for (const ch of letters) {
    if (HAN_OR_HANGUL.test(ch)) {
      flush();
      syllables += 1;
      ms += MS_PER_HAN_SYLLABLE;
    } else if (KANA.test(ch)) {
      flush();
      const mora = HALF_MORA.test(ch) ? 0.5 : 1;
      syllables += mora;
      ms += mora * MS_PER_MORA;
    } else {
      run += ch;
    }
  }
  flush();
  return { syllables, ms };
}

function alphabeticLength(word: string, lang: string): SpelledLength {
  const letters = [...word.replace(/['’\p{M}]/gu, "")];
  if (!letters.some((ch) => LISTED_SCRIPT.test(ch))) {
    const syllables = Math.max(1, letters.length / 2.5);
    return { syllables, ms: letters.length * MS_PER_OTHER_LETTER };
  }
  if (isSpelledOut(word)) {
    const syllables = letters.reduce((sum, ch) => sum + (SPELLED_LETTER_SYLLABLES[ch.toLowerCase()] ?? 1), 0);
    return { syllables, ms: syllables * MS_PER_READ_SYLLABLE };
  }
  const lower = word.toLowerCase().replace(/['’]/gu, "");
  const syllables = vowelGroups(lower, lang);
  const consonants = [...lower].filter((ch) => /\p{L}/u.test(ch) && !VOWEL_CHAR.test(ch)).length;
  return { syllables, ms: syllables * MS_PER_SYLLABLE + consonants * MS_PER_CONSONANT };
}

/** Acronyms read letter by letter: all capitals, and short or without a vowel ("AI", "HTML"; not "NASA"). */
function isSpelledOut(word: string): boolean {
  const letters = [...word];
  if (letters.length < 2 || letters.length > 6 || word !== word.toUpperCase() || word === word.toLowerCase()) return false;
  return letters.length <= 3 || !letters.some((ch) => VOWEL_CHAR.test(ch.toLowerCase()));
}

export function vowelGroups(lower: string, lang: string): number {
  // A leading "y" is a consonant ("yes").
  const word = lower.replace(/^y/u, "");
  let count = word.match(VOWEL_GROUP)?.length ?? 0;
  const base = lang.toLowerCase().split(/[-_]/u)[0];
  if (base === "en" && count > 1) {
    // Silent endings: "make", "whole", "plates", "jumped"; but "table", "wanted", "boxes" keep theirs.
    if (/(?:[^aeiouyl]e|[aeiouy]le|[^aeioucglsxz]es|[^aeiouytd]ed)$/u.test(word)) count -= 1;
  }
  // French final "e"/"es" is silent ("monde", "grandes").
  if (base === "fr" && count > 1 && /[^aeiouy]es?$/u.test(word)) count -= 1;
  return Math.max(1, count);
}
