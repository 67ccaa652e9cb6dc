import { describe, expect, it } from "vitest";
import { parseSubtitles } from "../src/captions/parse-subtitles.js";
import { toSrt } from "../src/render/subtitles.js";
import { StoryboardSchema, type SceneVoice, type Storyboard, type WordTiming } from "../src/schema/storyboard.js";
import { sceneCaptions, storyboardCaptions } from "../src/storyboard/scene-captions.js";
import { frameLayout } from "../src/storyboard/layout.js";
import { splitUnits } from "../src/text/text-units.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";

const FPS = 30;
const OFFSET_MS = 300;

/**
 * Word times the way a speech engine reports them: ms from the start of the voice audio, longer
 * words take longer, and punctuation leaves a pause.
 */
function speak(words: readonly string[], startMs = 120): WordTiming[] {
  let t = startMs;
  return words.map((text) => {
    const startMs = t;
    const endMs = startMs + 70 * text.replace(/[^\p{L}\p{N}]/gu, "").length + 90;
    t = endMs + (/[.!?。！？]$/u.test(text) ? 420 : /[,;:，、]$/u.test(text) ? 180 : 40);
    return { text, startMs, endMs };
  });
}

function voiceOf(text: string, words: WordTiming[], tailMs = 350): SceneVoice {
  const durationMs = (words.at(-1)?.endMs ?? 0) + tailMs;
  return { text, file: "/tmp/voice.wav", offsetMs: OFFSET_MS, durationMs, words, sentences: [], timing: "modelled" };
}

/** The fixture storyboard with its content scene (s2, from frame 105 = 3500 ms) voiced. */
function voicedBoard(narration: string, voice: SceneVoice, size = { width: 1920, height: 1080 }, durationInFrames?: number): Storyboard {
  const base = makeStoryboard();
  const frames = durationInFrames ?? Math.ceil(((voice.offsetMs + voice.durationMs) / 1000 + 0.6) * FPS);
  const scenes = base.scenes.map((scene) => ({ ...scene }));
  scenes[1] = { ...scenes[1]!, narration, voice, durationInFrames: frames };
  scenes[2] = { ...scenes[2]!, startFrame: scenes[1]!.startFrame + frames };
  return StoryboardSchema.parse({ ...base, output: { ...base.output, ...size, aspect: size.width > size.height ? "16:9" : "9:16" }, scenes });
}

const SCENE_START_MS = (105 / FPS) * 1000;
const NARRATION =
  "The city opened twelve kilometres of protected bike lanes on Monday, and riders cheered. Council members said the network would double by next spring, although the budget is not settled yet. Shops along the route reported more customers within a week.";

describe("caption pages timed by the voice", () => {
  const words = speak(splitUnits(NARRATION));
  const board = voicedBoard(NARRATION, voiceOf(NARRATION, words));
  const scene = board.scenes[1]!;

  for (const style of ["subtitles", "highlight"] as const) {
    const pages = sceneCaptions(board, scene, { style });
    // Here every caption unit is one spoken word, so the n-th unit on the pages is words[n].
    const firstWord = (page: number) => pages.slice(0, page).reduce((n, p) => n + p.words.flat().length, 0);
    const videoMs = (word: WordTiming) => SCENE_START_MS + OFFSET_MS + word.startMs;

    it(`starts every page within 1 ms of its first word, in video time (${style})`, () => {
      expect(pages.length).toBeGreaterThan(2);
      pages.forEach((page, i) => expect(Math.abs(page.startMs - videoMs(words[firstWord(i)]!))).toBeLessThanOrEqual(1));
    });

    it(`keeps a page up until the next page's first word, and the last one until 150 ms before the scene ends (${style})`, () => {
      pages.slice(0, -1).forEach((page, i) => expect(page.endMs).toBe(pages[i + 1]!.startMs));
      const sceneEnd = ((scene.startFrame + scene.durationInFrames) / FPS) * 1000;
      expect(pages.at(-1)!.endMs).toBe(Math.round(sceneEnd - 150));
    });

    it(`gives every word on a page the time it is said (${style})`, () => {
      const all = pages.flatMap((page) => page.words.flat());
      expect(all.map((w) => w.text)).toEqual(words.map((w) => w.text));
      all.forEach((word, i) => expect(Math.abs(word.startMs - videoMs(words[i]!))).toBeLessThanOrEqual(1));
    });
  }

  it("starts a new page with each sentence, exactly when the sentence is spoken", () => {
    const pages = sceneCaptions(board, scene);
    for (const sentence of ["Council", "Shops"]) {
      const index = words.findIndex((w) => w.text === sentence);
      const page = pages.find((p) => p.words[0]![0]!.text === sentence);
      expect(page?.startMs).toBe(Math.round(SCENE_START_MS + OFFSET_MS + words[index]!.startMs));
    }
  });
});

