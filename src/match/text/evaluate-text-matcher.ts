import { evaluateRanking, type EvalFigures, type EvalSet } from "./evaluate-ranking.js";
import { createPlainBm25Index, type PlainBm25Options } from "./plain-bm25-index.js";
import { createTextIndex, type TextIndexOptions } from "./text-index.js";

export interface TimedFigures extends EvalFigures {
  /** Milliseconds to build the index. */
  indexMs: number;
  /** Milliseconds to run every query. */
  queryMs: number;
}

/** Recall@k and MRR of the offline text matcher (`createTextIndex`) on an evaluation set. */
export function evaluateTextMatcher(set: EvalSet, options: TextIndexOptions = {}): TimedFigures {
  const started = performance.now();
  const index = createTextIndex(set.items, options);
  const indexed = performance.now();
  const figures = evaluateRanking(set, (query) => index.search(query, set.items.length).map((hit) => hit.id));
  return { ...figures, indexMs: indexed - started, queryMs: performance.now() - indexed };
}

/** The same figures for textbook BM25 (no stemming, stop words dropped): the yardstick. */
export function evaluatePlainBm25(set: EvalSet, options: PlainBm25Options = {}): TimedFigures {
  const started = performance.now();
  const index = createPlainBm25Index(set.items, options);
  const indexed = performance.now();
  const figures = evaluateRanking(set, (query) => index.rank(query));
  return { ...figures, indexMs: indexed - started, queryMs: performance.now() - indexed };
}
