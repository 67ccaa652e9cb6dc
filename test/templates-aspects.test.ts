import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runFfmpegTool } from "../src/media/ffmpeg-bin.js";
import { render, type PipelineEvent } from "../src/pipeline.js";
import type { Renderer } from "../src/render/index.js";
import { StoryboardSchema, storyboardDurationInFrames, type Storyboard } from "../src/schema/storyboard.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const repo = path.resolve(import.meta.dirname, "..");
const PHOTO = path.resolve(repo, "../shared/medialib/images", "coco_train2017_000000000790.jpg");

afterAll(removeTempDirs);

/** 2 s, drawn backgrounds only. */
function tinyStoryboard(music: "auto" | "none"): Storyboard {
  const base = makeStoryboard();
  const drawn = { kind: "generated", style: "gradient", seed: 1, provider: "generated", origin: null, license: { name: "CC0 1.0", url: null, attribution: "Drawn by reelpress" } };
  return StoryboardSchema.parse({
    ...base,
    audio: { ...base.audio, music: { source: music, file: null, mood: "calm" } },
    scenes: [{ ...base.scenes[1]!, startFrame: 0, durationInFrames: 60, media: drawn }],
  });
}

/** A real (tiny) H.264 file as long as the storyboard, so muxing the soundtrack works on it. */
async function writeTinyVideo(board: Storyboard, file: string): Promise<void> {
  const frames = storyboardDurationInFrames(board);
  // This ffmpeg build reads no raw frames and has no lavfi sources: a still photo looped will do.
  const args = ["-v", "error", "-y", "-loop", "1", "-framerate", String(board.output.fps), "-i", PHOTO, "-frames:v", String(frames), "-vf", "scale=16:16", "-c:v", "libx264", "-pix_fmt", "yuv420p", file];
  await runFfmpegTool("ffmpeg", args);
}

/** Stands in for the browser renderer: records what it was asked to draw; fails for the aspects named. */
function fakeRenderer(failFor: string[] = []): Renderer & { drawn: Storyboard["output"][]; closed: number } {
  const fake = {
    browser: "fake",
    drawn: [] as Storyboard["output"][],
    closed: 0,
    async renderVideo(board: Storyboard, outputFile: string) {
      fake.drawn.push(board.output);
      if (failFor.includes(board.output.aspect)) {
        await writeFile(outputFile, "half a video");
        throw new Error(`no frames for ${board.output.aspect}`);
      }
      await writeTinyVideo(board, outputFile);
      return { segments: 1, reused: 0, renderedFrames: 1, backend: "fake", composited: 0 };
    },
    async renderPoster(_board: Storyboard, outputFile: string) {
      await writeFile(outputFile, Buffer.from([0xff, 0xd8, 0xff]));
    },
    async close() {
      fake.closed += 1;
    },
  };
  return fake;
}

const COMPANIONS = (name: string) => [`${name}.credits.txt`, `${name}.jpg`, `${name}.mp4`, `${name}.srt`, `${name}.storyboard.json`, `${name}.vtt`];

describe("render with several aspects", () => {
  it("draws every aspect from one storyboard with one renderer and mixes the soundtrack once", async () => {
    const dir = await makeTempDir("aspects");
    const renderer = fakeRenderer();
    const events: PipelineEvent[] = [];
    const result = await render(tinyStoryboard("auto"), path.join(dir, "clip.mp4"), { renderer, aspects: ["16:9", "9:16", "1:1"], onEvent: (e) => events.push(e) });
    expect(renderer.drawn).toEqual([
      { aspect: "16:9", width: 1920, height: 1080, fps: 30 },
      { aspect: "9:16", width: 1080, height: 1920, fps: 30 },
      { aspect: "1:1", width: 1080, height: 1080, fps: 30 },
    ]);
    const starts = (stage: string) => events.filter((e) => e.type === "stage-start" && e.stage === stage).length;
    expect([starts("audio"), starts("render"), starts("poster")]).toEqual([1, 3, 3]);
    expect(result.outputs.map((o) => path.basename(o.files.video))).toEqual(["clip-16x9.mp4", "clip-9x16.mp4", "clip-1x1.mp4"]);
    expect(result.files).toEqual(result.outputs[0]!.files);
    expect(result.loudness).not.toBeNull();
    expect((await readdir(dir)).sort()).toEqual(["16x9", "9x16", "1x1"].flatMap((a) => COMPANIONS(`clip-${a}`)).sort());
    for (const output of result.outputs) {
      const streams = await runFfmpegTool("ffprobe", ["-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", output.files.video]);
      expect(streams.trim().split("\n").sort()).toEqual(["audio", "video"]);
    }
    // A renderer passed in is the caller's to close.
    expect(renderer.closed).toBe(0);
  }, 60_000);

  it("keeps the videos already finished when a later aspect fails, and leaves nothing of the failed one", async () => {
    const dir = await makeTempDir("aspects-fail");
    const renderer = fakeRenderer(["9:16"]);
    await expect(render(tinyStoryboard("none"), path.join(dir, "clip.mp4"), { renderer, aspects: ["16:9", "9:16", "1:1"] })).rejects.toThrow("no frames for 9:16");
    expect(renderer.drawn.map((o) => o.aspect)).toEqual(["16:9", "9:16"]);
    expect((await readdir(dir)).sort()).toEqual(COMPANIONS("clip-16x9").sort());
  }, 60_000);

  it("names a single aspect's video as asked, drawn at that aspect", async () => {
    const dir = await makeTempDir("aspects-one");
    const renderer = fakeRenderer();
    const result = await render(tinyStoryboard("none"), path.join(dir, "clip.mp4"), { renderer, aspects: ["4:5"] });
    expect(renderer.drawn).toEqual([{ aspect: "4:5", width: 1080, height: 1350, fps: 30 }]);
    expect(result.outputs.map((o) => [o.aspect, path.basename(o.files.video)])).toEqual([["4:5", "clip.mp4"]]);
  }, 60_000);
});
