import { joinUnits } from "../src/text/text-units.js";

/** Width of a text set at a font size of 1 px (the browser measurer scales one measurement). */
export type MeasureWidth = (text: string) => number;

export interface FitBlockOptions {
  maxWidth: number;
  maxHeight: number;
  maxFontSize: number;
  maxLines: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  measure: MeasureWidth;
  /** Even out line lengths (like CSS text-wrap: balance) so a title never ends on a lone word. */
  balance?: boolean;
}

export interface FittedBlock {
  fontSize: number;
  lines: string[];
  /** Widest line at `fontSize`, in px. */
  width: number;
  height: number;
}

/** Below this the text is unreadable anyway; fitting stops here rather than looping forever. */
const MIN_FONT_SIZE = 1;
const SEARCH_STEPS = 24;

/** Greedy line filling by measured width; never splits a unit, a too-wide unit gets its own line. */
export function wrapMeasured(units: readonly string[], fontSize: number, maxWidth: number, measure: MeasureWidth): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  for (const unit of units) {
    if (line.length > 0 && measure(joinUnits([...line, unit])) * fontSize > maxWidth) {
      lines.push(line);
      line = [];
    }
    line.push(unit);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

function layoutAt(units: readonly string[], fontSize: number, options: FitBlockOptions): FittedBlock & { fits: boolean } {
  const lines = wrapMeasured(units, fontSize, options.maxWidth, options.measure).map(joinUnits);
  const width = Math.max(0, ...lines.map((line) => options.measure(line) * fontSize));
  const height = lines.length * options.lineHeight * fontSize;
  const fits = lines.length <= options.maxLines && width <= options.maxWidth && height <= options.maxHeight;
  return { fontSize, lines, width, height, fits };
}

/**
 * The largest font size (up to maxFontSize) at which the units wrap into at most maxLines lines
 * that fit the box. Words are never split; a word too wide for the box shrinks the whole block.
 */
export function fitTextBlock(units: readonly string[], options: FitBlockOptions): FittedBlock {
  const fitted = largestFit(units, options);
  return options.balance ? balanced(units, fitted, options) : fitted;
}

function largestFit(units: readonly string[], options: FitBlockOptions): FittedBlock {
  const first = layoutAt(units, options.maxFontSize, options);
  if (first.fits) return strip(first);
  // Fewer, narrower lines as the size drops, so a bisection finds the largest size that fits.
  let lo = MIN_FONT_SIZE;
  let hi = options.maxFontSize;
  let best = layoutAt(units, lo, options);
  for (let i = 0; i < SEARCH_STEPS; i++) {
    const mid = (lo + hi) / 2;
    const at = layoutAt(units, mid, options);
    if (at.fits) {
      lo = mid;
      best = at;
    } else {
      hi = mid;
    }
  }
  return strip(best);
}

/** The narrowest wrap width that still needs no more lines than the greedy fit did. */
function balanced(units: readonly string[], fitted: FittedBlock, options: FitBlockOptions): FittedBlock {
  const count = fitted.lines.length;
  if (count < 2) return fitted;
  const lineCount = (width: number) => wrapMeasured(units, fitted.fontSize, width, options.measure).length;
  let lo = 0;
  let hi = fitted.width;
  for (let i = 0; i < SEARCH_STEPS; i++) {
    const mid = (lo + hi) / 2;
    if (lineCount(mid) <= count) hi = mid;
    else lo = mid;
  }
  const lines = wrapMeasured(units, fitted.fontSize, hi, options.measure).map(joinUnits);
  const width = Math.max(0, ...lines.map((line) => options.measure(line) * fitted.fontSize));
  return { fontSize: fitted.fontSize, lines, width, height: lines.length * options.lineHeight * fitted.fontSize };
}

function strip(block: FittedBlock & { fits: boolean }): FittedBlock {
  return { fontSize: block.fontSize, lines: block.lines, width: block.width, height: block.height };
}

export interface CaptionFitOptions {
  box: { width: number; height: number };
  maxFontSize: number;
  lineHeight: number;
  /** Horizontal and vertical padding of the caption box, in em. */
  paddingX: number;
  paddingY: number;
  measure: MeasureWidth;
}

export interface FittedCaption {
  fontSize: number;
  /** Outer size of the caption box, padding included, in px. */
  width: number;
  height: number;
}

/**
 * One font size for a caption page whose lines are already broken: the largest size (up to the
 * layout's caption size) at which every line and the padding fit the captions box.
 */
export function fitCaptionLines(lines: readonly string[], options: CaptionFitOptions): FittedCaption {
  const { box, paddingX, paddingY, lineHeight, measure } = options;
  const widest = Math.max(0, ...lines.map(measure));
  const byWidth = box.width / (widest + 2 * paddingX);
  const byHeight = box.height / (lines.length * lineHeight + 2 * paddingY);
  const fontSize = Math.max(MIN_FONT_SIZE, Math.min(options.maxFontSize, byWidth, byHeight));
  return {
    fontSize,
    width: (widest + 2 * paddingX) * fontSize,
    height: (lines.length * lineHeight + 2 * paddingY) * fontSize,
  };
}
