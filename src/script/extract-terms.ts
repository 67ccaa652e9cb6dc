import { isStopword } from "./is-stopword.js";
import { primaryLanguage } from "./primary-language.js";

export interface Terms {
  /** Content words in order, lowercased, repeats kept (CJK: character bigrams and kana/kanji words). */
  words: string[];
  /** Two-word phrases of adjacent content words (Chinese: 3- and 4-character n-grams). */
  phrases: string[];
  /** Words and phrases written like names (capitalised, not opening a sentence), lowercased. */
  proper: string[];
}

// Compiled once, as Readability does, so they are not rebuilt for every sentence.
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]+/gu;
const CLAUSE_BREAK = /[.,;:!?()[\]{}"“”„«»‹›「」『』|/\\—–…]|\s[-‐]\s/u;
const SENTENCE_END = /[.!?]/u;
const TOKEN = /[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}'’-]*[\p{L}\p{M}\p{N}])?/gu;
const HAS_LETTER = /\p{L}/u;
const UPPER_START = /^\p{Lu}/u;
const ALL_UPPER = /^[\p{Lu}\p{N}]+$/u;
const POSSESSIVE = /['’]s$/u;
const KATAKANA_WORD = /[\p{Script=Katakana}ー]{2,}/gu;
const KANJI_WORD = /[\p{Script=Han}々]{2,}/gu;
/** Chinese function characters: a run of Han characters is cut at these before taking bigrams. */
const ZH_FUNCTION = /[的了是在和与與及也都就而并並或这這那个個我你他她它们們把被于於之其吗嗎呢吧啊着著过過很又还還]/u;
/** Common Chinese function words that survive the character cut. */
const ZH_STOP_WORDS = new Set(
  "可以 一个 一個 没有 沒有 因为 因為 所以 如果 但是 已经 已經 就是 还是 還是 自己 什么 什麼 表示 认为 認為 能够 能夠 可能 这样 這樣 那样 那樣 以及 其中 目前 通过 通過 进行 進行".split(" "),
);

/** Longest Chinese n-gram offered as a keyphrase; four characters cover most compound words. */
const MAX_ZH_NGRAM = 4;

/** French and Italian elisions ("l’actuelle", "dell'arte") are cut off the word they lean on. */
const ELISION = /^(?:l|d|j|qu|n|s|c|m|t|dell|all|dall|nell|sull|un)['’](?=\p{L})/iu;
/** Names longer than this are more likely a run of capitalised words than one name. */
const MAX_NAME_WORDS = 3;


/** The content words and phrases of a text, the raw material for similarity and keywords. */
export function extractTerms(text: string, lang: string): Terms {
  const out: Terms = { words: [], phrases: [], proper: [] };
  const japanese = primaryLanguage(lang) === "ja" || /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
  let cursor = 0;
  for (const match of text.matchAll(CJK_RUN)) {
    spacedTerms(text.slice(cursor, match.index), lang, out);
    if (japanese) japaneseTerms(match[0], out);
    else chineseTerms(match[0], out);
    cursor = match.index + match[0].length;
  }
  spacedTerms(text.slice(cursor), lang, out);
  return out;
}

function spacedTerms(text: string, lang: string, out: Terms): void {
  if (!HAS_LETTER.test(text)) return;
  let sentenceStart = true;
  // Walk clause by clause so a phrase never spans punctuation.
  let rest = text;
  while (rest.length > 0) {
    const br = CLAUSE_BREAK.exec(rest);
    const clause = br ? rest.slice(0, br.index) : rest;
    const opensSentence = sentenceStart;
    clauseTerms(clause, lang, opensSentence, out);
    if (!br) break;
    if (/\S/u.test(clause)) sentenceStart = false;
    if (SENTENCE_END.test(br[0])) sentenceStart = true;
    rest = rest.slice(br.index + br[0].length);
  }
}

function clauseTerms(clause: string, lang: string, opensSentence: boolean, out: Terms): void {
  const code = primaryLanguage(lang);
  const elides = code === "fr" || code === "it";
  let previous: string | null = null;
  let name: string[] = [];
  const endName = (): void => {
    if (name.length >= 2 && name.length <= MAX_NAME_WORDS) out.proper.push(name.join(" "));
    name = [];
  };
  let first = true;
  for (const [token] of clause.matchAll(TOKEN)) {
    const isFirst = first && opensSentence;
    first = false;
    const possessive = POSSESSIVE.test(token);
    let word = token.replace(POSSESSIVE, "");
    if (elides) word = word.replace(ELISION, "");
    const lower = word.toLowerCase();
    const acronym = word.length >= 2 && ALL_UPPER.test(word) && HAS_LETTER.test(word);
    const content = HAS_LETTER.test(word) && !isStopword(lower, lang) && (word.length >= 3 || acronym);
    if (!content) {
      previous = null;
      endName();
      continue;
    }
    const proper = UPPER_START.test(word) && !isFirst;
    out.words.push(lower);
    if (proper) {
      out.proper.push(lower);
      name.push(lower);
    } else {
      endName();
    }
    if (previous) out.phrases.push(`${previous} ${lower}`);
    previous = lower;
    // "Fireball’s HTML" is two things, not one name.
    if (possessive) {
      previous = null;
      endName();
    }
  }
  endName();
}

function japaneseTerms(run: string, out: Terms): void {
  for (const [word] of run.matchAll(KATAKANA_WORD)) out.words.push(word);
  for (const [word] of run.matchAll(KANJI_WORD)) {
    if (word.length <= 4) out.words.push(word);
    else out.words.push(...bigrams(word));
  }
}

function chineseTerms(run: string, out: Terms): void {
  for (const piece of run.split(ZH_FUNCTION)) {
    const chars = [...piece];
    if (chars.length < 2) continue;
    for (const word of bigrams(piece)) if (!ZH_STOP_WORDS.has(word)) out.words.push(word);
    // Without word boundaries, the 3- and 4-character n-grams that recur are the likely words.
    for (let size = 3; size <= Math.min(MAX_ZH_NGRAM, chars.length); size += 1) {
      for (let i = 0; i + size <= chars.length; i += 1) out.phrases.push(chars.slice(i, i + size).join(""));
    }
  }
}

/** Character pairs of a run; a two-character run is its own single pair. */
export function bigrams(piece: string): string[] {
  const chars = [...piece];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

const LATIN_PLURAL = /^[\p{Script=Latin}'’-]{4,}[^su]s$/u;

/** The form two terms are compared by: a Latin plural "s" is dropped, so "video" and "videos" match. */
export function termKey(term: string): string {
  return term
    .split(" ")
    .map((word) => (LATIN_PLURAL.test(word) ? word.slice(0, -1) : word))
    .join(" ");
}

/** The distinct comparison keys of a text's content words. */
export function termKeys(terms: Terms): Set<string> {
  return new Set(terms.words.map(termKey));
}
