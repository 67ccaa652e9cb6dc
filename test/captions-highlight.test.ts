import { describe, expect, it } from "vitest";
import { activeCaptionPage, activeCaptionWord } from "../compositions/active-caption-page.js";
import { StoryboardSchema, type WordTiming } from "../src/schema/storyboard.js";
import { sceneCaptions } from "../src/storyboard/scene-captions.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";

const TEXT = "Riders cheered loudly on Monday, and the council promised twelve more kilometres of protected lanes by next spring.";
const OFFSET_MS = 300;
const SCENE_START_MS = 3500;

/** Words 250–500 ms long with a 100 ms gap after each, from 150 ms into the voice audio. */
function speak(text: string): WordTiming[] {
  let t = 150;
  return text.split(" ").map((word, i) => {
    const startMs = t;
    const endMs = startMs + 250 + ((i * 37) % 250);
    t = endMs + 100;
    return { text: word, startMs, endMs };
  });
}

const words = speak(TEXT);
const base = makeStoryboard();
const durationMs = words.at(-1)!.endMs + 300;
const frames = Math.ceil(((OFFSET_MS + durationMs) / 1000 + 0.6) * 30);
const board = StoryboardSchema.parse({
  ...base,
  captions: { style: "highlight", burn: true },
  scenes: [
    base.scenes[0],
    { ...base.scenes[1]!, narration: TEXT, durationInFrames: frames, voice: { text: TEXT, file: "/tmp/v.wav", offsetMs: OFFSET_MS, durationMs, words, sentences: [], timing: "engine" } },
    { ...base.scenes[2]!, startFrame: base.scenes[1]!.startFrame + frames },
  ],
});
const scene = board.scenes[1]!;
const pages = sceneCaptions(board, scene, { style: "highlight" });
const video = (ms: number) => SCENE_START_MS + OFFSET_MS + ms;

describe("highlight captions", () => {
  it("lights the word being spoken, at its start, in its middle and just before its end", () => {
    words.forEach((word) => {
      for (const at of [word.startMs, (word.startMs + word.endMs) / 2, word.endMs - 1]) {
        const ms = video(at);
        const page = activeCaptionPage(pages, ms)!;
        expect(page).not.toBeNull();
        expect(activeCaptionWord(page, ms)?.word.text).toBe(word.text);
      }
    });
  });

  it("keeps the last word lit through the pause after it, until the next word starts", () => {
    words.slice(0, -1).forEach((word, i) => {
      const ms = video(word.endMs + 50);
      const page = activeCaptionPage(pages, ms)!;
      const lit = activeCaptionWord(page, ms)!;
      // At a page turn the new page starts with the next word; otherwise this word stays lit.
      expect([word.text, words[i + 1]!.text]).toContain(lit.word.text);
      if (page.words.flat()[0]!.text !== words[i + 1]!.text) expect(lit.word.text).toBe(word.text);
    });
  });

  it("lights nothing outside the page", () => {
    const page = pages[1]!;
    expect(activeCaptionWord(page, page.startMs - 1)).toBeNull();
    expect(activeCaptionWord(page, page.endMs)).toBeNull();
  });

  it("shows one to two lines of three to seven words per page", () => {
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      expect(page.lines.length).toBeGreaterThanOrEqual(1);
      expect(page.lines.length).toBeLessThanOrEqual(2);
      const count = page.words.flat().length;
      expect(count).toBeGreaterThanOrEqual(3);
      expect(count).toBeLessThanOrEqual(7);
    }
  });

  it("moves the highlight through every word in order without a voice too", () => {
    const silent = { ...scene, voice: null };
    for (const page of sceneCaptions(board, silent, { style: "highlight" })) {
      const seen: string[] = [];
      for (let ms = page.startMs; ms < page.endMs; ms += 10) {
        const lit = activeCaptionWord(page, ms)!.word.text;
        if (seen.at(-1) !== lit) seen.push(lit);
      }
      expect(seen).toEqual(page.words.flat().map((w) => w.text));
    }
  });
});
