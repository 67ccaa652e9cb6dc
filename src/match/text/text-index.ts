import type { AnalyzedTerm } from "./text-analyzer.js";
import { createFuzzyVocabulary, type FuzzyVocabulary } from "./fuzzy-vocabulary.js";
import { loadTextModel, type TextModel } from "./text-model.js";

/** A library or stock item's searchable text. */
export interface IndexDoc {
  id: string;
  title: string;
  description: string;
  tags: readonly string[];
}

/** One piece of a query and how much it counts: e.g. scene queries 1.5, keywords 1, headline 1, narration 0.7. */
export interface QueryPart {
  text: string;
  weight: number;
}

export interface TextHit {
  id: string;
  score: number;
  /**
   * 0–1, comparable across queries and indexes: 1 when the doc matches the query as well as the
   * query's own text would; about 0.15 and up reads as plausibly relevant.
   */
  normalized: number;
}

export interface TextIndex {
  readonly size: number;
  /** The best `limit` docs with any match, best first. */
  search(query: string | readonly QueryPart[], limit: number): TextHit[];
  /** Scores the given docs (0 for unknown ids or no match), in the order given. */
  score(query: string | readonly QueryPart[], ids: readonly string[]): TextHit[];
}

export interface FieldParams {
  /** How much one occurrence in this field counts against one in the description. */
  weight: number;
  /** BM25 length normalisation for this field (0 = none, 1 = full). */
  b: number;
}

export interface TextIndexOptions {
  /** Analyzer, WordNet and expander; the process-wide one by default. */
  model?: TextModel;
  /** @default DEFAULT_FIELDS */
  fields?: { title: FieldParams; tags: FieldParams; description: FieldParams };
  /** BM25 term-frequency saturation. @default 1.2 */
  k1?: number;
  /** Match WordNet synonyms, hypernyms, hyponyms and related words. @default true */
  expansion?: boolean;
  /** Weight of a compound ("hot_dog") relative to a plain term; its words count on their own too. @default 0.5 */
  compoundWeight?: number;
  /**
   * Weight kept per edit when a word WordNet does not know matches a term a letter or two away
   * ("restaraunt"); null turns it off. @default 0.8
   */
  fuzzy?: number | null;
  /**
   * How much a word's general frequency (its sense-tagged count in WordNet) lowers its weight:
   * the weight is divided by 1 + this × ln(1 + count). Words like "top" or "next" are frequent
   * everywhere, so a small library's document frequencies overrate them. 0 turns it off. @default 0.1
   */
  commonWordDiscount?: number;
}

export const DEFAULT_FIELDS = {
  title: { weight: 2, b: 0.5 },
  tags: { weight: 1.5, b: 0.3 },
  description: { weight: 1, b: 0.75 },
} as const satisfies TextIndexOptions["fields"];
export const DEFAULT_K1 = 1.2;
export const DEFAULT_COMPOUND_WEIGHT = 0.5;
export const DEFAULT_FUZZY = 0.8;
export const DEFAULT_COMMON_WORD_DISCOUNT = 0.1;

interface QueryTerm {
  term: string;
  weight: number;
  count: number;
  /** The words the term came from, for WordNet expansion. */
  words: Set<string>;
}

interface Posting {
  docs: Int32Array;
  /** BM25F pseudo term frequency: field-weighted, length-normalised counts. */
  tf: Float64Array;
}

type FieldName = "title" | "tags" | "description";
const INFLECTED_ENDING = /(?:s|ed|ing|er|est|men)$/;
const FIELD_NAMES: readonly FieldName[] = ["title", "tags", "description"];

/**
 * An in-memory BM25F index over title, tags and description with WordNet soft matching: each
 * query term scores a doc by its best match among the term itself and its WordNet relatives,
 * discounted by the relation's weight. Scores are divided by the query's score against its own
 * text, so they compare across queries and indexes.
 */
