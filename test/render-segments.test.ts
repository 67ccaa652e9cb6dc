import { mkdir, readdir, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameHashes } from "../scripts/bench/frame-hashes.js";
import { bundleHash } from "../src/render/bundle-hash.js";
import { createRenderer, segmentEncoding, type Renderer, type RenderProgress } from "../src/render/create-renderer.js";
import { planSegments } from "../src/render/segments/plan-segments.js";
import { segmentKey, type SegmentKeyContext } from "../src/render/segments/segment-key.js";
import { renderSegmented } from "../src/render/segments/render-segmented.js";
import type { SegmentSession } from "../src/render/segments/segment-backend.js";
import { trimSegmentCache } from "../src/render/segments/segment-cache.js";
import type { Storyboard } from "../src/schema/storyboard.js";
import { grayFrames, meanAbsDiff } from "./helpers/media-probe.js";
import { BOARD_PHOTOS, photoBoard } from "./helpers/photo-board.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const PHOTOS = BOARD_PHOTOS;

/** Three content scenes of 30 frames over photos, 8-frame fades, at 320×180. */
function smallBoard(headlines?: string[]): Storyboard {
  return photoBoard({ headlines });
}

function withHeadline(board: Storyboard, scene: number, headline: string): Storyboard {
  return { ...board, scenes: board.scenes.map((s, i) => (i === scene ? { ...s, headline } : s)) };
}

describe("planSegments", () => {
  it("cuts the timeline at every transition and covers each frame once, in order", () => {
    const board = smallBoard();
    const segments = planSegments(board);
    expect(segments.map((s) => [s.kind, s.from, s.to, s.scenes])).toEqual([
      ["scene", 0, 22, [0]],
      ["transition", 22, 30, [0, 1]],
      ["scene", 30, 52, [1]],
      ["transition", 52, 60, [1, 2]],
      ["scene", 60, 90, [2]],
    ]);
  });

  it("makes one segment per scene when there are no transitions, and none of no length", () => {
    const cut = { ...smallBoard(), transitionFrames: 0 };
    expect(planSegments(cut).map((s) => [s.from, s.to])).toEqual([[0, 30], [30, 60], [60, 90]]);
    const short = smallBoard();
    short.scenes[1] = { ...short.scenes[1]!, durationInFrames: 8 };
    short.scenes[2] = { ...short.scenes[2]!, startFrame: 38 };
    const segments = planSegments(short);
    expect(segments.every((s) => s.to > s.from)).toBe(true);
    expect(segments.map((s) => s.to - s.from).reduce((a, b) => a + b)).toBe(68);
  });
});

describe("segmentKey", () => {
  const context: SegmentKeyContext = { bundleHash: "b1", encoderId: "local", encoding: segmentEncoding("full", 320, 180), fileStamps: Object.fromEntries(PHOTOS.map((p) => [p, "1:1"])) };
  const keys = (board: Storyboard, ctx: SegmentKeyContext = context) => planSegments(board).map((s) => segmentKey(board, s, ctx));

  it("changes only the segments that draw an edited scene", () => {
    const before = keys(smallBoard());
    const after = keys(withHeadline(smallBoard(), 1, "A different headline"));
    expect(before.map((k, i) => k === after[i])).toEqual([true, false, false, false, true]);
  });

  it("changes every segment when the look, the encoding, the bundle or the length changes", () => {
    const board = smallBoard();
    const before = keys(board);
    const restyled = { ...board, theme: { ...board.theme, colors: { ...board.theme.colors, accent: "#ff0000" } } };
    const longer = { ...board, scenes: board.scenes.map((s, i) => (i === 2 ? { ...s, durationInFrames: 31 } : s)) };
    for (const changed of [keys(restyled), keys(board, { ...context, encoding: segmentEncoding("draft", 1920, 1080) }), keys(board, { ...context, bundleHash: "b2" })]) {
      expect(changed.some((k, i) => k === before[i])).toBe(false);
    }
    // The progress bar depends on the video's length, so even scene 1's frames change.
    expect(keys(longer)[0]).not.toBe(before[0]);
  });

  it("changes the segments of a scene whose media file changed on disk", () => {
    const board = smallBoard();
    const touched = { ...context, fileStamps: { ...context.fileStamps, [PHOTOS[2]!]: "2:2" } };
    expect(keys(board).map((k, i) => k === keys(board, touched)[i])).toEqual([true, true, true, false, false]);
  });

  it("puts every scene in every key when the template has its own components", () => {
    const board = smallBoard();
    const withLayer = { ...board, theme: { ...board.theme, components: { scene: null, layers: ["Ticker.tsx"] } } };
    const before = keys(withLayer);
    const after = keys(withHeadline(withLayer, 2, "Changed"));
    expect(after.some((k, i) => k === before[i])).toBe(false);
  });
});

