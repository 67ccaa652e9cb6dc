import { isCjk } from "../text/text-units.js";
import { bigrams, termKey, type Terms } from "./extract-terms.js";

export const MIN_KEYWORDS = 3;
export const MAX_KEYWORDS = 6;
/** Keywords a scene gets from its own text before padding; leaves room under the maximum. */
export const SCENE_KEYWORDS = 5;
/** A two-word phrase counts as a keyphrase when it recurs or is written like a name. */
const MIN_PHRASE_COUNT = 2;
export const PROPER_BOOST = 1.5;
export const TITLE_BOOST = 1.3;
const PHRASE_FACTOR = 0.75;
/** Last-resort keywords for an article too short to yield three of its own. */
export const FALLBACK_KEYWORDS = ["story", "news", "article"];

/** Article-wide statistics that make a scene's words comparable: how rare and how prominent each is. */
export interface KeywordIndex {
  lang: string;
  /** Number of text units (sentences, headings) the document frequencies count. */
  units: number;
  documentFrequency: ReadonlyMap<string, number>;
  /** In how many units each phrase occurs. */
  phraseCount: ReadonlyMap<string, number>;
  proper: ReadonlySet<string>;
  titleKeys: ReadonlySet<string>;
  /** The article's own keywords, best first, used to pad scenes that have too few. */
  global: readonly string[];
}

interface Scored {
  term: string;
  score: number;
  first: number;
}

function isCjkTerm(term: string): boolean {
  return [...term].some(isCjk);
}

const HAN_PAIR = /^[\p{Script=Han}]{2}$/u;

/**
 * Chinese terms are character pairs, and a pair seen once is as likely to straddle two words as
 * to be one; only pairs that recur in the article are offered as keywords.
 */
function isKeywordCandidate(word: string, index: Omit<KeywordIndex, "global">): boolean {
  if (!HAN_PAIR.test(word) || index.lang.toLowerCase().startsWith("ja")) return true;
  return (index.documentFrequency.get(word) ?? 0) >= 2;
}

function scoreTerms(terms: Terms, weight: (key: string) => number, index: Omit<KeywordIndex, "global">): Scored[] {
  const wordScore = new Map<string, Scored>();
  terms.words.forEach((word, position) => {
    if (!isKeywordCandidate(word, index)) return;
    const key = termKey(word);
    const existing = wordScore.get(key);
    if (existing) existing.score += weight(key);
    else wordScore.set(key, { term: word, score: weight(key), first: position });
  });
  for (const item of wordScore.values()) {
    const key = termKey(item.term);
    if (index.proper.has(item.term)) item.score *= PROPER_BOOST;
    if (index.titleKeys.has(key)) item.score *= TITLE_BOOST;
  }
  const phrases = new Map<string, Scored>();
  const names = terms.proper.filter((name) => name.includes(" "));
  [...terms.phrases, ...names].forEach((phrase, position) => {
    if (phrases.has(phrase)) return;
    const recurring = (index.phraseCount.get(phrase) ?? 0) >= MIN_PHRASE_COUNT || index.proper.has(phrase);
    if (!recurring) return;
    const parts = isCjkTerm(phrase) && !phrase.includes(" ") ? bigrams(phrase) : phrase.split(" ");
    const sum = parts.reduce((total, part) => total + (wordScore.get(termKey(part))?.score ?? 0), 0);
    // Scored like two of its words together, whatever its length, so it beats each word alone.
    phrases.set(phrase, { term: phrase, score: (sum / parts.length) * 2 * PHRASE_FACTOR, first: position });
  });
  const ranked = [...phrases.values(), ...wordScore.values()].filter((item) => !isSubsumed(item.term, phrases, index));
  return ranked.sort((a, b) => b.score - a.score || a.first - b.first || (a.term < b.term ? -1 : 1));
}

/** A Chinese n-gram is only part of a word when a longer recurring n-gram holds it about as often ("工智" in "人工智能"). */
const SUBSUMED_SHARE = 0.7;

function unitCount(term: string, index: Omit<KeywordIndex, "global">): number {
  return index.phraseCount.get(term) ?? index.documentFrequency.get(term) ?? 0;
}

