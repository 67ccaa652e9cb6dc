import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseSubtitles } from "../src/captions/parse-subtitles.js";
import { extractArticle } from "../src/ingest/index.js";
import { generatedMedia } from "../src/match/providers/generated.js";
import { subtitleCues, toSrt, toVtt, validateCues } from "../src/render/subtitles.js";
import type { Article } from "../src/schema/article.js";
import { AspectSchema, StoryboardSchema, storyboardDurationInFrames, type Aspect, type SceneVoice, type Storyboard } from "../src/schema/storyboard.js";
import type { Script } from "../src/schema/script.js";
import { writeScript } from "../src/script/index.js";
import { buildStoryboard, storyboardCaptions } from "../src/storyboard/index.js";
import { splitUnits } from "../src/text/text-units.js";

const repoRoot = path.resolve(import.meta.dirname, "..");
const ARTICLES = path.join(repoRoot, "samples/articles");
const ASPECTS: Aspect[] = AspectSchema.options;

/** A stand-in voice for a narration: word times by length, pauses at punctuation (ms in the voice). */
function fakeVoice(text: string): Omit<SceneVoice, "offsetMs"> {
  let t = 100;
  const words = splitUnits(text).map((word) => {
    const startMs = t;
    const endMs = startMs + 60 * Math.max(1, word.replace(/[^\p{L}\p{N}]/gu, "").length) + 80;
    t = endMs + (/[.!?。！？]$/u.test(word) ? 400 : /[,;:，、]$/u.test(word) ? 150 : 30);
    return { text: word.replace(/[^\p{L}\p{N}'-]/gu, "") || word, startMs, endMs };
  });
  return { text, file: "/tmp/voice.wav", durationMs: t + 200, words, sentences: [], timing: "modelled" };
}

function durationMs(board: Storyboard): number {
  return (storyboardDurationInFrames(board) / board.output.fps) * 1000;
}

/** Letters and digits of a text, in order, so cue text can be compared with the narration. */
function letters(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, "");
}

function checkFiles(board: Storyboard): void {
  const pages = storyboardCaptions(board);
  const srt = parseSubtitles(toSrt(pages), "srt");
  const vtt = parseSubtitles(toVtt(pages), "vtt");
  expect(srt.problems).toEqual([]);
  expect(vtt.problems).toEqual([]);
  expect(validateCues(srt.cues, durationMs(board))).toEqual([]);
  expect(vtt.cues).toEqual(srt.cues);
  expect(srt.cues).toEqual(subtitleCues(pages));
  // Full captions: every scene's words, in order, whatever the burned-in style.
  const spoken = board.scenes.map((scene) => scene.voice?.text ?? scene.narration).join(" ");
  expect(letters(srt.cues.map((cue) => cue.lines.join(" ")).join(" "))).toBe(letters(spoken));
}

describe("subtitle files of the samples", () => {
  const sources = readdirSync(ARTICLES).filter((file) => /\.(html|md|txt)$/.test(file));
  const written = new Map<string, { article: Article; script: Script }>();

  beforeAll(async () => {
    for (const file of sources) {
      const article = await extractArticle(path.join(ARTICLES, file));
      written.set(file, { article, script: writeScript(article, { durationSeconds: 60 }) });
    }
  });

  it("validates for samples/storyboard.json, and the burned-in style and burn switch leave the files unchanged", () => {
    const sample = StoryboardSchema.parse(JSON.parse(readFileSync(path.join(repoRoot, "samples/storyboard.json"), "utf8")));
    checkFiles(sample);
    const files = (board: Storyboard) => [toSrt(storyboardCaptions(board)), toVtt(storyboardCaptions(board))];
    const expected = files(sample);
    for (const style of ["subtitles", "highlight", "headline"] as const) {
      for (const burn of [true, false]) expect(files({ ...sample, captions: { style, burn } })).toEqual(expected);
    }
  });

  for (const file of ["city-bike-lanes.html", "northern-lights-photo-diary.html", "quiet-hours.txt", "sourdough-starter-guide.html", "tide-pools.md"]) {
    for (const voiced of [false, true]) {
      it(`validates for ${file} in each aspect, ${voiced ? "timed by a voice" : "timed by reading speed"}`, () => {
        expect(sources).toContain(file);
        const { article, script } = written.get(file)!;
        for (const aspect of ASPECTS) {
          const board = buildStoryboard(article, script, script.scenes.map(generatedMedia), {
            aspect,
            voices: voiced ? script.scenes.map((scene) => (scene.narration.trim() ? fakeVoice(scene.narration) : null)) : undefined,
            captions: { style: "headline", burn: false },
          });
          checkFiles(board);
        }
      });
    }
  }
});

describe("validateCues", () => {
  const good = [
    { index: 1, startMs: 0, endMs: 1000, lines: ["one"] },
    { index: 2, startMs: 1000, endMs: 2500, lines: ["two"] },
    { index: 3, startMs: 2600, endMs: 4000, lines: ["three", "lines"] },
  ];

  it("accepts numbered, increasing cues that touch but do not overlap", () => {
    expect(validateCues(good, 4000)).toEqual([]);
  });

  it("reports a cue numbered out of sequence", () => {
    expect(validateCues([good[0]!, { ...good[1]!, index: 3 }], 4000)).toEqual(["cue 2 is numbered 3, but must be 2"]);
  });

  it("reports overlapping cues and cues out of order", () => {
    expect(validateCues([good[0]!, { ...good[1]!, startMs: 900 }], 4000)).toEqual(["cue 2 starts at 900 ms, while cue 1 is still up (until 1000 ms)"]);
    expect(validateCues([{ ...good[0]!, startMs: 500 }, { ...good[1]!, startMs: 100, endMs: 400 }], 4000)[0]).toMatch(/^cue 2 starts at 100 ms, before cue 1/);
  });

  it("reports a cue that ends before it starts, or after the video", () => {
    expect(validateCues([{ ...good[0]!, endMs: 0 }], 4000)).toEqual(["cue 1 must end after it starts, but runs 0–0 ms"]);
    expect(validateCues(good, 3999)).toEqual(["cue 3 must end within the video (3999 ms), but ends at 4000 ms"]);
  });

  it("reports times a timestamp cannot show, and an empty cue", () => {
    expect(validateCues([{ ...good[0]!, startMs: -5 }], 4000)[0]).toMatch(/^cue 1 start must be whole milliseconds/);
    expect(validateCues([{ ...good[0]!, endMs: 999.5 }], 4000)[0]).toMatch(/^cue 1 end must be whole milliseconds/);
    expect(validateCues([{ ...good[0]!, lines: [" "] }], 4000)).toEqual(["cue 1 has no text"]);
  });
});

describe("parseSubtitles", () => {
  it("reads back what toSrt and toVtt write", () => {
    const pages = [
      { lines: ["First page."], startMs: 250, endMs: 2000 },
      { lines: ["Second page,", "two lines"], startMs: 2000, endMs: 3_661_005 },
    ];
    const expected = subtitleCues(pages);
    expect(parseSubtitles(toSrt(pages), "srt")).toEqual({ cues: expected, problems: [] });
    expect(parseSubtitles(toVtt(pages), "vtt")).toEqual({ cues: expected, problems: [] });
  });

  it("reports malformed timestamps, a missing number and a missing WEBVTT header", () => {
    expect(parseSubtitles("1\n0:00:01,000 --> 00:00:02,000\nHi\n", "srt").problems).toEqual([
      'block 1: expected a timing line, got "0:00:01,000 --> 00:00:02,000"',
    ]);
    expect(parseSubtitles("1\n00:00:01.000 --> 00:00:02.000\nHi\n", "srt").problems).toHaveLength(1);
    expect(parseSubtitles("1\n00:00:61,000 --> 00:01:02,000\nHi\n", "srt").problems).toHaveLength(1);
    expect(parseSubtitles("x\n00:00:01,000 --> 00:00:02,000\nHi\n", "srt").problems).toEqual(['block 1: expected a cue number, got "x"']);
    expect(parseSubtitles("1\n00:00:01.000 --> 00:00:02.000\nHi\n", "vtt").problems).toEqual(['must start with a "WEBVTT" line and a blank line']);
  });
});
