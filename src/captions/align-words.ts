import type { WordTiming } from "../schema/storyboard.js";

export interface TimeSpan {
  startMs: number;
  endMs: number;
}

export interface WordAlignment {
  /** When each caption unit is said, in the voice's own milliseconds; starts never go backwards. */
  spans: TimeSpan[];
  /** glue[i]: units i and i + 1 are parts of one spoken word, so no break may fall between them. */
  glue: boolean[];
}

/**
 * Above this many cells the character alignment is skipped and time is shared out by length:
 * a scene's narration is a few hundred characters, this is tens of thousands.
 */
const MAX_CELLS = 9_000_000;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

interface Chars {
  chars: string[];
  owner: number[];
  length: number[];
}

/** Letters and digits only, case- and width-folded, each tagged with the item it came from. */
function foldChars(items: readonly string[]): Chars {
  const chars: string[] = [];
  const owner: number[] = [];
  const length: number[] = [];
  items.forEach((item, i) => {
    let n = 0;
    for (const ch of item.normalize("NFKC").toLowerCase()) {
      if (!WORD_CHAR.test(ch)) continue;
      chars.push(ch);
      owner.push(i);
      n += 1;
    }
    length.push(n);
  });
  return { chars, owner, length };
}

/** Longest common subsequence of two character lists, as matched index pairs in order. */
function lcsPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint16Array((n + 1) * width);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      table[i * width + j] =
        a[i - 1] === b[j - 1] ? table[(i - 1) * width + j - 1]! + 1 : Math.max(table[(i - 1) * width + j]!, table[i * width + j - 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      pairs.push([i - 1, j - 1]);
      i -= 1;
      j -= 1;
    } else if (table[(i - 1) * width + j]! >= table[i * width + j - 1]!) {
      i -= 1;
    } else {
      j -= 1;
    }
  }
  return pairs.reverse();
}

/** Time weight of a unit without a spoken match: its letters, at least a little. */
function unitWeight(length: number): number {
  return Math.max(0.2, length);
}

function share(units: readonly number[], weights: readonly number[], span: TimeSpan, out: (TimeSpan | null)[]): void {
  const total = units.reduce((sum, u) => sum + weights[u]!, 0);
  let cursor = span.startMs;
  for (const u of units) {
    const next = cursor + ((span.endMs - span.startMs) * weights[u]!) / total;
    out[u] = { startMs: cursor, endMs: next };
    cursor = next;
  }
}

/**
 * Matches the voice's words to caption units in order, tolerant of punctuation, case, width and
 * spacing (a character alignment, so "12km" finds "12 km" and a CJK word spans its characters).
 * A word spread over several units shares its time among them by length; units the voice does
 * not match (a symbol, a number read out as words) get the time between their neighbours, or
 * that of the unmatched words said there.
 */
