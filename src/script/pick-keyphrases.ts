import { termKey, type Terms } from "./extract-terms.js";
import { isAbstractPhrase } from "./is-abstract-noun.js";
import type { NounChunk } from "./noun-chunks.js";
import {
  choose,
  FALLBACK_KEYWORDS,
  MIN_KEYWORDS,
  pickKeywords,
  PROPER_BOOST,
  SCENE_KEYWORDS,
  TITLE_BOOST,
  type KeywordIndex,
} from "./pick-keywords.js";

/** A two- or three-word phrase names one thing more exactly than a single noun, so it ranks higher. */
const PHRASE_BOOST = 1.5;
/** An idea ("strategy", "years") is a weaker keyword than a thing, though still a keyword when the scene is about it. */
const ABSTRACT_FACTOR = 0.5;

interface Scored {
  text: string;
  score: number;
  first: number;
}

/**
 * Noun chunks ranked as keyphrases: each distinct chunk scores its count times `weight` (the mean
 * weight of its words), raised for phrases, names and title words. Best first; ties keep text order.
 */
function rankChunks(chunks: readonly NounChunk[], index: KeywordIndex, weight: (key: string) => number): string[] {
  const byKey = new Map<string, Scored>();
  for (const chunk of chunks) {
    const key = termKey(chunk.text);
    const existing = byKey.get(key);
    const words = key.split(" ");
    const base = words.reduce((sum, word) => sum + weight(word), 0) / words.length;
    let score = base * (words.length > 1 ? PHRASE_BOOST : 1);
    if (chunk.entity) score *= PROPER_BOOST;
    if (isAbstractPhrase(chunk.text)) score *= ABSTRACT_FACTOR;
    if (words.some((word) => index.titleKeys.has(word))) score *= TITLE_BOOST;
    if (existing) existing.score += score;
    else byKey.set(key, { text: chunk.text, score, first: chunk.position });
  }
  return [...byKey.values()].sort((a, b) => b.score - a.score || a.first - b.first).map((item) => item.text);
}

/**
 * 3–6 keyphrases for an English scene from its noun chunks: frequent in the scene, rare in the
 * article (by the keyword index's word frequencies), names and title words weighted up. Padded
 * from the word-based keywords of the same text when the chunks give fewer than three.
 */
export function pickKeyphrases(chunks: readonly NounChunk[], terms: Terms, index: KeywordIndex): string[] {
  const idf = (key: string): number => Math.log(1 + index.units / (index.documentFrequency.get(key) ?? 1));
  const chosen = choose(rankChunks(chunks, index, idf), SCENE_KEYWORDS);
  if (chosen.length < MIN_KEYWORDS) choose(pickKeywords(terms, index), MIN_KEYWORDS, chosen);
  if (chosen.length < MIN_KEYWORDS) choose(FALLBACK_KEYWORDS, MIN_KEYWORDS, chosen);
  return chosen;
}

/**
 * Keyphrases for the title and closing scenes of an English article: the noun chunks of the title
 * and every scene, ranked by how often they occur, padded from the article's word-based keywords.
 */
export function articleKeyphrases(chunks: readonly NounChunk[], index: KeywordIndex): string[] {
  const chosen = choose(rankChunks(chunks, index, () => 1), SCENE_KEYWORDS);
  if (chosen.length < MIN_KEYWORDS) choose(index.global, MIN_KEYWORDS, chosen);
  if (chosen.length < MIN_KEYWORDS) choose(FALLBACK_KEYWORDS, MIN_KEYWORDS, chosen);
  return chosen;
}
