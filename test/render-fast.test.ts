import { execFile } from "node:child_process";
import { chmod, readdir, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameHashes } from "../scripts/bench/frame-hashes.js";
import { findSsimFfmpeg, measureSsimFrames } from "../scripts/bench/measure-ssim.js";
import { createRenderer, type Compositor, type RenderProfile } from "../src/render/create-renderer.js";
import { planSegments } from "../src/render/segments/plan-segments.js";
import { runFfmpegTool } from "../src/media/ffmpeg-bin.js";
import { StoryboardSchema, type Storyboard } from "../src/schema/storyboard.js";
import { probe } from "./helpers/media-probe.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "..");
const photo = (name: string) => path.resolve(repoRoot, "../shared/medialib/images", name);
const PHOTOS = ["coco_train2017_000000000790.jpg", "coco_train2017_000000030752.jpg", "coco_train2017_000000037666.jpg"].map(photo);
const LICENSE = { name: "CC BY 4.0", url: null, attribution: "test photo" };
/** A saturated test card with odd sides, drawn by Debian's ffmpeg: colours and sizes that show a wrong colour matrix or a stretched picture. */
const STILL = { width: 641, height: 427 };

async function makeStill(file: string): Promise<void> {
  await run(await findSsimFfmpeg(), ["-v", "error", "-y", "-f", "lavfi", "-i", `testsrc2=s=${STILL.width}x${STILL.height}:d=1`, "-frames:v", "1", file]);
}

/** Average Y, U and V (0–255) of frames [from, to) of a video, by Debian's ffmpeg's signalstats. */
async function planeAverages(file: string, from: number, to: number): Promise<{ y: number; u: number; v: number }> {
  const { stdout } = await run(await findSsimFfmpeg(), ["-v", "error", "-i", file, "-vf", `select='between(n,${from},${to - 1})',signalstats,metadata=print:file=-`, "-f", "null", "-"], { maxBuffer: 16 * 1024 * 1024 });
  const mean = (key: string) => {
    const values = [...stdout.matchAll(new RegExp(`lavfi\\.signalstats\\.${key}=([\\d.]+)`, "g"))].map((m) => Number(m[1]));
    return values.reduce((a, b) => a + b, 0) / values.length;
  };
  return { y: mean("YAVG"), u: mean("UAVG"), v: mean("VAVG") };
}

/** Clip lengths: the first outlasts its scene, the second (1 s) is shorter than its scene and loops. */
const CLIP_SECONDS = [2, 1] as const;

/** A clip that pans across a photo, 640×360 (larger than the frame, so it is cover-scaled), H.264 with 1-second GOPs. */
async function makeClip(source: string, file: string, seconds: number): Promise<void> {
  await runFfmpegTool("ffmpeg", [
    "-v", "error", "-y", "-loop", "1", "-framerate", "30", "-t", String(seconds), "-i", source,
    "-vf", `scale=w=760:h=-2,crop=640:360:x='(iw-ow)*t/${seconds}':y='(ih-oh)/2',format=yuv420p`,
    "-c:v", "libx264", "-preset", "veryfast", "-g", "30", "-an", file,
  ]);
}

/**
 * 480×270 at 30 fps: a clip, a photo under Ken Burns and a looping clip, 36 frames each with
 * 8-frame fades, headlines coming in, captions in the highlight style (words lit one by one), a
 * logo and a text watermark.
 */
