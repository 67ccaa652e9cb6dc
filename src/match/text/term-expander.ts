import type { TextAnalyzer } from "./text-analyzer.js";
import type { WordNet, WordNetPos, WordNetSense } from "./wordnet.js";

/** How much a step along each kind of WordNet link keeps of a match's weight. */
export interface ExpansionWeights {
  /** A broader concept ("puppy" → "dog"): "@", "@i". */
  hypernym: number;
  /** A narrower concept ("dog" → "puppy"): "~", "~i". */
  hyponym: number;
  /**
   * Same idea in another form or part of speech: derivation "+", similar "&", also-see "^",
   * verb group "$", pertainym "\\", participle "<", attribute "=".
   */
  related: number;
  /** Same topic domain ("racket" ↔ "tennis"): ";c", "-c". 0 turns them off. */
  domain: number;
  /** Part or whole ("wheel" ↔ "car"): meronyms and holonyms. 0 turns them off. */
  part: number;
  /** Most links followed from a sense of the word. */
  maxHops: number;
  /** Exponent on the word's own sense weight (1 = linear in the sense's share). */
  sourceSenseExponent: number;
  /** Exponent on the weight of the sense under which a target word is reached. */
  targetSenseExponent: number;
  /** Expansions weaker than this are dropped. */
  minWeight: number;
}

export const DEFAULT_EXPANSION_WEIGHTS: ExpansionWeights = {
  hypernym: 0.6,
  hyponym: 0.5,
  related: 0.7,
  domain: 0.5,
  part: 0,
  maxHops: 2,
  sourceSenseExponent: 1,
  targetSenseExponent: 0.5,
  minWeight: 0.05,
};

/** Maps a WordNet lemma to the term it is indexed under, or null to skip it (not in an index). */
export type ResolveLemma = (lemma: string) => string | null;

export interface TermExpander {
  /**
   * Terms related to a lower-cased word or WordNet lemma, each with a weight in (0, 1]; the
   * word's own term has 1. With `resolve`, only the lemmas it maps are looked at (an index
   * passes its vocabulary, which keeps a cold expansion cheap); results are then not cached.
   */
  expand(word: string, resolve?: ResolveLemma): ReadonlyMap<string, number>;
}

type Direction = "same" | "lateral" | "up" | "down";

interface Node {
  key: string;
  pos: WordNetPos;
  offset: number;
  weight: number;
  direction: Direction;
}

// Smoothing for senses never tagged in the concordance, so WordNet's order still ranks them.
const RANK_PRIOR = 1;

/**
 * Expands a word through WordNet. Each sense of the word (and of its base forms) is weighted by
 * its share of the sense-tagged counts in index.sense, smoothed by its rank in index.noun/verb/…,
 * so the dominant sense ("dog" the animal) counts and rare ones ("dog" the sausage) barely do.
 * From each sense the walk goes only up (hypernyms) or only down (hyponyms), or takes one
 * lateral link (derivation, similar, domain) and stops: "yellow" → "color" → "green" would make
 * siblings look alike, and "tree" → "tree" (verb) → "chase" → "dog" drifts off through a rare
 * sense. A word reached is weighted by the walk and by how central that sense is to it.
 */
