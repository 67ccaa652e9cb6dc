import type { CaptionPage } from "../storyboard/caption-pages.js";

function clock(ms: number, separator: "," | "."): string {
  const total = Math.max(0, Math.round(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = Math.floor((total % 60_000) / 1000);
  const rest = total % 1000;
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(rest, 3)}`;
}

/** SubRip: numbered cues, `00:00:01,250 --> 00:00:03,000`, lines as laid out on screen. */
export function toSrt(pages: readonly CaptionPage[]): string {
  return pages.map((page, i) => `${i + 1}\n${clock(page.startMs, ",")} --> ${clock(page.endMs, ",")}\n${page.lines.join("\n")}\n`).join("\n");
}

/** WebVTT with the same cues as the SRT. */
export function toVtt(pages: readonly CaptionPage[]): string {
  const cues = pages.map((page, i) => `${i + 1}\n${clock(page.startMs, ".")} --> ${clock(page.endMs, ".")}\n${page.lines.join("\n").replace(/-->/g, "->")}\n`);
  return ["WEBVTT\n", ...cues].join("\n");
}
