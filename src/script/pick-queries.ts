import { termKey } from "./extract-terms.js";
import { isAbstractPhrase } from "./is-abstract-noun.js";
import type { NounChunk } from "./noun-chunks.js";

export const MAX_QUERIES = 3;
const MIN_QUERIES = 2;
/** A phrase of several nouns is a more exact search than one noun. */
const PHRASE_BOOST = 1.5;
/** Stock libraries hold few named people, places or firms; a named thing is a weaker search. */
const ENTITY_FACTOR = 0.5;

/** Whether two phrases share a word (compared without a plural "s"). */
function sharesWord(a: string, b: string): boolean {
  const words = new Set(termKey(a).split(" "));
  return termKey(b).split(" ").some((word) => words.has(word));
}

/**
 * 2–3 stock-footage searches for an English scene, each 1–3 words: its concrete noun phrases
 * (the nouns alone when there are several, "bike lanes" rather than "protected bike lanes"),
 * the most frequent first, phrases before single nouns, named things last, abstract nouns
 * ("strategy", "approval") skipped. Padded from the scene's keywords (concrete ones first) when
 * the chunks give fewer than two; no two queries share a word.
 */
export function pickQueries(chunks: readonly NounChunk[], keywords: readonly string[]): string[] {
  const scored = new Map<string, { query: string; score: number; first: number }>();
  for (const chunk of chunks) {
    const query = chunk.core.includes(" ") ? chunk.core : chunk.text;
    if (isAbstractPhrase(query)) continue;
    const key = termKey(query);
    const score = (query.includes(" ") ? PHRASE_BOOST : 1) * (chunk.entity ? ENTITY_FACTOR : 1);
    const existing = scored.get(key);
    if (existing) existing.score += score;
    else scored.set(key, { query, score, first: chunk.position });
  }
  const ranked = [...scored.values()].sort((a, b) => b.score - a.score || a.first - b.first).map((item) => item.query);
  const chosen: string[] = [];
  const add = (candidates: readonly string[], limit: number): void => {
    for (const candidate of candidates) {
      if (chosen.length >= limit) return;
      if (!chosen.some((query) => sharesWord(query, candidate))) chosen.push(candidate);
    }
  };
  add(ranked, MAX_QUERIES);
  const short = keywords.filter((keyword) => keyword.split(" ").length <= 3);
  if (chosen.length < MIN_QUERIES) add(short.filter((keyword) => !isAbstractPhrase(keyword)), MIN_QUERIES);
  // A vague search still finds footage of the right mood; two searches give the matcher a choice.
  if (chosen.length < MIN_QUERIES) add(short, MIN_QUERIES);
  return chosen;
}
