import { displayWidth, isCjk } from "../text/text-units.js";
import { countLines } from "./break-lines.js";
import type { BreakKind } from "./phrase-breaks.js";

export interface PageRules {
  /** Widest line, in average Latin characters (CJK glyphs count two). */
  maxCharsPerLine: number;
  maxLines: number;
  /** Spoken words a page should hold: fewer reads as a flash, more than `max` is not allowed. */
  words: { min: number; target: number | null; max: number | null };
}

/** Cost of ending a page at a gap of each kind; a sentence end always ends a page. */
const PAGE_END_COST: Record<BreakKind, number> = { sentence: 0, clause: 2, phrase: 4, plain: 10, bad: 18 };
/** Every page costs a little, so pages are not cut shorter than they need to be. */
const PAGE_COST = { targeted: 1, open: 4 };
const SHORT_PAGE_COST = 5;
const OFF_TARGET_COST = 0.6;
/** A word too wide for a line shrinks its whole page, so it is better on a page of its own. */
const SHARED_SHRINK_COST = 25;

/** Words a reader takes in from an atom: one per spaced word, one per 1.5 CJK characters. */
export function spokenWords(atom: string): number {
  let cjk = 0;
  let other = false;
  for (const ch of atom) {
    if (!/[\p{L}\p{N}]/u.test(ch)) continue;
    if (isCjk(ch)) cjk += 1;
    else other = true;
  }
  return cjk / 1.5 + (other ? 1 : 0);
}

/**
 * Splits atoms (units that must stay whole) into caption pages, as [start, end) index pairs.
 * Every sentence starts a page, so a page never spans two sentences; inside a sentence the
 * breaks are chosen together (dynamic programming) to prefer clause ends, then the gap before
 * a conjunction or preposition, and to keep pages near the word target. `kinds[i]` is the gap
 * after atom i. An atom too wide for a line is a page (and a line) of its own.
 */
export function paginateAtoms(atoms: readonly string[], kinds: readonly BreakKind[], rules: PageRules): [number, number][] {
  const pages: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < atoms.length; i++) {
    if (i === atoms.length - 1 || kinds[i] === "sentence") {
      pages.push(...paginateSentence(atoms, kinds, start, i + 1, rules));
      start = i + 1;
    }
  }
  return pages;
}

function paginateSentence(atoms: readonly string[], kinds: readonly BreakKind[], from: number, to: number, rules: PageRules): [number, number][] {
  const words = atoms.map(spokenWords);
  const pageCost = rules.words.target === null ? PAGE_COST.open : PAGE_COST.targeted;
  const cost = new Array<number>(to - from + 1).fill(Infinity);
  const prev = new Array<number>(to - from + 1).fill(-1);
  cost[0] = 0;
  for (let j = from + 1; j <= to; j++) {
    let count = 0;
    for (let i = j - 1; i >= from; i--) {
      count += words[i]!;
      const single = j - i === 1;
      if (!single) {
        if (countLines(atoms.slice(i, j), rules.maxCharsPerLine) > rules.maxLines) break;
        if (rules.words.max !== null && count > rules.words.max) break;
      }
      const before = cost[i - from]!;
      if (before === Infinity) continue;
      const overwide = single && displayWidth(atoms[i]!) > rules.maxCharsPerLine;
      const wholeSentence = (i === from && j === to) || overwide;
      let c = before + pageCost + (j < to ? PAGE_END_COST[kinds[j - 1]!] : 0);
      if (!wholeSentence && count < rules.words.min) c += SHORT_PAGE_COST * (rules.words.min - count);
      if (rules.words.target !== null && !wholeSentence) c += OFF_TARGET_COST * (count - rules.words.target) ** 2;
      if (!single && atoms.slice(i, j).some((atom) => displayWidth(atom) > rules.maxCharsPerLine)) c += SHARED_SHRINK_COST;
      if (c < cost[j - from]!) {
        cost[j - from] = c;
        prev[j - from] = i;
      }
    }
  }
  const pages: [number, number][] = [];
  for (let j = to; j > from; j = prev[j - from]!) pages.unshift([prev[j - from]!, j]);
  return pages;
}
