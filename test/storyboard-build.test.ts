import { describe, expect, it } from "vitest";
import { generatedMedia } from "../src/match/providers/generated.js";
import { ArticleSchema, ScriptSchema, storyboardDurationInFrames } from "../src/schema/index.js";
import { buildStoryboard, MIN_SCENE_SECONDS, sceneSeconds, storyboardCaptions } from "../src/storyboard/index.js";

const article = ArticleSchema.parse({
  source: "file:///tmp/a.md", url: null, title: "A title", byline: null, siteName: null, lang: "en", dir: null,
  publishedTime: null, excerpt: null, leadImage: null, blocks: [{ type: "paragraph", id: "b0", text: "Text." }], text: "Text.", wordCount: 1,
});
const long = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.";
const script = ScriptSchema.parse({
  title: "A title", lang: "en",
  scenes: [
    { id: "s1", kind: "title", headline: "A title", narration: "A title.", keywords: ["a", "b", "c"], sourceBlockIds: [] },
    { id: "s2", kind: "content", headline: "Short", narration: "Hi.", keywords: ["a", "b", "c"], sourceBlockIds: ["b0"] },
    { id: "s3", kind: "content", headline: "Long", narration: `${long} ${long}`, keywords: ["a", "b", "c"], sourceBlockIds: ["b0"] },
    { id: "s4", kind: "closing", headline: "End", narration: "Read more.", keywords: ["a", "b", "c"], sourceBlockIds: [] },
  ],
});

describe("buildStoryboard", () => {
  const board = buildStoryboard(article, script, script.scenes.map(generatedMedia), { aspect: "9:16", wordsPerMinute: 150 });

  it("lays scenes end to end at 30 fps in the requested size", () => {
    expect(board.output).toEqual({ aspect: "9:16", width: 1080, height: 1920, fps: 30 });
    board.scenes.forEach((scene, i) => {
      const before = board.scenes[i - 1];
      expect(scene.startFrame).toBe(before ? before.startFrame + before.durationInFrames : 0);
    });
  });

  it("keeps every scene up for at least 2.5 s and times long narration by reading speed", () => {
    for (const scene of board.scenes) expect(scene.durationInFrames).toBeGreaterThanOrEqual(MIN_SCENE_SECONDS * 30);
    // 40 words at 150 wpm is 16 s, plus the pause between scenes.
    expect(board.scenes[2]!.durationInFrames).toBe(Math.round(sceneSeconds("content", `${long} ${long}`, 150) * 30));
    expect(board.scenes[2]!.durationInFrames).toBeGreaterThan(16 * 30);
  });

  it("times captions inside their scene, in order, without overlaps", () => {
    const pages = storyboardCaptions(board);
    const end = (storyboardDurationInFrames(board) / 30) * 1000;
    expect(pages.length).toBeGreaterThan(board.scenes.length);
    pages.forEach((page, i) => {
      expect(page.endMs).toBeGreaterThan(page.startMs);
      if (i > 0) expect(page.startMs).toBeGreaterThanOrEqual(pages[i - 1]!.endMs);
      expect(page.endMs).toBeLessThanOrEqual(end);
    });
  });
});
