import { isStopword } from "./is-stopword.js";

export interface Terms {
  /** Content words in order, lowercased, repeats kept (CJK: character bigrams and kana/kanji words). */
  words: string[];
  /** Two-word phrases of adjacent content words (CJK: short runs between function characters). */
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
const ZH_FUNCTION = /[的了是在和与及也都就而并或这那个有我你他她它们不为对从被把将于以之其等中上下还又让给向到说会能要可很最已该此着过吗呢吧啊]/u;

function primary(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? "";
}

/** The content words and phrases of a text, the raw material for similarity and keywords. */
export function extractTerms(text: string, lang: string): Terms {
  const out: Terms = { words: [], phrases: [], proper: [] };
  const japanese = primary(lang) === "ja" || /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
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
  let previous: { lower: string; proper: boolean } | null = null;
  let first = true;
  for (const [token] of clause.matchAll(TOKEN)) {
    const isFirst = first && opensSentence;
    first = false;
    const word = token.replace(POSSESSIVE, "");
    const lower = word.toLowerCase();
    const acronym = word.length >= 2 && ALL_UPPER.test(word) && HAS_LETTER.test(word);
    const content = HAS_LETTER.test(word) && !isStopword(lower, lang) && (word.length >= 3 || acronym);
    if (!content) {
      previous = null;
      continue;
    }
    const proper = UPPER_START.test(word) && !isFirst;
    out.words.push(lower);
    if (proper) out.proper.push(lower);
    if (previous) {
      const phrase = `${previous.lower} ${lower}`;
      out.phrases.push(phrase);
      if (previous.proper && proper) out.proper.push(phrase);
    }
    previous = { lower, proper };
  }
}

function japaneseTerms(run: string, out: Terms): void {
  for (const [word] of run.matchAll(KATAKANA_WORD)) out.words.push(word);
  for (const [word] of run.matchAll(KANJI_WORD)) {
    if (word.length <= 4) out.words.push(word);
    else pushBigrams(word, out);
  }
}

function chineseTerms(run: string, out: Terms): void {
  for (const piece of run.split(ZH_FUNCTION)) {
    if (piece.length < 2) continue;
    pushBigrams(piece, out);
    if (piece.length >= 3 && piece.length <= 4) out.phrases.push(piece);
  }
}

function pushBigrams(piece: string, out: Terms): void {
  const chars = [...piece];
  if (chars.length === 2) {
    out.words.push(piece);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i += 1) out.words.push(chars[i]! + chars[i + 1]!);
}
