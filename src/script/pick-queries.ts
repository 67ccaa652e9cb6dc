import { termKey } from "./extract-terms.js";
import type { NounChunk } from "./noun-chunks.js";

export const MAX_QUERIES = 3;
const MIN_QUERIES = 2;
/** A phrase of several nouns is a more exact search than one noun. */
const PHRASE_BOOST = 1.5;
/** Stock libraries hold few named people, places or firms; a named thing is a weaker search. */
const ENTITY_FACTOR = 0.5;

/** Nouns that name no picture: footage searched for them is generic at best. */
export const ABSTRACT_NOUNS: ReadonlySet<string> = new Set(
  `innovation strategy importance way thing issue problem fact idea process system approach information experience result
  part kind sort type number amount level point aspect factor case example reason question matter situation concept
  approval decision change use need ability opportunity effort impact effect role area range term version feature option
  goal plan policy analysis time year years day days lot bit end side part percent step stage sense view interest`
    .split(/\s+/u)
    .filter(Boolean)
    .flatMap((word) => [word, `${word}s`]),
);

function isAbstract(phrase: string): boolean {
  const words = phrase.split(" ");
  return ABSTRACT_NOUNS.has(words.at(-1)!) || words.every((word) => ABSTRACT_NOUNS.has(word));
}

/** Whether two phrases share a word (compared without a plural "s"). */
function sharesWord(a: string, b: string): boolean {
  const words = new Set(termKey(a).split(" "));
  return termKey(b).split(" ").some((word) => words.has(word));
}

/**
 * 2–3 stock-footage searches for an English scene, each 1–3 words: its concrete noun phrases
 * (the nouns alone when there are several, "bike lanes" rather than "protected bike lanes"),
 * the most frequent first, phrases before single nouns, named things last, abstract nouns
 * ("strategy", "approval") skipped. Padded from the scene's keywords when the chunks give fewer
 * than two; no two queries share a word.
 */
export function pickQueries(chunks: readonly NounChunk[], keywords: readonly string[]): string[] {
  const scored = new Map<string, { query: string; score: number; first: number }>();
  for (const chunk of chunks) {
    const query = chunk.core.includes(" ") ? chunk.core : chunk.text;
    if (isAbstract(query)) continue;
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
  if (chosen.length < MIN_QUERIES) add(keywords.filter((keyword) => keyword.split(" ").length <= 3 && !isAbstract(keyword)), MIN_QUERIES);
  return chosen;
}