function isSubsumed(term: string, phrases: ReadonlyMap<string, Scored>, index: Omit<KeywordIndex, "global">): boolean {
  if (!isCjkTerm(term) || term.includes(" ")) return false;
  const count = unitCount(term, index);
  for (const other of phrases.keys()) {
    if (other.length > term.length && other.includes(term) && unitCount(other, index) >= count * SUBSUMED_SHARE) return true;
    // Of two n-grams one character apart ("人工智能", "工智能技"), the one that recurs more is the
    // word; when they recur equally, neither can be told to be one.
    const shifted = other.length === term.length && (other.slice(1) === term.slice(0, -1) || other.slice(0, -1) === term.slice(1));
    if (shifted && unitCount(other, index) >= count) return true;
  }
  return false;
}

/** Whether `candidate` says nothing new next to the keywords already chosen. */
function overlaps(candidate: string, chosen: readonly string[]): boolean {
  const key = termKey(candidate);
  const words = new Set(key.split(" "));
  for (const existing of chosen) {
    const existingKey = termKey(existing);
    if (existingKey === key) return true;
    if (isCjkTerm(candidate) && isCjkTerm(existing)) {
      // Overlapping CJK terms ("人工智能", "智能技术") name the same thing; one shared character does not.
      if (bigrams(candidate).some((pair) => existing.includes(pair))) return true;
      continue;
    }
    for (const word of existingKey.split(" ")) if (words.has(word)) return true;
  }
  return false;
}

/** Adds terms from `ranked` to `chosen`, best first, skipping any that overlap one already chosen, up to `limit`. */
export function choose(ranked: readonly string[], limit: number, chosen: string[] = []): string[] {
  for (const term of ranked) {
    if (chosen.length >= limit) break;
    if (!overlaps(term, chosen)) chosen.push(term);
  }
  return chosen;
}

/**
 * Builds the article-wide keyword statistics from the terms of every text unit (sentences and
 * headings) and the title's terms.
 */
export function buildKeywordIndex(units: readonly Terms[], title: Terms, lang: string): KeywordIndex {
  const documentFrequency = new Map<string, number>();
  const phraseCount = new Map<string, number>();
  const proper = new Set<string>();
  for (const terms of [...units, title]) {
    for (const key of new Set(terms.words.map(termKey))) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
    for (const phrase of new Set(terms.phrases)) phraseCount.set(phrase, (phraseCount.get(phrase) ?? 0) + 1);
    for (const name of terms.proper) proper.add(name);
  }
  const titleKeys = new Set(title.words.map(termKey));
  const base = { lang, units: units.length + 1, documentFrequency, phraseCount, proper, titleKeys };
  // Article-wide, a word's weight is how often it occurs, so frequent subjects rise to the top.
  const all: Terms = { words: [...title.words, ...units.flatMap((t) => t.words)], phrases: [...title.phrases, ...units.flatMap((t) => t.phrases)], proper: [] };
  const ranked = scoreTerms(all, () => 1, base).map((item) => item.term);
  return { ...base, global: choose(ranked, MAX_KEYWORDS) };
}

/**
 * 3–6 keywords for a scene: its most salient words and phrases (frequent in the scene, rare in
 * the article, names and title words weighted up), lowercase and distinct, padded from the
 * article's own keywords when the scene has too few.
 */
export function pickKeywords(terms: Terms, index: KeywordIndex): string[] {
  const idf = (key: string): number => Math.log(1 + index.units / (index.documentFrequency.get(key) ?? 1));
  const ranked = scoreTerms(terms, idf, index).map((item) => item.term);
  const chosen = choose(ranked, SCENE_KEYWORDS);
  if (chosen.length < MIN_KEYWORDS) choose(index.global, MIN_KEYWORDS, chosen);
  if (chosen.length < MIN_KEYWORDS) choose(FALLBACK_KEYWORDS, MIN_KEYWORDS, chosen);
  return chosen;
}

/** Keywords for the title and closing scenes: the article's own, padded if it is very short. */
export function articleKeywords(index: KeywordIndex): string[] {
  const chosen = choose(index.global, SCENE_KEYWORDS);
  if (chosen.length < MIN_KEYWORDS) choose(FALLBACK_KEYWORDS, MIN_KEYWORDS, chosen);
  return chosen;
}
