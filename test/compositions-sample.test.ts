import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { StoryboardSchema, storyboardDurationInFrames } from "../src/schema/storyboard.js";
import { DEFAULT_THEME } from "../src/storyboard/default-theme.js";

const repoRoot = path.resolve(import.meta.dirname, "..");

describe("samples/storyboard.json", () => {
  const raw: unknown = JSON.parse(readFileSync(path.join(repoRoot, "samples/storyboard.json"), "utf8"));
  const result = StoryboardSchema.safeParse(raw);

  it("is a valid storyboard", () => {
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("is a 16:9 1080p30 video with a title, content scenes and a closing scene", () => {
    const board = result.data!;
    expect(board.output).toEqual({ aspect: "16:9", width: 1920, height: 1080, fps: 30 });
    expect(board.scenes[0]!.kind).toBe("title");
    expect(board.scenes.at(-1)!.kind).toBe("closing");
    expect(board.scenes.filter((s) => s.kind === "content").length).toBeGreaterThanOrEqual(3);
    expect(storyboardDurationInFrames(board)).toBeGreaterThan(30 * 20);
  });

  it("needs no media files, so Studio can open it anywhere", () => {
    for (const scene of result.data!.scenes) expect(scene.media.kind).toBe("generated");
  });

  it("uses the default theme", () => {
    expect(result.data!.theme).toEqual(DEFAULT_THEME);
    expect(StoryboardSchema.shape.theme.safeParse(DEFAULT_THEME).success).toBe(true);
  });
});