describe("bundleHash", () => {
  it("follows the user's template folders and ignores other files beside them", async () => {
    const dir = await makeTempDir("bundle-hash");
    await mkdir(path.join(dir, "acme"));
    await writeFile(path.join(dir, "acme", "template.json"), '{"description":"a"}');
    await writeFile(path.join(dir, "holiday.mov"), "not a template");
    const first = await bundleHash(dir);
    expect(first).not.toBe(await bundleHash(null));
    await writeFile(path.join(dir, "holiday.mov"), "still not a template, but changed");
    expect(await bundleHash(dir)).toBe(first);
    await writeFile(path.join(dir, "acme", "template.json"), '{"description":"b"}');
    expect(await bundleHash(dir)).not.toBe(first);
  });
});

describe("trimSegmentCache", () => {
  it("removes the least recently used segments beyond the limit and keeps the ones just used", async () => {
    const dir = await makeTempDir("seg-trim");
    const names = ["a", "b", "c", "d"];
    for (const [i, name] of names.entries()) {
      const file = path.join(dir, `${name}.mp4`);
      await writeFile(file, Buffer.alloc(1000));
      const t = new Date(Date.UTC(2026, 0, 1 + i));
      await utimes(file, t, t);
    }
    const removed = await trimSegmentCache(dir, 2500, [path.join(dir, "a.mp4")]);
    expect(removed).toBe(2);
    expect((await readdir(dir)).sort()).toEqual(["a.mp4", "d.mp4"]);
  });
});

describe("renderSegmented when a segment fails", () => {
  it("stops the segments in flight, throws the first error, writes no video and keeps no half-written segment", async () => {
    const dir = await makeTempDir("seg-fail");
    const cancelled: number[] = [];
    const session: SegmentSession = {
      async renderSegment(range, _encoding, file, options = {}) {
        await writeFile(file, "part of a segment");
        if (range.from === 30) throw new Error("the browser tab crashed");
        // The others run until cancelled.
        await new Promise<void>((resolve) => options.signal?.addEventListener("abort", () => resolve(), { once: true }));
        cancelled.push(range.from);
        throw new Error("cancelled");
      },
      async close() {},
    };
    const run = renderSegmented(smallBoard(), path.join(dir, "out.mp4"), {
      session,
      encoderId: "test",
      bundleHash: "b",
      encoding: segmentEncoding("full", 320, 180),
      cacheDir: path.join(dir, "cache"),
      workers: 3,
    });
    await expect(run).rejects.toThrow("the browser tab crashed");
    expect(cancelled.sort((a, b) => a - b)).toEqual([0, 22]);
    expect(await readdir(dir)).toEqual(["cache"]);
    expect(await readdir(path.join(dir, "cache"))).toEqual([]);
  });
});

