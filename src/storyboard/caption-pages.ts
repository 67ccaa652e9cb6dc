import { alignWords, type TimeSpan } from "../captions/align-words.js";
import { breakLines, lineWidth } from "../captions/break-lines.js";
import { captionUnits } from "../captions/caption-units.js";
import { cjkWordGaps } from "../captions/cjk-word-gaps.js";
import { paginateAtoms, type PageRules } from "../captions/paginate-atoms.js";
import { breakKind } from "../captions/phrase-breaks.js";
import type { WordTiming } from "../schema/storyboard.js";
import { displayWidth, isCjk, joinUnits, readingWords } from "../text/text-units.js";

/** A word (or, in CJK, a character) of a caption page and when it is said. */
export interface CaptionWord {
  text: string;
  /** Milliseconds from the start of the video. */
  startMs: number;
  endMs: number;
}

export interface CaptionPage {
  text: string;
  lines: string[];
  /** Milliseconds from the start of the video. */
  startMs: number;
  endMs: number;
  /** The words of each line, in order, with their times (`lines[i]` is `words[i]` joined). */
  words: CaptionWord[][];
}

export interface CaptionLayoutOptions {
  /** Widest line, in average Latin characters (CJK glyphs count two). */
  maxCharsPerLine: number;
  maxLines: number;
  /** Words a page should hold. @default { min: 3, target: null, max: null } (only the lines limit a page) */
  words?: PageRules["words"];
  /** Language of the text, for phrase boundaries and abbreviations. @default "en" */
  lang?: string;
}

export interface CaptionTimingOptions extends CaptionLayoutOptions {
  startMs: number;
  endMs: number;
}

export interface VoiceCaptionOptions extends CaptionLayoutOptions {
  /** Where the voice audio starts, in milliseconds from the start of the video. */
  voiceStartMs: number;
  /** Length of the voice audio. */
  voiceDurationMs: number;
  /** The last page lasts until this (the end of the scene, less a short tail), and no page past it. */
  endMs: number;
}

const DEFAULT_WORDS: PageRules["words"] = { min: 3, target: null, max: null };

/** Units that stay together on a line (one spoken word), and when they are said, in voice milliseconds. */
interface VoicedAtom {
  text: string;
  span: TimeSpan;
}

function rulesOf(options: CaptionLayoutOptions): PageRules {
  return { maxCharsPerLine: options.maxCharsPerLine, maxLines: options.maxLines, words: options.words ?? DEFAULT_WORDS };
}

/** Pages of atoms, each page's atoms already split into lines. */
function layoutPages(atoms: readonly string[], options: CaptionLayoutOptions): { first: number; lines: string[][] }[] {
  const lang = options.lang ?? "en";
  const insideWord = cjkWordGaps(atoms, lang);
  const kinds = atoms.slice(1).map((atom, i) => {
    const kind = breakKind(atoms[i]!, atom, lang);
    return kind === "plain" && insideWord[i] ? "bad" : kind;
  });
  return paginateAtoms(atoms, kinds, rulesOf(options)).map(([from, to]) => ({
    first: from,
    lines: breakLines(atoms.slice(from, to), kinds.slice(from, to - 1), options.maxCharsPerLine),
  }));
}

/**
 * Greedy line filling that never splits a unit; a unit wider than a line gets a line to itself
 * (the renderer shrinks the font for that page).
 */
