import type { SubtitleCue } from "../captions/subtitle-cue.js";
import type { CaptionPage } from "../storyboard/caption-pages.js";

export { validateCues } from "../captions/validate-cues.js";
export type { SubtitleCue } from "../captions/subtitle-cue.js";

function clock(ms: number, separator: "," | "."): string {
  const total = Math.max(0, Math.round(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = Math.floor((total % 60_000) / 1000);
  const rest = total % 1000;
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(rest, 3)}`;
}

/**
 * The cues both files are written from: numbered from 1, times rounded to whole milliseconds
 * once here so the .srt and the .vtt can never disagree, and no line holding a cue arrow.
 */
export function subtitleCues(pages: readonly Pick<CaptionPage, "lines" | "startMs" | "endMs">[]): SubtitleCue[] {
  return pages.map((page, i) => ({
    index: i + 1,
    startMs: Math.max(0, Math.round(page.startMs)),
    endMs: Math.max(0, Math.round(page.endMs)),
    lines: page.lines.map((line) => line.replace(/-->/g, "->")),
  }));
}

/** SubRip: numbered cues, `00:00:01,250 --> 00:00:03,000`, lines as laid out on screen. */
export function toSrt(pages: readonly Pick<CaptionPage, "lines" | "startMs" | "endMs">[]): string {
  return subtitleCues(pages)
    .map((cue) => `${cue.index}\n${clock(cue.startMs, ",")} --> ${clock(cue.endMs, ",")}\n${cue.lines.join("\n")}\n`)
    .join("\n");
}

/** WebVTT with the same cues as the SRT. */
export function toVtt(pages: readonly Pick<CaptionPage, "lines" | "startMs" | "endMs">[]): string {
  const cues = subtitleCues(pages).map((cue) => `${cue.index}\n${clock(cue.startMs, ".")} --> ${clock(cue.endMs, ".")}\n${cue.lines.join("\n")}\n`);
  return ["WEBVTT\n", ...cues].join("\n");
}