describe("matching voice words to caption text", () => {
  it("follows voice words that differ from the text in case, punctuation and spacing", () => {
    const text = "Riders cheered — loudly! “It's great,” said Dr. Lee; the 12 km route opens today.";
    const spoken = ["riders", "cheered", "loudly", "its", "great", "said", "doctor", "lee", "the", "12km", "route", "opens", "today"];
    const words = speak(spoken);
    const board = voicedBoard(text, voiceOf(text, words));
    const pages = sceneCaptions(board, board.scenes[1]!, { style: "highlight" });
    const shown = pages.flatMap((page) => page.words.flat());
    const at = (caption: string) => shown.find((w) => w.text === caption)!;
    const said = (voice: string) => Math.round(SCENE_START_MS + OFFSET_MS + words.find((w) => w.text === voice)!.startMs);
    expect(at("Riders").startMs).toBe(said("riders"));
    expect(at("loudly!").startMs).toBe(said("loudly"));
    expect(at("“It's").startMs).toBe(said("its"));
    expect(at("Dr.").startMs).toBe(said("doctor"));
    expect(at("today.").startMs).toBe(said("today"));
    // "12 km" was said as one word: the two units share its time and stay on one line of one page.
    const line = pages.flatMap((page) => page.lines).find((l) => l.includes("12"));
    expect(line).toContain("12 km");
    expect(at("12 km").startMs).toBe(said("12km"));
    // The dash is not spoken; it sits between its neighbours.
    expect(at("—").startMs).toBeGreaterThanOrEqual(at("cheered").startMs);
    expect(at("—").startMs).toBeLessThanOrEqual(at("loudly!").startMs);
    expect(pages.map((p) => p.text).join(" ")).toBe(text);
  });

  it("times a number read out as words by the words said in its place", () => {
    const text = "In 2024 the plots were planted.";
    const words = speak(["in", "twenty", "twenty-four", "the", "plots", "were", "planted"]);
    const board = voicedBoard(text, voiceOf(text, words));
    const shown = sceneCaptions(board, board.scenes[1]!).flatMap((page) => page.words.flat());
    const year = shown.find((w) => w.text === "2024")!;
    expect(year.startMs).toBe(Math.round(SCENE_START_MS + OFFSET_MS + words[1]!.startMs));
    expect(Math.abs(year.endMs - (SCENE_START_MS + OFFSET_MS + words[2]!.endMs))).toBeLessThanOrEqual(1);
  });

  it("never splits a spoken CJK word across lines or pages", () => {
    const text = "研究人员在两年后就数到了数百种昆虫，城市居民也注意到最炎热的下午变得更凉爽了。小型森林正在改变城市。";
    const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
    const spoken = [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
    expect(spoken.some((w) => w.length >= 2)).toBe(true);
    const words = speak(spoken);
    // A narrow portrait frame, so lines break often.
    const board = voicedBoard(text, voiceOf(text, words), { width: 1080, height: 1920 });
    for (const style of ["subtitles", "highlight"] as const) {
      const lines = sceneCaptions(board, board.scenes[1]!, { style }).flatMap((page) => page.lines);
      expect(lines.join("")).toBe(text);
      let cursor = 0;
      const lineOf = lines.flatMap((line, l) => [...line].map(() => l));
      for (const word of spoken) {
        const at = text.indexOf(word, cursor);
        cursor = at + word.length;
        expect(new Set(lineOf.slice(at, at + word.length)).size).toBe(1);
      }
    }
  });

  it("captions the text the voice spoke when it differs from the narration", () => {
    const spokenText = "Riders cheered loudly on Monday.";
    const board = voicedBoard("Riders cheered.", voiceOf(spokenText, speak(splitUnits(spokenText))));
    expect(sceneCaptions(board, board.scenes[1]!).map((p) => p.text).join(" ")).toBe(spokenText);
  });

  it("keeps the last page up to 150 ms before the end of a scene lengthened past its voice for reading time", () => {
    const words = speak(splitUnits(NARRATION));
    const voice = voiceOf(NARRATION, words);
    const voiceEnd = SCENE_START_MS + voice.offsetMs + voice.durationMs;
    // Five seconds longer than the voice, as when a scene is stretched to its captions' reading time.
    const frames = Math.ceil(((voice.offsetMs + voice.durationMs) / 1000 + 5) * FPS);
    const board = voicedBoard(NARRATION, voice, undefined, frames);
    const scene = board.scenes[1]!;
    const sceneEnd = ((scene.startFrame + scene.durationInFrames) / FPS) * 1000;
    for (const style of ["subtitles", "highlight"] as const) {
      const pages = sceneCaptions(board, scene, { style });
      expect(pages.at(-1)!.endMs).toBe(Math.round(sceneEnd - 150));
      expect(pages.at(-1)!.endMs).toBeGreaterThan(voiceEnd + 4000);
      // The words keep the times they are said.
      const last = words.at(-1)!;
      expect(Math.abs(pages.at(-1)!.words.flat().at(-1)!.endMs - (SCENE_START_MS + OFFSET_MS + last.endMs))).toBeLessThanOrEqual(1);
    }
  });

  it("keeps the spaces of Korean text timed by a voice, in the pages and in the .srt", () => {
    const text = "서울시는 월요일에 자전거 도로 12킬로미터를 새로 열었고, 시민들은 환호했다. 시의회는 내년 봄까지 네트워크를 두 배로 늘리겠다고 밝혔다.";
    const words = speak(text.split(" "));
    const board = voicedBoard(text, voiceOf(text, words), { width: 1080, height: 1920 });
    const korean = { ...board, meta: { ...board.meta, lang: "ko" } };
    for (const style of ["subtitles", "highlight"] as const) {
      const pages = sceneCaptions(korean, korean.scenes[1]!, { style });
      expect(pages.map((p) => p.text).join(" ")).toBe(text);
      const shown = pages.flatMap((page) => page.words.flat());
      expect(shown.map((w) => w.text)).toEqual(text.split(" "));
      shown.forEach((word, i) => expect(Math.abs(word.startMs - (SCENE_START_MS + OFFSET_MS + words[i]!.startMs))).toBeLessThanOrEqual(1));
    }
    const cues = parseSubtitles(toSrt(storyboardCaptions(korean)), "srt").cues;
    expect(cues.map((cue) => cue.lines.join(" ")).join(" ")).toContain(text);
  });

  it("keeps every page inside its scene even when the voice runs past the scene's end", () => {
    const words = speak(splitUnits(NARRATION));
    const voice = voiceOf(NARRATION, words);
    const board = voicedBoard(NARRATION, voice, undefined, 200);
    const scene = board.scenes[1]!;
    const end = ((scene.startFrame + scene.durationInFrames) / FPS) * 1000;
    const pages = sceneCaptions(board, scene);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      expect(page.endMs).toBeLessThanOrEqual(end);
      expect(page.endMs).toBeGreaterThan(page.startMs);
    }
  });
});