function fastBoard(clips: [string, string], still: string, firstKind: "content" | "title" = "content", transition: "fade" | "wipe" = "fade"): Storyboard {
  const base = makeStoryboard();
  const headlines = ["Lanes open on Monday", "Riders cheer the change", "Next: the river bridge"];
  return StoryboardSchema.parse({
    ...base,
    output: { aspect: "16:9", width: 480, height: 270, fps: 30 },
    transitionFrames: 8,
    captions: { style: "highlight", burn: true },
    theme: {
      ...base.theme,
      transition,
      logo: { file: path.resolve(repoRoot, "samples/brand/logo.svg"), placement: "top-right", size: 0.1, opacity: 0.9 },
      watermark: { text: "@courier", image: null, placement: "bottom-left", opacity: 0.7, size: 0.05 },
    },
    scenes: headlines.map((headline, i) => ({
      ...base.scenes[1]!,
      id: `s${i + 1}`,
      kind: i === 0 ? firstKind : ("content" as const),
      startFrame: i * 36,
      durationInFrames: 36,
      headline,
      narration: `${headline}, say the riders.`,
      media:
        i === 1
          ? { kind: "image", file: still, width: STILL.width, height: STILL.height, alt: "a test card", focus: { x: 0.5, y: 0.5 }, provider: "library", origin: null, license: LICENSE }
          : { kind: "video", file: clips[i === 0 ? 0 : 1], width: 640, height: 360, durationSeconds: CLIP_SECONDS[i === 0 ? 0 : 1], fps: 30, alt: "a clip", focus: { x: 0.5, y: 0.5 }, provider: "library", origin: null, license: LICENSE },
    })),
  });
}