export function createTermExpander(wordNet: WordNet, analyzer: TextAnalyzer, weights: ExpansionWeights = DEFAULT_EXPANSION_WEIGHTS): TermExpander {
  const cache = new Map<string, ReadonlyMap<string, number>>();
  const walkCache = new Map<string, readonly Node[]>();
  const lemmaSenseCache = new Map<string, Map<string, number>>();

  const lemmaSenses = (lemma: string): Map<string, number> => {
    let found = lemmaSenseCache.get(lemma);
    if (found === undefined) {
      found = senseShares(wordNet.senses(lemma));
      lemmaSenseCache.set(lemma, found);
    }
    return found;
  };

  const stepWeight = (symbol: string): number => {
    const direction = directionOf(symbol);
    if (direction === "up") return weights.hypernym;
    if (direction === "down") return weights.hyponym;
    if (symbol === ";c" || symbol === "-c") return weights.domain;
    if (symbol.startsWith("#") || symbol.startsWith("%")) return weights.part;
    return direction === "lateral" ? weights.related : 0;
  };

  /** The synsets a walk from the word's senses reaches, each with its best weight (index-independent, cached). */
  const walk = (word: string): readonly Node[] => {
    const cached = walkCache.get(word);
    if (cached !== undefined) return cached;
    const own = [...wordNet.senses(word)];
    for (const candidate of analyzer.lemmaCandidates(word)) {
      for (const sense of wordNet.senses(candidate.lemma)) if (sense.pos === candidate.pos) own.push(sense);
    }
    const reached = new Map<string, Node>();
    let frontier: Node[] = [];
    for (const [key, share] of senseShares(own)) {
      const weight = share ** weights.sourceSenseExponent;
      if (weight < weights.minWeight) continue;
      const node: Node = { key, pos: key.charAt(0) as WordNetPos, offset: Number(key.slice(1)), weight, direction: "same" };
      reached.set(`${key}/same`, node);
      frontier.push(node);
    }
    for (let hop = 0; hop < weights.maxHops && frontier.length > 0; hop += 1) {
      const next: Node[] = [];
      for (const node of frontier) {
        for (const pointer of wordNet.synset(node.pos, node.offset).pointers) {
          const direction = directionOf(pointer.symbol);
          if (direction === null || !canFollow(node.direction, direction)) continue;
          const weight = node.weight * stepWeight(pointer.symbol);
          if (weight < weights.minWeight) continue;
          const key = `${pointer.pos}${pointer.offset}`;
          const seen = reached.get(`${key}/${direction}`);
          if (seen !== undefined && seen.weight >= weight) continue;
          const reachedNode: Node = { key, pos: pointer.pos, offset: pointer.offset, weight, direction };
          reached.set(`${key}/${direction}`, reachedNode);
          next.push(reachedNode);
        }
      }
      frontier = next;
    }
    const nodes = [...reached.values()];
    walkCache.set(word, nodes);
    return nodes;
  };

  const expand = (word: string, resolve?: ResolveLemma): ReadonlyMap<string, number> => {
    const cached = resolve === undefined ? cache.get(word) : undefined;
    if (cached !== undefined) return cached;
    const terms = new Map<string, number>();
    for (const node of walk(word)) {
      for (const lemma of wordNet.synset(node.pos, node.offset).words) {
        const term = resolve === undefined ? analyzer.termOf(lemma) : resolve(lemma);
        if (term === null) continue;
        const centrality = lemmaSenses(lemma).get(node.key) ?? 0;
        const weight = node.weight * centrality ** weights.targetSenseExponent;
        if (weight >= weights.minWeight && (terms.get(term) ?? 0) < weight) terms.set(term, weight);
      }
    }
    terms.set(analyzer.termOf(word), 1);
    if (resolve === undefined) cache.set(word, terms);
    return terms;
  };

  return { expand };
}

/** Sense key ("n02086723") → weight in (0, 1], the most likely sense having 1. */
export function senseShares(senses: readonly WordNetSense[]): Map<string, number> {
  const raw = new Map<string, number>();
  for (const sense of senses) {
    const key = `${sense.pos}${sense.offset}`;
    raw.set(key, Math.max(raw.get(key) ?? 0, sense.count + RANK_PRIOR / (sense.rank + 1)));
  }
  const top = Math.max(0, ...raw.values());
  for (const [key, value] of raw) raw.set(key, value / top);
  return raw;
}

function directionOf(symbol: string): Direction | null {
  if (symbol === "@" || symbol === "@i") return "up";
  if (symbol === "~" || symbol === "~i") return "down";
  if (symbol.startsWith("#") || symbol.startsWith("%")) return "lateral";
  if (symbol === ";c" || symbol === "-c") return "lateral";
  if (symbol === "+" || symbol === "&" || symbol === "^" || symbol === "$" || symbol === "\\" || symbol === "<" || symbol === "=") return "lateral";
  return null;
}

function canFollow(previous: Direction, next: Direction): boolean {
  if (previous === "same") return true;
  if (previous === "lateral") return false;
  return previous === next;
}
