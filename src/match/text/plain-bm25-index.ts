import type { IndexDoc } from "./text-index.js";
import { STOP_WORDS } from "./stop-words.js";

export interface PlainBm25Options {
  /** @default 1.2 */
  k1?: number;
  /** @default 0.75 */
  b?: number;
}

export interface PlainBm25Index {
  readonly size: number;
  /** Ids of every doc with a match, best first. */
  rank(query: string): string[];
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Lower-cased words with stop words dropped; no stemming. */
export function plainTokens(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter((word) => !STOP_WORDS.has(word));
}

/**
 * Textbook Okapi BM25 over title, tags and description as one text: the yardstick the
 * matcher is measured against.
 */
export function createPlainBm25Index(docs: readonly IndexDoc[], options: PlainBm25Options = {}): PlainBm25Index {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const tokens = docs.map((doc) => plainTokens([doc.title, ...doc.tags, doc.description].join(" ")));
  const average = Math.max(1, tokens.reduce((sum, list) => sum + list.length, 0) / Math.max(1, docs.length));
  const postings = new Map<string, Array<[number, number]>>();
  tokens.forEach((list, d) => {
    const counts = new Map<string, number>();
    for (const token of list) counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const [token, count] of counts) {
      let entry = postings.get(token);
      if (entry === undefined) postings.set(token, (entry = []));
      entry.push([d, count]);
    }
  });
  return {
    size: docs.length,
    rank(query) {
      const scores = new Map<number, number>();
      for (const term of plainTokens(query)) {
        const list = postings.get(term);
        if (list === undefined) continue;
        const idf = Math.log(1 + (docs.length - list.length + 0.5) / (list.length + 0.5));
        for (const [d, tf] of list) {
          const norm = k1 * (1 - b + (b * tokens[d]!.length) / average);
          scores.set(d, (scores.get(d) ?? 0) + (idf * tf * (k1 + 1)) / (tf + norm));
        }
      }
      return [...scores].sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([d]) => docs[d]!.id);
    },
  };
}
