import type { SubtitleCue } from "./subtitle-cue.js";

export type SubtitleFormat = "srt" | "vtt";

export interface ParsedSubtitles {
  cues: SubtitleCue[];
  /** Lines that are not well-formed, one message each; empty for a well-formed file. */
  problems: string[];
}

const TIMING: Record<SubtitleFormat, RegExp> = {
  srt: /^(\d{2}):([0-5]\d):([0-5]\d),(\d{3}) --> (\d{2}):([0-5]\d):([0-5]\d),(\d{3})$/,
  vtt: /^(\d{2}):([0-5]\d):([0-5]\d)\.(\d{3}) --> (\d{2}):([0-5]\d):([0-5]\d)\.(\d{3})(?: .*)?$/,
};

function ms(h: string, m: string, s: string, milli: string): number {
  return Number(h) * 3_600_000 + Number(m) * 60_000 + Number(s) * 1000 + Number(milli);
}

/**
 * Reads an .srt or .vtt file strictly: a WEBVTT header (vtt), then blocks of a number, a
 * `hh:mm:ss,mmm --> hh:mm:ss,mmm` line (a dot in vtt) and at least one text line, separated
 * by one blank line. Anything else is reported in `problems`; validateCues checks the times.
 */
export function parseSubtitles(text: string, format: SubtitleFormat): ParsedSubtitles {
  const problems: string[] = [];
  const cues: SubtitleCue[] = [];
  if (text.includes("\r")) problems.push("uses CR line endings; expected LF");
  let body = text.replace(/\r\n?/g, "\n");
  if (format === "vtt") {
    if (!/^WEBVTT(?:[ \t][^\n]*)?\n\n/.test(body)) problems.push('must start with a "WEBVTT" line and a blank line');
    body = body.replace(/^WEBVTT[^\n]*\n/, "");
  }
  if (!body.endsWith("\n")) problems.push("must end with a newline");
  const blocks = body.trim() === "" ? [] : body.trim().split("\n\n");
  blocks.forEach((block, b) => {
    const [number, timing, ...lines] = block.split("\n");
    const where = `block ${b + 1}`;
    if (!/^\d+$/.test(number ?? "")) problems.push(`${where}: expected a cue number, got ${JSON.stringify(number)}`);
    const times = TIMING[format].exec(timing ?? "");
    if (!times) {
      problems.push(`${where}: expected a timing line, got ${JSON.stringify(timing)}`);
      return;
    }
    if (lines.length === 0) problems.push(`${where}: has no text`);
    const [, h1, m1, s1, f1, h2, m2, s2, f2] = times as unknown as string[];
    cues.push({ index: Number(number), startMs: ms(h1!, m1!, s1!, f1!), endMs: ms(h2!, m2!, s2!, f2!), lines });
  });
  return { cues, problems };
}
