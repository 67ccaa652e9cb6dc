import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "./helpers/run-cli.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

afterAll(removeTempDirs);

describe("a render that fails inside the browser", () => {
  it("exits 1 with one line, removes its partial files and keeps the earlier output", async () => {
    const dir = await makeTempDir("fail");
    const corrupt = path.join(dir, "photo.jpg");
    await writeFile(corrupt, "this is not a JPEG");
    const board = makeStoryboard();
    const title = board.scenes[0]!;
    if (title.media.kind !== "image") throw new Error("the fixture's title scene has an image");
    title.media.file = "photo.jpg"; // relative to the storyboard's folder
    await writeFile(path.join(dir, "story.json"), JSON.stringify(board));
    await writeFile(path.join(dir, "out.mp4"), "earlier video");

    const run = await cli(["render", "story.json", "-o", "out.mp4"], dir);

    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^error: .*render/i);
    expect(await readFile(path.join(dir, "out.mp4"), "utf8")).toBe("earlier video");
    // The cache folder keeps the bundle for the next run, but no piece of the failed render.
    expect((await readdir(dir)).sort()).toEqual([".reelpress-cache", "out.mp4", "photo.jpg", "story.json"]);
    const segments = await readdir(path.join(dir, ".reelpress-cache/render/segments")).catch(() => []);
    expect(segments.filter((name) => name.includes(".part"))).toEqual([]);
  }, 300_000);
});
