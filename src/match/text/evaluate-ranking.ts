import type { IndexDoc } from "./text-index.js";

/** Items to index and queries that each have exactly one right item. */
export interface EvalSet {
  items: IndexDoc[];
  queries: Array<{ query: string; id: string }>;
}

export interface EvalFigures {
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  /** Mean reciprocal rank (0 for a query whose item is not ranked at all). */
  mrr: number;
  queries: number;
  items: number;
}

/** Ids ranked best first for a query; ids left out count as not found. */
export type Ranker = (query: string) => readonly string[];

/** Recall@k and MRR of a ranker over an evaluation set. */
export function evaluateRanking(set: EvalSet, rank: Ranker): EvalFigures {
  let at1 = 0;
  let at5 = 0;
  let at10 = 0;
  let reciprocal = 0;
  for (const { query, id } of set.queries) {
    const position = rank(query).indexOf(id);
    if (position < 0) continue;
    if (position < 1) at1 += 1;
    if (position < 5) at5 += 1;
    if (position < 10) at10 += 1;
    reciprocal += 1 / (position + 1);
  }
  const total = Math.max(1, set.queries.length);
  return {
    recallAt1: at1 / total,
    recallAt5: at5 / total,
    recallAt10: at10 / total,
    mrr: reciprocal / total,
    queries: set.queries.length,
    items: set.items.length,
  };
}

/** `recall@1=0.552 recall@5=0.812 MRR=0.668 (956 queries, 239 items)` */
export function formatFigures(figures: EvalFigures): string {
  const f = (value: number): string => value.toFixed(3);
  return `recall@1=${f(figures.recallAt1)} recall@5=${f(figures.recallAt5)} MRR=${f(figures.mrr)} (${figures.queries} queries, ${figures.items} items)`;
}
