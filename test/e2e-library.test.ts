import { execFile } from "node:child_process";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoryboardSchema, storyboardDurationInFrames, type Storyboard } from "../src/schema/index.js";
import { FFMPEG, grabGrayFrame, probe, stddev } from "./helpers/media-probe.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, "..");
const BIN = path.join(repo, "bin/reelpress.js");
const photos = path.resolve(repo, "../shared/medialib/images");
let work: string;
let library: string;

async function reelpress(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [BIN, ...args, "--cache-dir", path.join(work, "cache")], { cwd: work, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, PEXELS_API_KEY: "", PIXABAY_API_KEY: "", OPENAI_API_KEY: "" } });
}

const ARTICLE = `---
title: A weekend by the lake
---

# A weekend by the lake

Horses grazed in the grass on the hill above the lake.

## Tennis on clay

We watched a tennis player serving on a clay court.

## Flying home

The airport was full of passenger jets parked at the gates.
`;

beforeAll(async () => {
  work = await makeTempDir("e2e-library");
  library = path.join(work, "footage");
  await mkdir(path.join(library, "clips"), { recursive: true });
  // Photos with commercial-use licences only (see ../shared/medialib/captions.json).
  await run(FFMPEG, ["-v", "error", "-loop", "1", "-i", path.join(photos, "coco_train2017_000000078499.jpg"), "-t", "8", "-r", "30",
    "-vf", "scale=1280:856,crop=1280:720", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-metadata", "title=Horses grazing on a hill", path.join(library, "clips/horses-on-hill.mp4")],
    { env: { ...process.env, LD_LIBRARY_PATH: path.dirname(FFMPEG) } });
  await writeFile(path.join(library, "clips/horses-on-hill.txt"), "Horses standing and lying down in the grass on a hill above a lake.");
  await copyFile(path.join(photos, "coco_train2017_000000174375.jpg"), path.join(library, "tennis.jpg"));
  await writeFile(path.join(library, "tennis.json"), JSON.stringify({ title: "Tennis player serving on a clay court", creator: "A. Photographer", license: "CC BY 2.0" }));
  await copyFile(path.join(photos, "coco_train2017_000000125870.jpg"), path.join(library, "airport.jpg"));
  await writeFile(path.join(library, "airport.txt"), "An airport filled with large passenger jets parked next to each other.");
  await writeFile(path.join(work, "lake.md"), ARTICLE);
}, 60_000);

afterAll(removeTempDirs);

function correlation(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i += 1) (ma += a[i]!), (mb += b[i]!);
  ma /= n;
  mb /= n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i += 1) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

describe("reelpress with a media library", () => {
  let result: { files: Record<string, string>; media: { providers: string[]; fallbacks: { provider: string; reason: string }[] } };
  let board: Storyboard;

  beforeAll(async () => {
    const { stdout } = await reelpress(["make", "lake.md", "--library", "footage", "-o", "lake.mp4", "--aspect", "1:1", "--json"]);
    result = JSON.parse(stdout);
    board = StoryboardSchema.parse(JSON.parse(await readFile(result.files.storyboard!, "utf8")));
  }, 600_000);

  it("puts the library's video clip and photos on the scenes they describe", () => {
    const byFile = board.scenes.map((scene) => (scene.media.kind === "generated" ? null : scene.media.sourceId));
    const horses = board.scenes.findIndex((s) => /horse/i.test(s.narration));
    const tennis = board.scenes.findIndex((s) => /tennis/i.test(s.narration));
    const airport = board.scenes.findIndex((s) => /airport/i.test(s.narration));
    expect(byFile[horses]).toBe("clips/horses-on-hill.mp4");
    expect(byFile[tennis]).toBe("tennis.jpg");
    expect(byFile[airport]).toBe("airport.jpg");
    const clip = board.scenes[horses]!.media;
    expect(clip.kind).toBe("video");
    if (clip.kind === "video") expect(clip.durationSeconds).toBeCloseTo(8, 0);
    expect(board.scenes[horses]!.match!.chosen.score.text).toBeGreaterThan(0.15);
    expect(result.media.providers).toContain("library");
  });

  it("renders the clip into the video", async () => {
    const info = await probe(result.files.video!);
    expect(Math.abs(Number(info.format.duration) - storyboardDurationInFrames(board) / 30)).toBeLessThan(0.1);
    const horses = board.scenes.find((s) => s.media.kind === "video")!;
    const middle = (horses.startFrame + horses.durationInFrames / 2) / 30;
    const frame = await grabGrayFrame(result.files.video!, middle, 96, 96);
    expect(stddev(frame)).toBeGreaterThan(20);
    // The clip fills the square frame by its centre: compare the top band, above any text.
    const { stdout } = await run(FFMPEG, ["-v", "error", "-ss", "1", "-i", path.join(library, "clips/horses-on-hill.mp4"), "-frames:v", "1",
      "-vf", "crop=720:720,scale=96:96", "-pix_fmt", "gray", "-c:v", "rawvideo", "-f", "image2pipe", "-"],
      { env: { ...process.env, LD_LIBRARY_PATH: path.dirname(FFMPEG) }, encoding: "buffer", maxBuffer: 1 << 20 });
    const band = (pixels: Uint8Array) => pixels.subarray(96 * 2, 96 * 22);
    expect(correlation(band(frame), band(stdout))).toBeGreaterThan(0.7);
  });

  it("credits each library file with its creator and licence", async () => {
    const credits = await readFile(result.files.credits!, "utf8");
    expect(credits).toContain("provider: library (tennis.jpg)");
    expect(credits).toContain("by: A. Photographer");
    expect(credits).toContain("CC BY 2.0");
  });

  it("explains the choices and finds footage by hand", async () => {
    const plan = await reelpress(["plan", "lake.md", "--library", "footage", "-o", "lake.storyboard.json", "--explain"]);
    expect(plan.stdout).toMatch(/\*\s+library\s+clips\/horses-on-hill\.mp4/);
    const search = await reelpress(["media", "search", "a tennis serve on clay", "--library", "footage", "--json"]);
    const found = JSON.parse(search.stdout) as { candidates: { id: string; score: { total: number } }[] };
    expect(found.candidates[0]!.id).toBe("tennis.jpg");
    // Only footage that shares words (or their senses) with the text is offered.
    expect(found.candidates.map((c) => c.id)).not.toContain("clips/horses-on-hill.mp4");
  }, 120_000);
});