export function wrapLines(units: readonly string[], maxCharsPerLine: number): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  for (const unit of units) {
    if (line.length > 0 && lineWidth([...line, unit]) > maxCharsPerLine) {
      lines.push(line);
      line = [];
    }
    line.push(unit);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/**
 * Splits text into caption pages of at most `maxLines` lines of caption units (see
 * captionUnits): a page never spans two sentences, and inside one the breaks go after clause
 * punctuation, then before a conjunction or preposition, and only then wherever a line fills.
 */
export function paginateCaptions(text: string, options: CaptionLayoutOptions): string[][] {
  const units = captionUnits(text);
  return layoutPages(units, options).map((page) => page.lines.flat());
}

/** Reading time weight of an atom: letters, a beat per word, more per CJK character. */
function atomWeight(atom: string): number {
  let letters = 0;
  let cjk = 0;
  for (const ch of atom) {
    if (!/[\p{L}\p{N}]/u.test(ch)) continue;
    if (isCjk(ch)) cjk += 1;
    else letters += 1;
  }
  return letters + 3 * cjk + (letters > 0 ? 1.5 : 0) || 0.5;
}

function pageOf(lines: readonly string[][], startMs: number, endMs: number, times: (atom: number) => TimeSpan): CaptionPage {
  let k = 0;
  const words = lines.map((line) =>
    line.map((text) => {
      const span = times(k++);
      const start = Math.min(endMs, Math.max(startMs, Math.round(span.startMs)));
      return { text, startMs: start, endMs: Math.min(endMs, Math.max(start, Math.round(span.endMs))) };
    }),
  );
  return { text: joinUnits(lines.flat()), lines: lines.map((line) => joinUnits(line)), startMs, endMs, words };
}

/**
 * Caption pages timed across [startMs, endMs) by reading speed: each page gets time in
 * proportion to its reading load, and each word within it by its length. Pure.
 */
export function timeCaptions(text: string, options: CaptionTimingOptions): CaptionPage[] {
  const pages = layoutPages(captionUnits(text), options);
  const weights = pages.map((page) => Math.max(0.5, readingWords(joinUnits(page.lines.flat()))));
  const total = weights.reduce((a, b) => a + b, 0);
  const span = Math.max(0, options.endMs - options.startMs);
  const out: CaptionPage[] = [];
  let cursor = options.startMs;
  pages.forEach((page, i) => {
    const startMs = Math.round(cursor);
    cursor += (span * weights[i]!) / total;
    const endMs = i === pages.length - 1 ? options.endMs : Math.round(cursor);
    if (endMs <= startMs) return;
    const atoms = page.lines.flat();
    const atomWeights = atoms.map(atomWeight);
    const sum = atomWeights.reduce((a, b) => a + b, 0);
    let at = startMs;
    const spans = atomWeights.map((w) => {
      const s = { startMs: at, endMs: at + ((endMs - startMs) * w) / sum };
      at = s.endMs;
      return s;
    });
    out.push(pageOf(page.lines, startMs, endMs, (k) => spans[k]!));
  });
  return out;
}

/**
 * Atoms for voiced text: the caption units, with the units of one spoken word joined so no
 * break falls inside it (unless that word alone is wider than a line).
 */
function voicedAtoms(units: readonly string[], spans: readonly TimeSpan[], glue: readonly boolean[], maxCharsPerLine: number): VoicedAtom[] {
  const atoms: VoicedAtom[] = [];
  let group: number[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const texts = group.map((u) => units[u]!);
    const whole = joinUnits(texts);
    const parts = group.length > 1 && displayWidth(whole) > maxCharsPerLine ? group.map((u) => [u]) : [group];
    for (const part of parts) {
      atoms.push({
        text: joinUnits(part.map((u) => units[u]!)),
        span: { startMs: spans[part[0]!]!.startMs, endMs: Math.max(...part.map((u) => spans[u]!.endMs)) },
      });
    }
    group = [];
  };
  units.forEach((_, u) => {
    group.push(u);
    if (!glue[u]) flush();
  });
  flush();
  return atoms;
}

/**
 * Caption pages timed by the voice's words: a page starts when its first word is said and
 * lasts until the next page's first word (the last one until `endMs`, so a scene that runs on
 * after its voice keeps its caption). Word times are
 * in milliseconds from the start of the voice audio; pages are in video milliseconds. The
 * words are matched to the text in order, so punctuation, case and spacing may differ.
 */
export function timeCaptionsToVoice(text: string, words: readonly WordTiming[], options: VoiceCaptionOptions): CaptionPage[] {
  const units = captionUnits(text);
  if (units.length === 0) return [];
  const alignment = alignWords(units, words, options.voiceDurationMs);
  const atoms = voicedAtoms(units, alignment.spans, alignment.glue, options.maxCharsPerLine);
  const pages = layoutPages(atoms.map((atom) => atom.text), options);
  const base = options.voiceStartMs;
  const starts: number[] = [];
  for (const page of pages) {
    const start = Math.round(base + atoms[page.first]!.span.startMs);
    starts.push(Math.max(start, (starts.at(-1) ?? -Infinity) + 1));
  }
  const out: CaptionPage[] = [];
  pages.forEach((page, i) => {
    const startMs = starts[i]!;
    const endMs = i + 1 < pages.length ? Math.min(options.endMs, starts[i + 1]!) : options.endMs;
    if (endMs <= startMs) return;
    out.push(
      pageOf(page.lines, startMs, endMs, (k) => {
        const span = atoms[page.first + k]!.span;
        return { startMs: base + span.startMs, endMs: base + span.endMs };
      }),
    );
  });
  return out;
}

