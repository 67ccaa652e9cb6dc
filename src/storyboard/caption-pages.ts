import { displayWidth, joinUnits, needsSpace, readingWords, splitUnits } from "../text/text-units.js";

export interface CaptionPage {
  text: string;
  lines: string[];
  /** Milliseconds from the start of the video. */
  startMs: number;
  endMs: number;
}

export interface CaptionLayoutOptions {
  /** Widest line, in average Latin characters (CJK glyphs count two). */
  maxCharsPerLine: number;
  maxLines: number;
}

export interface CaptionTimingOptions extends CaptionLayoutOptions {
  startMs: number;
  endMs: number;
}

/** Longest a single page stays on screen when it could be split, in reading words. */
const SOFT_PAGE_WORDS = 14;
const PHRASE_END = /[,;:\u3001\uff0c\uff1b\uff1a\u2013\u2014]$/u;
const SENTENCE_END = /[.!?\u3002\uff01\uff1f]["'\u201d\u2019\u300d\u300f)]*$/u;

/**
 * Greedy line filling that never splits a unit; a unit wider than a line gets a line to itself
 * (the renderer shrinks the font for that page).
 */
export function wrapLines(units: readonly string[], maxCharsPerLine: number): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let width = 0;
  for (const unit of units) {
    const w = displayWidth(unit);
    const gap = line.length > 0 && needsSpace(line[line.length - 1]!, unit) ? 1 : 0;
    if (line.length > 0 && width + gap + w > maxCharsPerLine) {
      lines.push(line);
      line = [];
      width = 0;
    }
    width += (line.length > 0 && needsSpace(line[line.length - 1]!, unit) ? 1 : 0) + w;
    line.push(unit);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/**
 * Splits narration into caption pages of at most `maxLines` lines, preferring to break after a
 * sentence, then after a phrase (comma, semicolon, dash), and only then wherever a line fills.
 */
export function paginateCaptions(text: string, options: CaptionLayoutOptions): string[][] {
  const units = splitUnits(text);
  const pages: string[][] = [];
  let start = 0;
  while (start < units.length) {
    let end = start;
    let best = -1;
    let bestRank = -1;
    // Grow the page one unit at a time while it still fits; remember the best break seen.
    while (end < units.length && wrapLines(units.slice(start, end + 1), options.maxCharsPerLine).length <= options.maxLines) {
      end += 1;
      const unit = units[end - 1]!;
      const rank = SENTENCE_END.test(unit) ? 2 : PHRASE_END.test(unit) ? 1 : 0;
      const words = readingWords(joinUnits(units.slice(start, end)));
      if (rank >= bestRank && words >= 3) {
        best = end;
        bestRank = rank;
      }
      if (rank === 2 && words >= SOFT_PAGE_WORDS / 2) break;
    }
    if (end === start) end = start + 1; // a single unit wider than the whole box
    const cut = end === units.length || best <= start || bestRank === 0 ? end : best;
    pages.push(units.slice(start, cut));
    start = cut;
  }
  return pages;
}

/**
 * Caption pages timed across [startMs, endMs): each page gets time in proportion to its
 * reading load, so a long page stays up longer. Pure: same input, same pages.
 */
export function timeCaptions(text: string, options: CaptionTimingOptions): CaptionPage[] {
  const pages = paginateCaptions(text, options);
  const weights = pages.map((units) => Math.max(0.5, readingWords(joinUnits(units))));
  const total = weights.reduce((a, b) => a + b, 0);
  const span = Math.max(0, options.endMs - options.startMs);
  const out: CaptionPage[] = [];
  let cursor = options.startMs;
  pages.forEach((units, i) => {
    const startMs = Math.round(cursor);
    cursor += (span * weights[i]!) / total;
    const endMs = i === pages.length - 1 ? options.endMs : Math.round(cursor);
    if (endMs <= startMs) return;
    out.push({
      text: joinUnits(units),
      lines: wrapLines(units, options.maxCharsPerLine).map(joinUnits),
      startMs,
      endMs,
    });
  });
  return out;
}