export function alignWords(units: readonly string[], words: readonly WordTiming[], durationMs: number): WordAlignment {
  const u = foldChars(units);
  const w = foldChars(words.map((word) => word.text));
  const weights = u.length.map(unitWeight);
  const spans: (TimeSpan | null)[] = units.map(() => null);
  const glue = units.slice(1).map(() => false);
  // For each word, the first and last unit it matched; for each unit, the words it matched.
  const wordUnits: ({ lo: number; hi: number } | null)[] = words.map(() => null);
  const pairs = u.chars.length * w.chars.length <= MAX_CELLS ? lcsPairs(u.chars, w.chars) : [];
  const counts = new Map<string, number>();
  for (const [a, b] of pairs) {
    const key = `${u.owner[a]}:${w.owner[b]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const wordMatched = new Array<number>(words.length).fill(0);
  for (const [, b] of pairs) wordMatched[w.owner[b]!]! += 1;
  for (const [key, count] of counts) {
    const [unit, word] = key.split(":").map(Number) as [number, number];
    // A unit belongs to a word when most of the unit matched it and most of the word matched
    // the text, so a stray shared letter ("n" of "twenty" in "In") ties nothing.
    if (count < Math.ceil(0.5 * u.length[unit]!) || wordMatched[word]! < Math.ceil(0.5 * w.length[word]!)) continue;
    const range = wordUnits[word];
    wordUnits[word] = range ? { lo: Math.min(range.lo, unit), hi: Math.max(range.hi, unit) } : { lo: unit, hi: unit };
  }
  const unitWords: number[][] = units.map(() => []);
  wordUnits.forEach((range, word) => {
    if (!range) return;
    for (let i = range.lo; i <= range.hi; i++) unitWords[i]!.push(word);
    for (let i = range.lo; i < range.hi; i++) glue[i] = true;
  });
  units.forEach((_, i) => {
    const mine = unitWords[i]!;
    if (mine.length === 0) return;
    let start = Infinity;
    let end = -Infinity;
    for (const word of mine) {
      const range = wordUnits[word]!;
      const timing = words[word]!;
      const wordEnd = Math.max(timing.startMs, timing.endMs);
      // A word over several units: each unit gets its slice of the word, by length.
      const inRange = Array.from({ length: range.hi - range.lo + 1 }, (_, k) => range.lo + k);
      const total = inRange.reduce((sum, k) => sum + weights[k]!, 0);
      const before = inRange.filter((k) => k < i).reduce((sum, k) => sum + weights[k]!, 0);
      const sliceStart = timing.startMs + ((wordEnd - timing.startMs) * before) / total;
      const sliceEnd = timing.startMs + ((wordEnd - timing.startMs) * (before + weights[i]!)) / total;
      start = Math.min(start, sliceStart);
      end = Math.max(end, sliceEnd);
    }
    spans[i] = { startMs: start, endMs: end };
  });
  fillGaps(spans, weights, words, wordUnits, durationMs);
  // Starts never go backwards, so pages and highlights follow the text order.
  let floor = 0;
  const ordered = spans.map((span) => {
    const startMs = Math.max(floor, span!.startMs);
    floor = startMs;
    return { startMs, endMs: Math.max(startMs, span!.endMs) };
  });
  return { spans: ordered, glue };
}

/** Gives every unmatched run of units the time between its matched neighbours. */
function fillGaps(
  spans: (TimeSpan | null)[],
  weights: readonly number[],
  words: readonly WordTiming[],
  wordUnits: readonly ({ lo: number; hi: number } | null)[],
  durationMs: number,
): void {
  let i = 0;
  while (i < spans.length) {
    if (spans[i]) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < spans.length && !spans[j]) j += 1;
    const run = Array.from({ length: j - i }, (_, k) => i + k);
    const before = i > 0 ? spans[i - 1]!.endMs : 0;
    const after = j < spans.length ? spans[j]!.startMs : durationMs;
    // Words said in that stretch that matched no unit (e.g. "twenty twenty-four" for "2024").
    const firstWordAfterPrev = i > 0 ? lastWordOf(i - 1, wordUnits) + 1 : 0;
    const lastWordBeforeNext = j < spans.length ? firstWordOf(j, wordUnits) - 1 : words.length - 1;
    const loose = words.slice(firstWordAfterPrev, lastWordBeforeNext + 1).filter((_, k) => !wordUnits[firstWordAfterPrev + k]);
    const span =
      loose.length > 0
        ? { startMs: loose[0]!.startMs, endMs: Math.max(loose[0]!.startMs, ...loose.map((word) => word.endMs)) }
        : { startMs: before, endMs: Math.max(before, after) };
    share(run, weights, span, spans);
    i = j;
  }
}

function lastWordOf(unit: number, wordUnits: readonly ({ lo: number; hi: number } | null)[]): number {
  let last = -1;
  wordUnits.forEach((range, word) => {
    if (range && range.lo <= unit && unit <= range.hi) last = word;
  });
  return last;
}

function firstWordOf(unit: number, wordUnits: readonly ({ lo: number; hi: number } | null)[]): number {
  const index = wordUnits.findIndex((range) => range !== null && range.lo <= unit && unit <= range.hi);
  return index === -1 ? wordUnits.length : index;
}
