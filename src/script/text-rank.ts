/** TextRank's damping factor, as in Mihalcea & Tarau (2004). */
const DAMPING = 0.85;
const MAX_ITERATIONS = 40;
const TOLERANCE = 1e-6;

/** Sentence similarity from TextRank: shared terms, normalised by the log of both lengths. */
export function sentenceSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const term of small) if (large.has(term)) shared += 1;
  if (shared === 0) return 0;
  return shared / (Math.log(a.size + 1) + Math.log(b.size + 1));
}

/** Shared terms over all terms: how much two sentences say the same thing. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const key of a) if (b.has(key)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * Centrality of each sentence in the graph whose edges are sentence similarities, normalised
 * so the most central sentence scores 1. Quadratic in the number of sentences, so callers cap it.
 */
export function textRank(termSets: readonly ReadonlySet<string>[]): number[] {
  const n = termSets.length;
  if (n === 0) return [];
  const neighbours: { to: number; weight: number }[][] = Array.from({ length: n }, () => []);
  const outWeight = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const weight = sentenceSimilarity(termSets[i]!, termSets[j]!);
      if (weight <= 0) continue;
      neighbours[i]!.push({ to: j, weight });
      neighbours[j]!.push({ to: i, weight });
      outWeight[i]! += weight;
      outWeight[j]! += weight;
    }
  }
  let scores = new Float64Array(n).fill(1);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    const next = new Float64Array(n);
    let change = 0;
    for (let i = 0; i < n; i += 1) {
      let sum = 0;
      for (const { to, weight } of neighbours[i]!) sum += (weight / outWeight[to]!) * scores[to]!;
      next[i] = 1 - DAMPING + DAMPING * sum;
      change += Math.abs(next[i]! - scores[i]!);
    }
    scores = next;
    if (change < TOLERANCE * n) break;
  }
  const max = scores.reduce((best, score) => Math.max(best, score), 0);
  return Array.from(scores, (score) => (max > 0 ? score / max : 0));
}
