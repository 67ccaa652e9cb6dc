import { displayWidth, needsSpace } from "../text/text-units.js";
import type { BreakKind } from "./phrase-breaks.js";

/** Cost of a line break by the kind of gap it falls in: a clause end is free, after "the" is not. */
const LINE_BREAK_COST: Record<BreakKind, number> = { sentence: 0, clause: 0, phrase: 1, plain: 3, bad: 8 };
/** Cost per character of difference between the longest and shortest line. */
const IMBALANCE_COST = 0.35;

/** Width of atoms set on one line, spaces included. */
export function lineWidth(atoms: readonly string[]): number {
  let width = 0;
  atoms.forEach((atom, i) => {
    width += displayWidth(atom) + (i > 0 && needsSpace(atoms[i - 1]!, atom) ? 1 : 0);
  });
  return width;
}

/** Fewest lines the atoms need (greedy filling is optimal for that); a too-wide atom gets a line alone. */
export function countLines(atoms: readonly string[], maxCharsPerLine: number): number {
  let lines = 0;
  let width = 0;
  atoms.forEach((atom, i) => {
    const w = displayWidth(atom);
    const gap = i > 0 && needsSpace(atoms[i - 1]!, atom) ? 1 : 0;
    if (lines === 0 || width + gap + w > maxCharsPerLine) {
      lines += 1;
      width = w;
    } else {
      width += gap + w;
    }
  });
  return lines;
}

/**
 * Splits a page's atoms into as few lines as fit `maxCharsPerLine`, placing the breaks where
 * the lines come out even and the break falls at a phrase boundary. `kinds[i]` is the gap
 * after atom i. Returns the atoms of each line.
 */
export function breakLines(atoms: readonly string[], kinds: readonly BreakKind[], maxCharsPerLine: number): string[][] {
  const n = atoms.length;
  const count = countLines(atoms, maxCharsPerLine);
  if (count <= 1) return n === 0 ? [] : [[...atoms]];
  const width = (from: number, to: number) => lineWidth(atoms.slice(from, to));
  const fits = (from: number, to: number) => to - from === 1 || width(from, to) <= maxCharsPerLine;
  // best[k][j]: cheapest way to set atoms [0, j) on k lines; the line widths are tracked for balance.
  type State = { cost: number; prev: number; min: number; max: number };
  const best: (State | null)[][] = Array.from({ length: count + 1 }, () => Array<State | null>(n + 1).fill(null));
  best[0]![0] = { cost: 0, prev: -1, min: Infinity, max: 0 };
  for (let k = 1; k <= count; k++) {
    for (let j = 1; j <= n; j++) {
      let chosen: State | null = null;
      for (let i = j - 1; i >= 0 && fits(i, j); i--) {
        const before = best[k - 1]![i];
        if (!before) continue;
        const w = width(i, j);
        const min = Math.min(before.min, w);
        const max = Math.max(before.max, w);
        const breakCost = j < n ? LINE_BREAK_COST[kinds[j - 1]!] : 0;
        const cost = before.cost - IMBALANCE_COST * (before.max - (before.min === Infinity ? before.max : before.min)) + breakCost + IMBALANCE_COST * (max - min);
        if (!chosen || cost < chosen.cost) chosen = { cost, prev: i, min, max };
      }
      best[k]![j] = chosen;
    }
  }
  const lines: string[][] = [];
  let j = n;
  for (let k = count; k > 0; k--) {
    const state = best[k]![j]!;
    lines.unshift(atoms.slice(state.prev, j));
    j = state.prev;
  }
  return lines;
}
