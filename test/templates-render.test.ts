import { execFile } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpegTool, runFfmpegTool } from "../src/media/ffmpeg-bin.js";
import { StoryboardSchema, type Storyboard } from "../src/schema/storyboard.js";
import { cli } from "./helpers/run-cli.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

/** What the config's templateOverrides paints every background in: far from clean's navy (#0b1f3a). */
const OVERRIDE: [number, number, number] = [0xff, 0x00, 0xff];
const CLEAN_BACKGROUND: [number, number, number] = [0x0b, 0x1f, 0x3a];
const FPS = 30;
const run = promisify(execFile);

/** 2.4 s at 1:1: two scenes on drawn backgrounds, no voice, no music. */
function tinyStoryboard(): Storyboard {
  const base = makeStoryboard();
  const drawn = (seed: number) => ({ kind: "generated", style: "gradient", seed, provider: "generated", origin: null, license: { name: "CC0 1.0", url: null, attribution: "Drawn by reelpress" } });
  return StoryboardSchema.parse({
    ...base,
    output: { aspect: "1:1", width: 1080, height: 1080, fps: FPS },
    captions: { style: "subtitles", burn: true },
    scenes: [
      { ...base.scenes[1]!, id: "s1", startFrame: 0, durationInFrames: 36, media: drawn(1) },
      { ...base.scenes[2]!, id: "s2", startFrame: 36, durationInFrames: 36, media: drawn(2) },
    ],
  });
}

async function size(file: string): Promise<[number, number]> {
  const out = await runFfmpegTool("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", file]);
  const [w, h] = out.trim().split(",").map(Number);
  return [w!, h!];
}

/** The median colour of a box of one frame, read as BT.709 (what the renderer encodes). */
async function medianColor(file: string, seconds: number, box: { x: number; y: number; width: number; height: number }): Promise<[number, number, number]> {
  const crop = `crop=${box.width}:${box.height}:${box.x}:${box.y},scale=in_color_matrix=bt709:in_range=tv:out_range=full`;
  const args = ["-v", "error", "-ss", seconds.toFixed(3), "-i", file, "-frames:v", "1", "-vf", crop, "-pix_fmt", "rgb24", "-c:v", "rawvideo", "-f", "image2pipe", "-"];
  const tool = ffmpegTool("ffmpeg");
  const { stdout: pixels } = await run(tool.file, args, { env: tool.env, encoding: "buffer", maxBuffer: 16 * 1024 * 1024 });
  expect(pixels.length).toBe(box.width * box.height * 3);
  const channel = (c: number) => {
    const values: number[] = [];
    for (let i = c; i < pixels.length; i += 3) values.push(pixels[i]!);
    return values.sort((a, b) => a - b)[values.length >> 1]!;
  };
  return [channel(0), channel(1), channel(2)];
}

function distance(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
}

afterAll(removeTempDirs);

describe("render --template with the config's overrides and several aspects", () => {
  let dir: string;
  let result: { outputs: { aspect: string; width: number; height: number; files: Record<string, string> }[]; files: Record<string, string> };

  beforeAll(async () => {
    dir = await makeTempDir("templates-render");
    await writeFile(path.join(dir, "story.json"), JSON.stringify(tinyStoryboard()));
    const hex = `#${OVERRIDE.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
    // Every colour a drawn background is painted from, so the margin outside the text is the override alone.
    await writeFile(path.join(dir, "reelpress.config.json"), JSON.stringify({ templateOverrides: { colors: { background: hex, backgroundAlt: hex, accent: hex, text: hex } } }));
    const rendered = await cli(["render", "story.json", "--template", "clean", "--aspect", "16:9,9:16", "-o", "clip.mp4", "--json", "--cache-dir", path.join(dir, "cache")], dir);
    if (rendered.code !== 0) throw new Error(rendered.stderr);
    result = JSON.parse(rendered.stdout);
  }, 600_000);

  it("writes one MP4 per aspect, each at its size, with its own companion files", async () => {
    expect(result.outputs.map((o) => [o.aspect, o.width, o.height])).toEqual([
      ["16:9", 1920, 1080],
      ["9:16", 1080, 1920],
    ]);
    expect(result.outputs.map((o) => path.basename(o.files.video!))).toEqual(["clip-16x9.mp4", "clip-9x16.mp4"]);
    expect(await size(path.join(dir, "clip-16x9.mp4"))).toEqual([1920, 1080]);
    expect(await size(path.join(dir, "clip-9x16.mp4"))).toEqual([1080, 1920]);
    const files = (await readdir(dir)).filter((f) => f.startsWith("clip")).sort();
    expect(files).toEqual(["16x9", "9x16"].flatMap((a) => [`clip-${a}.credits.txt`, `clip-${a}.jpg`, `clip-${a}.mp4`, `clip-${a}.srt`, `clip-${a}.storyboard.json`, `clip-${a}.vtt`]).sort());
    expect((await readdir(dir)).filter((f) => f.startsWith("."))).toEqual([]);
    const vertical = StoryboardSchema.parse(JSON.parse(await readFile(path.join(dir, "clip-9x16.storyboard.json"), "utf8")));
    expect(vertical.output).toEqual({ aspect: "9:16", width: 1080, height: 1920, fps: FPS });
    expect(vertical.theme.template).toBe("clean");
    expect(vertical.scenes.map((s) => s.durationInFrames)).toEqual([36, 36]);
  });

  it("paints the background in the colour the config's override names", async () => {
    for (const [file, width, height] of [["clip-16x9.mp4", 1920, 1080], ["clip-9x16.mp4", 1080, 1920]] as const) {
      // The left margin, outside the title-safe area where text goes, in the first scene.
      const color = await medianColor(path.join(dir, file), 10 / FPS, { x: 8, y: Math.round(height * 0.45), width: Math.round(width * 0.03), height: Math.round(height * 0.1) });
      expect(distance(color, OVERRIDE)).toBeLessThan(40);
      expect(distance(color, CLEAN_BACKGROUND)).toBeGreaterThan(150);
    }
  });
});