describe("caption pages without a voice", () => {
  const board = makeStoryboard();

  it("spread over the scene by reading speed, a beat after it starts and before it ends", () => {
    const scene = { ...board.scenes[1]!, narration: NARRATION, durationInFrames: 600 };
    const pages = sceneCaptions(board, scene);
    const start = (scene.startFrame / FPS) * 1000;
    const end = ((scene.startFrame + scene.durationInFrames) / FPS) * 1000;
    expect(pages[0]!.startMs).toBe(Math.round(start + 250));
    expect(pages.at(-1)!.endMs).toBe(Math.round(end - 150));
    pages.slice(1).forEach((page, i) => expect(page.startMs).toBe(pages[i]!.endMs));
    // Time follows the reading load: ms per word is about the same on every page.
    const rates = pages.map((p) => (p.endMs - p.startMs) / p.text.split(" ").length);
    expect(Math.max(...rates) / Math.min(...rates)).toBeLessThan(1.25);
  });

  it("writes the subtitle files from two-line pages whatever style is burned in", () => {
    const layout = frameLayout(1920, 1080);
    const highlight = { ...board, captions: { style: "highlight" as const, burn: true } };
    for (const page of storyboardCaptions(highlight)) {
      expect(page.lines.length).toBeLessThanOrEqual(layout.maxLines);
    }
    expect(storyboardCaptions(highlight)).toEqual(storyboardCaptions(board));
  });
});
