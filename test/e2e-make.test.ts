import { execFile } from "node:child_process";
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoryboardSchema, storyboardDurationInFrames, type Storyboard } from "../src/schema/index.js";
import { frameLayout } from "../src/storyboard/index.js";
import { crop, grabGrayFrame, meanAbsDiff, parseSrt, probe, stddev } from "./helpers/media-probe.js";
import { startServer, type TestServer } from "./helpers/serve.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, "..");
const BIN = path.join(repo, "bin/reelpress.js");
let server: TestServer;
let work: string;

/** The real command line, as a user runs it, in a child process. */
async function reelpress(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [BIN, ...args, "--cache-dir", path.join(work, "cache")], { cwd: work, maxBuffer: 16 * 1024 * 1024 });
}

beforeAll(async () => {
  server = await startServer({}, { serveDirectory: path.join(repo, "samples/articles") });
  work = await makeTempDir("e2e");
});

afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

describe("reelpress make on a sample URL", () => {
  let result: { files: Record<string, string>; durationSeconds: number; timings: Record<string, number>; warnings: string[] };
  let board: Storyboard;
  const video = () => result.files.video!;

  beforeAll(async () => {
    const { stdout } = await reelpress(["make", server.url("/city-bike-lanes.html"), "-o", "news.mp4", "--aspect", "1:1", "--duration", "10", "--json"]);
    result = JSON.parse(stdout);
    board = StoryboardSchema.parse(JSON.parse(await readFile(result.files.storyboard!, "utf8")));
  }, 600_000);

  it("prints one JSON result with the paths, duration and per-stage timings", () => {
    expect(Object.keys(result.files).sort()).toEqual(["credits", "poster", "srt", "storyboard", "video", "vtt"]);
    expect(result.files.video).toBe(path.join(work, "news.mp4"));
    for (const stage of ["ingest", "script", "match", "storyboard", "render", "poster"]) expect(result.timings[stage]).toBeGreaterThanOrEqual(0);
    expect(result.durationSeconds).toBeCloseTo(storyboardDurationInFrames(board) / 30, 5);
  });

  it("writes an H.264 yuv420p MP4 at the requested size and 30 fps, as long as the storyboard", async () => {
    const info = await probe(video());
    const stream = info.streams.find((s) => s.codec_type === "video")!;
    expect(stream.codec_name).toBe("h264");
    expect(stream.pix_fmt).toBe("yuv420p");
    expect([stream.width, stream.height]).toEqual([1080, 1080]);
    expect(stream.r_frame_rate).toBe("30/1");
    const frames = storyboardDurationInFrames(board);
    expect(Math.abs(Number(stream.nb_frames) - frames)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(info.format.duration) - frames / 30)).toBeLessThanOrEqual(1 / 30 + 1e-6);
  });

  it("shows caption text inside the caption box while a caption is up", async () => {
    const cues = parseSrt(await readFile(result.files.srt!, "utf8"));
    const layout = frameLayout(1080, 1080);
    const cue = cues[1]!;
    const frame = await grabGrayFrame(video(), (cue.startMs + cue.endMs) / 2000, 1080, 1080);
    expect(stddev(frame)).toBeGreaterThan(10);
    const box = crop(frame, 1080, layout.captions);
    expect(stddev(box)).toBeGreaterThan(25); // light glyphs on a dark box
  });

  it("writes SRT and VTT cues in order, without overlaps, inside the video", async () => {
    const cues = parseSrt(await readFile(result.files.srt!, "utf8"));
    const end = (storyboardDurationInFrames(board) / 30) * 1000;
    expect(cues.length).toBeGreaterThanOrEqual(board.scenes.length - 1);
    cues.forEach((cue, i) => {
      expect(cue.index).toBe(i + 1);
      expect(cue.endMs).toBeGreaterThan(cue.startMs);
      expect(cue.endMs).toBeLessThanOrEqual(end);
      if (i > 0) expect(cue.startMs).toBeGreaterThanOrEqual(cues[i - 1]!.endMs);
    });
    const vtt = await readFile(result.files.vtt!, "utf8");
    expect(vtt.startsWith("WEBVTT\n")).toBe(true);
    expect(vtt.match(/ --> /g)).toHaveLength(cues.length);
  });

  it("writes a poster and a credits file naming every asset", async () => {
    const poster = await readFile(result.files.poster!);
    expect([...poster.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const credits = await readFile(result.files.credits!, "utf8");
    for (const scene of board.scenes) expect(credits).toContain(`(${scene.id})`);
    expect(credits).toContain("Riverside Courier");
    // The article's own photo was fetched over HTTP and used.
    expect(board.scenes.some((s) => s.media.kind === "image" && s.media.origin === server.url("/images/bike-lane-green.jpg"))).toBe(true);
  });

  it("renders a hand edit of a scene's text from the storyboard", async () => {
    const edited = structuredClone(board);
    const target = edited.scenes.findIndex((s) => s.kind === "content");
    edited.scenes[target]!.headline = "Zebra crossings everywhere";
    edited.scenes[target]!.narration = "XYLOPHONE QUARTZ JUMBLE.";
    await writeFile(path.join(work, "edited.json"), JSON.stringify(edited, null, 2));
    const { stdout } = await reelpress(["render", "edited.json", "-o", "edited.mp4", "--json"]);
    const out = JSON.parse(stdout);
    expect(await readFile(out.files.srt, "utf8")).toContain("XYLOPHONE QUARTZ JUMBLE.");

    const scene = edited.scenes[target]!;
    const middle = (scene.startFrame + scene.durationInFrames / 2) / 30;
    const before = await grabGrayFrame(video(), middle, 540, 540);
    const after = await grabGrayFrame(out.files.video, middle, 540, 540);
    expect(meanAbsDiff(before, after)).toBeGreaterThan(1);
    // The scenes that were not edited look the same.
    const title = edited.scenes[0]!;
    const titleMiddle = (title.startFrame + title.durationInFrames / 2) / 30;
    const titleBefore = await grabGrayFrame(video(), titleMiddle, 540, 540);
    const titleAfter = await grabGrayFrame(out.files.video, titleMiddle, 540, 540);
    expect(meanAbsDiff(titleBefore, titleAfter)).toBeLessThan(1);
    expect((await stat(out.files.video)).size).toBeGreaterThan(10_000);
  }, 600_000);
});