describe("segmented render with a real Chromium", () => {
  let renderer: Renderer;
  let cacheDir: string;
  let dir: string;
  const bundleEvents: RenderProgress[] = [];

  beforeAll(async () => {
    dir = await makeTempDir("segments");
    cacheDir = path.join(dir, "cache");
    renderer = createRenderer({ cacheDir, segmentWorkers: 1, concurrency: 1 });
  });

  afterAll(async () => {
    await renderer?.close();
    await removeTempDirs();
  }, 600_000);

  it.each([
    { compositor: "auto", composited: 5 },
    { compositor: "remotion", composited: 0 },
  ] as const)("re-renders only the edited scene's segments; every other frame is identical, the edited ones differ (compositor $compositor)", async ({ compositor, composited }) => {
    const board = smallBoard();
    const own = compositor === "auto" ? renderer : createRenderer({ cacheDir: path.join(dir, `cache-${compositor}`), compositor, segmentWorkers: 1, concurrency: 1 });
    const file = (name: string) => path.join(dir, `${name}-${compositor}.mp4`);
    try {
      const first = await own.renderVideo(board, file("first"));
      expect(first).toMatchObject({ segments: 5, reused: 0, renderedFrames: 90, composited });
      const again = await own.renderVideo(board, file("again"));
      expect(again).toMatchObject({ segments: 5, reused: 5, renderedFrames: 0, composited: 0 });
      const edited = await own.renderVideo(withHeadline(board, 1, "Riders want more lanes"), file("edited"));
      expect(edited).toMatchObject({ segments: 5, reused: 2, renderedFrames: 38 });
    } finally {
      if (own !== renderer) await own.close();
    }
    const [a, b] = [await frameHashes(file("first")), await frameHashes(file("edited"))];
    expect(a).toHaveLength(90);
    expect(b).toHaveLength(90);
    const same = (from: number, to: number) => a.slice(from, to).every((h, i) => h === b[from + i]);
    expect(same(0, 22)).toBe(true);
    expect(same(60, 90)).toBe(true);
    // The edited headline shows on the frames of scene 2 once it has come in.
    expect(a.slice(34, 52).filter((h, i) => h !== b[34 + i]).length).toBeGreaterThan(10);
  }, 600_000);

  it("joins seamlessly: the joined video decodes to exactly its segments' frames, in order", async () => {
    const fresh = path.join(dir, "join-cache");
    const joiner = createRenderer({ cacheDir: fresh, segmentWorkers: 1, concurrency: 1 });
    try {
      await joiner.renderVideo(smallBoard(), path.join(dir, "joined.mp4"));
    } finally {
      await joiner.close();
    }
    const segmentsDir = path.join(fresh, "segments");
    const pieces = await Promise.all((await readdir(segmentsDir)).map((file) => frameHashes(path.join(segmentsDir, file))));
    expect(pieces.map((p) => p.length).sort((a, b) => a - b)).toEqual([8, 8, 22, 22, 30]);
    const joined = await frameHashes(path.join(dir, "joined.mp4"));
    // Each segment's frames, put where its first frame is in the joined video, must rebuild it exactly.
    const ordered = [...pieces].sort((a, b) => joined.indexOf(a[0]!) - joined.indexOf(b[0]!));
    expect(ordered.flat()).toEqual(joined);
  }, 600_000);

  it("renders segments two at a time to the same frames as one at a time", async () => {
    const board = smallBoard();
    const hashes: string[][] = [];
    for (const segmentWorkers of [1, 2]) {
      const uncached = createRenderer({ segmentWorkers, concurrency: 1 });
      try {
        const file = path.join(dir, `workers-${segmentWorkers}.mp4`);
        expect(await uncached.renderVideo(board, file)).toMatchObject({ segments: 5, reused: 0, renderedFrames: 90 });
        hashes.push(await frameHashes(file));
      } finally {
        await uncached.close();
      }
    }
    expect(hashes[1]).toHaveLength(90);
    // Frame by frame the same picture: equal decoded pixels, or (Chromium has drawn the video's
    // last frame two ways under heavy load, in serial and in parallel runs alike) the same picture
    // within a grey level on average; a dropped, repeated or misplaced frame differs far more.
    const differing = hashes[0]!.map((h, i) => (h === hashes[1]![i] ? -1 : i)).filter((i) => i >= 0);
    expect(differing.length).toBeLessThanOrEqual(5);
    const [serial, parallel] = [await grayFrames(path.join(dir, "workers-1.mp4"), 320, 180), await grayFrames(path.join(dir, "workers-2.mp4"), 320, 180)];
    expect(parallel).toHaveLength(90);
    for (const i of differing) expect(meanAbsDiff(serial[i]!, parallel[i]!)).toBeLessThan(1);
  }, 600_000);

  it("keeps the bundle in the cache folder and reuses it in the next process's renderer", async () => {
    const bundles = await readdir(path.join(cacheDir, "bundles"));
    expect(bundles).toHaveLength(1);
    const next = createRenderer({ cacheDir, onProgress: (p) => p.stage === "bundle" && bundleEvents.push(p) });
    try {
      await next.renderPoster(smallBoard(), path.join(dir, "poster.jpg"), 10);
      expect(bundleEvents.map((e) => e.progress)).toEqual([1]);
      expect((await stat(path.join(dir, "poster.jpg"))).size).toBeGreaterThan(1000);
    } finally {
      await next.close();
    }
    expect(await readdir(path.join(cacheDir, "bundles"))).toEqual(bundles);
  }, 600_000);
});
