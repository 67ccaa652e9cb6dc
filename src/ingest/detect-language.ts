import { detectChineseVariant } from "./detect-chinese-variant.js";
import { LATIN_STOPWORDS } from "./language-profiles.js";

// Detection reads at most this much text; more changes no decision and costs time.
const SAMPLE_CHARS = 20_000;
const MIN_LATIN_HITS = 3;

type Script = "latin" | "cjk" | "hangul" | "cyrillic" | "greek" | "arabic" | "hebrew" | "thai" | "devanagari";

const SCRIPT_PATTERNS: ReadonlyArray<[Script, RegExp]> = [
  ["latin", /\p{Script=Latin}/u],
  ["cjk", /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ["hangul", /\p{Script=Hangul}/u],
  ["cyrillic", /\p{Script=Cyrillic}/u],
  ["greek", /\p{Script=Greek}/u],
  ["arabic", /\p{Script=Arabic}/u],
  ["hebrew", /\p{Script=Hebrew}/u],
  ["thai", /\p{Script=Thai}/u],
  ["devanagari", /\p{Script=Devanagari}/u],
];
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const SINGLE_SCRIPT_LANGUAGE: Partial<Record<Script, string>> = {
  hangul: "ko",
  greek: "el",
  arabic: "ar",
  hebrew: "he",
  thai: "th",
  devanagari: "hi",
};

/**
 * Guesses the BCP 47 language of a text, or null when it can't tell. Writing system first
 * (kana → ja, Han → zh-CN/zh-TW, Hangul → ko, …), then for Latin script a stop-word profile.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const script = dominantScript(sample);
  if (script === null) return null;
  if (script === "cjk") return detectCjkLanguage(sample);
  if (script === "latin") return detectLatinLanguage(sample);
  if (script === "cyrillic") return /[іїєґ]/iu.test(sample) ? "uk" : "ru";
  return SINGLE_SCRIPT_LANGUAGE[script] ?? null;
}

/** The writing system most of the letters are in. A CJK character stands for a word, so it weighs as much as a few Latin letters. */
export function dominantScript(text: string): Script | null {
  const counts = new Map<Script, number>();
  for (const char of text) {
    for (const [script, pattern] of SCRIPT_PATTERNS) {
      if (pattern.test(char)) {
        counts.set(script, (counts.get(script) ?? 0) + (script === "cjk" ? 3 : 1));
        break;
      }
    }
  }
  let best: Script | null = null;
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}

function detectCjkLanguage(text: string): string {
  let kana = 0;
  let cjk = 0;
  for (const char of text) {
    if (KANA.test(char)) kana++;
    if (SCRIPT_PATTERNS[1]![1].test(char)) cjk++;
  }
  // Japanese prose is roughly half kana; Chinese has none beyond the odd loan in a name.
  if (kana >= 5 && kana / cjk >= 0.05) return "ja";
  return detectChineseVariant(text);
}

function detectLatinLanguage(text: string): string | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const languagesByWord = new Map<string, string[]>();
  for (const [language, list] of Object.entries(LATIN_STOPWORDS)) {
    for (const word of list.split(" ")) {
      const languages = languagesByWord.get(word) ?? [];
      languages.push(language);
      languagesByWord.set(word, languages);
    }
  }
  const scores = new Map<string, number>();
  const hits = new Map<string, number>();
  for (const word of words) {
    const languages = languagesByWord.get(word);
    if (!languages) continue;
    // A word used by many languages is weak evidence for each of them.
    const weight = 1 / languages.length;
    for (const language of languages) {
      scores.set(language, (scores.get(language) ?? 0) + weight);
      hits.set(language, (hits.get(language) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const [language, score] of scores) {
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best !== null && (hits.get(best) ?? 0) >= MIN_LATIN_HITS ? best : null;
}