export function createTextIndex(docs: readonly IndexDoc[], options: TextIndexOptions = {}): TextIndex {
  const model = options.model ?? loadTextModel();
  const fields = options.fields ?? DEFAULT_FIELDS;
  const k1 = options.k1 ?? DEFAULT_K1;
  const expansion = options.expansion ?? true;
  const compoundWeight = options.compoundWeight ?? DEFAULT_COMPOUND_WEIGHT;
  const fuzzy = options.fuzzy === undefined ? DEFAULT_FUZZY : options.fuzzy;
  const commonWordDiscount = options.commonWordDiscount ?? DEFAULT_COMMON_WORD_DISCOUNT;
  const { analyzer, expander, wordNet } = model;

  const n = docs.length;
  const ids = docs.map((doc) => doc.id);
  const idIndex = new Map(ids.map((id, i) => [id, i]));

  // Pass 1: per-field counts and lengths (compounds add weight but not length).
  const counts: Array<Record<FieldName, Map<string, number>>> = [];
  // Each word seen in the docs and its term, so a WordNet lemma maps to the index's term cheaply.
  const wordTerms = new Map<string, string>();
  const lengths: Record<FieldName, Float64Array> = { title: new Float64Array(n), tags: new Float64Array(n), description: new Float64Array(n) };
  docs.forEach((doc, d) => {
    const texts: Record<FieldName, AnalyzedTerm[]> = {
      title: analyzer.analyze(doc.title),
      tags: doc.tags.flatMap((tag) => analyzer.analyze(tag)),
      description: analyzer.analyze(doc.description),
    };
    const perField = {} as Record<FieldName, Map<string, number>>;
    for (const field of FIELD_NAMES) {
      const map = new Map<string, number>();
      let length = 0;
      for (const item of texts[field]) {
        map.set(item.term, (map.get(item.term) ?? 0) + (item.compound ? compoundWeight : 1));
        if (!item.compound) length += 1;
        if (item.word !== null) wordTerms.set(item.word, item.term);
      }
      perField[field] = map;
      lengths[field][d] = length;
    }
    counts.push(perField);
  });
  const average = {} as Record<FieldName, number>;
  for (const field of FIELD_NAMES) average[field] = Math.max(1, lengths[field].reduce((a, b) => a + b, 0) / Math.max(1, n));

  // Pass 2: BM25F pseudo frequencies into postings.
  const building = new Map<string, { docs: number[]; tf: number[] }>();
  counts.forEach((perField, d) => {
    const combined = new Map<string, number>();
    for (const field of FIELD_NAMES) {
      const { weight, b } = fields[field];
      const norm = 1 - b + (b * lengths[field][d]!) / average[field];
      for (const [term, count] of perField[field]) combined.set(term, (combined.get(term) ?? 0) + (weight * count) / norm);
    }
    for (const [term, tf] of combined) {
      let list = building.get(term);
      if (list === undefined) building.set(term, (list = { docs: [], tf: [] }));
      list.docs.push(d);
      list.tf.push(tf);
    }
  });
  counts.length = 0;
  const postings = new Map<string, Posting>();
  for (const [term, list] of building) postings.set(term, { docs: Int32Array.from(list.docs), tf: Float64Array.from(list.tf) });
  building.clear();

  const weightCache = new Map<string, number>();
  /** BM25 idf, lowered for words that are frequent in general English. */
  const termWeight = (term: string): number => {
    let weight = weightCache.get(term);
    if (weight === undefined) {
      const df = postings.get(term)?.docs.length ?? 0;
      const tagged = commonWordDiscount > 0 ? wordNet.senses(term).reduce((sum, sense) => sum + sense.count, 0) : 0;
      weight = Math.log(1 + (n - df + 0.5) / (df + 0.5)) / (1 + commonWordDiscount * Math.log(1 + tagged));
      weightCache.set(term, weight);
    }
    return weight;
  };
  const saturate = (tf: number): number => (tf * (k1 + 1)) / (tf + k1);

  const parseQuery = (query: string | readonly QueryPart[]): { terms: QueryTerm[]; length: number } => {
    const parts = typeof query === "string" ? [{ text: query, weight: 1 }] : query;
    const byTerm = new Map<string, QueryTerm>();
    let length = 0;
    for (const part of parts) {
      if (!(part.weight > 0)) continue;
      for (const item of analyzer.analyze(part.text)) {
        let entry = byTerm.get(item.term);
        if (entry === undefined) byTerm.set(item.term, (entry = { term: item.term, weight: 0, count: 0, words: new Set() }));
        const share = item.compound ? compoundWeight : 1;
        entry.weight += part.weight * share;
        entry.count += share;
        if (item.word !== null) entry.words.add(item.word);
        if (!item.compound) length += 1;
      }
    }
    return { terms: [...byTerm.values()], length };
  };

  /** The score a doc whose description is exactly the query would get. */
  const selfScore = (terms: readonly QueryTerm[], length: number): number => {
    const { weight, b } = fields.description;
    const norm = 1 - b + (b * length) / average.description;
    return terms.reduce((sum, q) => sum + q.weight * termWeight(q.term) * saturate((weight * q.count) / norm), 0);
  };

  let fuzzyVocabulary: FuzzyVocabulary | null = null;

  /** A WordNet lemma's term if this index has it. Only a lemma with an inflection-like ending can have a term other than itself. */
  const resolveLemma = (lemma: string): string | null => {
    if (postings.has(lemma)) return lemma;
    const seen = wordTerms.get(lemma);
    if (seen !== undefined) return seen;
    if (!INFLECTED_ENDING.test(lemma)) return null;
    const term = analyzer.termOf(lemma);
    return postings.has(term) ? term : null;
  };
  const expansions = new Map<string, ReadonlyMap<string, number>>();
  const expand = (word: string): ReadonlyMap<string, number> => {
    let found = expansions.get(word);
    if (found === undefined) {
      found = expander.expand(word, resolveLemma);
      expansions.set(word, found);
    }
    return found;
  };

  /** Postings that can match a query term, each with the weight a match there is worth. */
  const matchesOf = (q: QueryTerm): Array<[Posting, number]> => {
    const out: Array<[Posting, number]> = [];
    const own = postings.get(q.term);
    const weightQ = termWeight(q.term);
    if (own !== undefined) out.push([own, weightQ]);
    if (q.words.size === 0) return out;
    const relatives = new Map<string, number>();
    if (fuzzy !== null) {
      fuzzyVocabulary ??= createFuzzyVocabulary(postings.keys());
      const known = wordNet.has(q.term);
      for (const { term, distance } of fuzzyVocabulary.near(q.term)) {
        // Two words WordNet knows are two words, not a misspelling ("bat", "hat").
        if (known && wordNet.has(term)) continue;
        relatives.set(term, fuzzy ** distance);
      }
    }
    if (expansion) {
      for (const word of q.words) {
        for (const [term, weight] of expand(word)) {
          if (term === q.term || !postings.has(term)) continue;
          if ((relatives.get(term) ?? 0) < weight) relatives.set(term, weight);
        }
      }
    }
    // A relative never counts for more than the query term itself would.
    for (const [term, weight] of relatives) out.push([postings.get(term)!, weight * Math.min(weightQ, termWeight(term))]);
    return out;
  };

  // Each doc's best match for the current query term; reset after every term.
  const best = new Float64Array(n);
  /** Raw scores of every doc, and the query's score against its own text. */
  const rank = (query: string | readonly QueryPart[]): { scores: Float64Array; self: number } => {
    const { terms, length } = parseQuery(query);
    const self = selfScore(terms, length);
    const scores = new Float64Array(n);
    if (self <= 0) return { scores, self: 0 };
    for (const q of terms) {
      const touched: number[] = [];
      for (const [posting, factor] of matchesOf(q)) {
        for (let i = 0; i < posting.docs.length; i += 1) {
          const d = posting.docs[i]!;
          const value = factor * saturate(posting.tf[i]!);
          if (best[d] === 0) touched.push(d);
          if (value > best[d]!) best[d] = value;
        }
      }
      for (const d of touched) {
        scores[d] = scores[d]! + q.weight * best[d]!;
        best[d] = 0;
      }
    }
    return { scores, self };
  };

  // A title or tag match can beat the query's own text placed in a description; the order
  // follows the raw score, and the normalised one stops at 1.
  const hit = (d: number, scores: Float64Array, self: number): TextHit => ({
    id: ids[d]!,
    score: scores[d]!,
    normalized: self > 0 ? Math.min(1, scores[d]! / self) : 0,
  });

  return {
    size: n,
    search(query, limit) {
      const { scores, self } = rank(query);
      return topIndices(scores, limit).map((d) => hit(d, scores, self));
    },
    score(query, wanted) {
      const { scores, self } = rank(query);
      return wanted.map((id) => {
        const d = idIndex.get(id);
        return d === undefined ? { id, score: 0, normalized: 0 } : hit(d, scores, self);
      });
    },
  };
}

/** Indices of the `limit` largest positive values, largest first; ties keep index order. */
function topIndices(values: Float64Array, limit: number): number[] {
  const order: number[] = [];
  for (let d = 0; d < values.length; d += 1) if (values[d]! > 0) order.push(d);
  order.sort((a, b) => values[b]! - values[a]! || a - b);
  return order.slice(0, Math.max(0, limit));
}