describe("fast path: text drawn once per state, footage composited by ffmpeg", () => {
  let dir: string;
  let clips: [string, string];
  let still: string;

  /** Renders the board once per (profile, compositor, name) in this file, into its own cache folder. */
  async function rendered(board: Storyboard, name: string, profile: RenderProfile, compositor: Compositor) {
    const file = path.join(dir, `${name}-${profile}-${compositor}.mp4`);
    const renderer = createRenderer({ cacheDir: path.join(dir, `cache-${name}-${compositor}`), compositor, segmentWorkers: 1, concurrency: 1 });
    try {
      const report = await renderer.renderVideo(board, file, { profile });
      return { file, report };
    } finally {
      await renderer.close();
    }
  }

  beforeAll(async () => {
    dir = await makeTempDir("fast");
    clips = [path.join(dir, "clip-a.mp4"), path.join(dir, "clip-b.mp4")];
    still = path.join(dir, "test-card.png");
    await Promise.all([makeClip(PHOTOS[0]!, clips[0], CLIP_SECONDS[0]), makeClip(PHOTOS[2]!, clips[1], CLIP_SECONDS[1]), makeStill(still)]);
  }, 120_000);

  afterAll(async () => {
    await removeTempDirs();
  });

  it("composites every segment of a supported storyboard, each within SSIM 0.97 of Remotion's frames", async () => {
    const board = fastBoard(clips, still);
    const fast = await rendered(board, "supported", "full", "auto");
    const slow = await rendered(board, "supported", "full", "remotion");
    expect(fast.report).toMatchObject({ segments: 5, reused: 0, renderedFrames: 108, composited: 5 });
    expect(slow.report).toMatchObject({ segments: 5, composited: 0 });
    expect((await probe(fast.file)).streams[0]).toMatchObject({ width: 480, height: 270, nb_frames: "108" });
    const ssim = await measureSsimFrames(await findSsimFfmpeg(), fast.file, slow.file);
    expect(ssim).toHaveLength(108);
    for (const segment of planSegments(board)) {
      const part = ssim.slice(segment.from, segment.to);
      const mean = part.reduce((a, b) => a + b, 0) / part.length;
      expect(mean, `${segment.kind} ${segment.from}–${segment.to}`).toBeGreaterThanOrEqual(0.97);
      // No frame far off: a frame drawn at the wrong time or place drops well below.
      expect(Math.min(...part)).toBeGreaterThan(0.9);
    }
    // The test card's colours as Remotion draws them: a wrong colour matrix moves U and V by several levels.
    const card = planSegments(board).find((s) => s.kind === "scene" && s.scenes[0] === 1)!;
    const [mine, theirs] = [await planeAverages(fast.file, card.from, card.to), await planeAverages(slow.file, card.from, card.to)];
    for (const plane of ["y", "u", "v"] as const) expect(Math.abs(mine[plane] - theirs[plane]), plane).toBeLessThan(1.5);
  }, 600_000);

  it("re-uses the composited segments of unchanged scenes after a headline edit, frame for frame", async () => {
    const board = fastBoard(clips, still);
    const renderer = createRenderer({ cacheDir: path.join(dir, "cache-edit"), segmentWorkers: 1, concurrency: 1 });
    const edited = { ...board, scenes: board.scenes.map((s, i) => (i === 2 ? { ...s, headline: "The bridge opens in May" } : s)) };
    const [first, file] = [path.join(dir, "unedited.mp4"), path.join(dir, "edited.mp4")];
    try {
      expect(await renderer.renderVideo(board, first)).toMatchObject({ segments: 5, reused: 0, composited: 5 });
      expect(await renderer.renderVideo(edited, file)).toMatchObject({ segments: 5, reused: 3, composited: 2 });
    } finally {
      await renderer.close();
    }
    const [before, after] = [await frameHashes(first), await frameHashes(file)];
    const lastScene = planSegments(board).find((s) => s.kind === "transition" && s.scenes[1] === 2)!.from;
    expect(after.slice(0, lastScene)).toEqual(before.slice(0, lastScene));
    expect(after.slice(lastScene).filter((h, i) => h !== before[lastScene + i]).length).toBeGreaterThan(10);
  }, 600_000);

  it("draws a title card and wipes with Remotion and the scenes' own frames by compositing, joined seamlessly in order", async () => {
    const board = fastBoard(clips, still, "title", "wipe");
    const { file, report } = await rendered(board, "mixed", "full", "auto");
    // The title card and the two wipes are Remotion's; scenes 2 and 3's own frames are composited.
    expect(report).toMatchObject({ segments: 5, composited: 2 });
    const segmentsDir = path.join(dir, "cache-mixed-auto", "segments");
    const pieces = await Promise.all((await readdir(segmentsDir)).filter((f) => f.endsWith(".mp4")).map((f) => frameHashes(path.join(segmentsDir, f))));
    const joined = await frameHashes(file);
    expect(joined).toHaveLength(108);
    const ordered = [...pieces].sort((a, b) => joined.indexOf(a[0]!) - joined.indexOf(b[0]!));
    expect(ordered.flat()).toEqual(joined);
    const slow = await rendered(board, "mixed", "full", "remotion");
    const ssim = await measureSsimFrames(await findSsimFfmpeg(), file, slow.file);
    for (const segment of planSegments(board)) {
      const part = ssim.slice(segment.from, segment.to);
      expect(part.reduce((a, b) => a + b, 0) / part.length, `${segment.kind} ${segment.from}–${segment.to}`).toBeGreaterThanOrEqual(0.97);
    }
  }, 600_000);

  it("composites a draft at the draft's size, every frame present", async () => {
    const board = { ...fastBoard(clips, still), output: { aspect: "16:9" as const, width: 1920, height: 1080, fps: 30 } };
    const { file, report } = await rendered(board, "draft", "draft", "auto");
    expect(report).toMatchObject({ segments: 5, composited: 5 });
    expect((await probe(file)).streams[0]).toMatchObject({ width: 960, height: 540 });
    expect(await frameHashes(file)).toHaveLength(108);
  }, 600_000);

  it("fails with a one-line error and leaves no video or part file when the compositing ffmpeg fails", async () => {
    // An ffmpeg that lists every filter but fails to run a graph, as a broken build would.
    const fake = path.join(dir, "broken-ffmpeg");
    const listing = ["overlay", "perspective", "alphamerge", "geq", "drawbox", "loop", "pad", "color"].map((f) => ` ..C ${f}  V->V  test filter`).join("\\n");
    await writeFile(fake, `#!/bin/sh\nif [ "$2" = "-filters" ]; then printf 'Filters:\\n${listing}\\n'; exit 0; fi\necho "Error initializing complex filters" >&2\nexit 1\n`);
    await chmod(fake, 0o755);
    const cacheDir = path.join(dir, "cache-broken");
    const renderer = createRenderer({ cacheDir, env: { ...process.env, REELPRESS_FFMPEG: fake }, segmentWorkers: 1, concurrency: 1 });
    const out = path.join(dir, "broken.mp4");
    try {
      const rendering = renderer.renderVideo(fastBoard(clips, still), out);
      await expect(rendering).rejects.toThrow(/^rendering failed: the compositing ffmpeg exited with 1: Error initializing complex filters$/);
    } finally {
      await renderer.close();
    }
    expect(existsSync(out)).toBe(false);
    expect(await readdir(path.join(cacheDir, "segments"))).toEqual([]);
  }, 600_000);
});
