import path from "node:path";
import { bundle } from "@remotion/bundler";
import { openBrowser, type HeadlessBrowser } from "@remotion/renderer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OverlayLayer } from "../compositions/overlay/overlay-states-props.js";
import { sceneWindows } from "../compositions/scene-windows.js";
import { makeWebpackOverride } from "../compositions/webpack-override.js";
import { startAssetServer, type AssetServer } from "../src/render/asset-server.js";
import { overlayLayerId, overlayStateKeys } from "../src/render/fast/overlay-state-keys.js";
import { storyboardFiles } from "../src/render/storyboard-files.js";
import { StoryboardSchema, storyboardDurationInFrames, type Storyboard, type WordTiming } from "../src/schema/storyboard.js";
import { layerTiles, overlayTileHashes, type OverlayDrawContext } from "./helpers/overlay-frames.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const repoRoot = path.resolve(import.meta.dirname, "..");
const BROWSER = "/usr/bin/chromium";
const PHOTOS = ["coco_train2017_000000000790.jpg", "coco_train2017_000000030752.jpg", "coco_train2017_000000037666.jpg"].map((name) =>
  path.resolve(repoRoot, "../shared/medialib/images", name),
);
const NARRATION = ["The city opened protected bike lanes on Monday", "Riders cheered as the long awaited change arrived", "Next the council plans a new river bridge"];
// The last wraps to three lines at this size, so every line's entrance spring is drawn.
const HEADLINES = ["Lanes open on Monday", "Riders cheer the change", "Next: the council plans a new bridge across the river"];

/** Words of 60–85 ms with a 20 ms gap after each, from 40 ms into the voice: a new word every three frames or so. */
function speak(text: string): WordTiming[] {
  let t = 40;
  return text.split(" ").map((word, i) => {
    const startMs = t;
    const endMs = startMs + 60 + ((i * 13) % 25);
    t = endMs + 20;
    return { text: word, startMs, endMs };
  });
}

/**
 * Three voiced content scenes of 30 frames over photos, 8-frame fades, at 480×270, with
 * highlight captions following the words (two pages a scene), a logo and a text watermark.
 */
function keysBoard(): Storyboard {
  const base = makeStoryboard();
  return StoryboardSchema.parse({
    ...base,
    output: { aspect: "16:9", width: 480, height: 270, fps: 30 },
    transitionFrames: 8,
    captions: { style: "highlight", burn: true },
    theme: {
      ...base.theme,
      logo: { file: path.resolve(repoRoot, "samples/brand/logo.svg"), placement: "top-right", size: 0.1, opacity: 0.9 },
      watermark: { text: "@courier", image: null, placement: "bottom-left", opacity: 0.7, size: 0.05 },
    },
    scenes: NARRATION.map((text, i) => {
      const words = speak(text);
      return {
        ...base.scenes[1]!,
        id: `s${i + 1}`,
        kind: "content" as const,
        startFrame: i * 30,
        durationInFrames: 30,
        headline: HEADLINES[i]!,
        narration: text,
        voice: { text, file: "/tmp/none.wav", offsetMs: 60, durationMs: words.at(-1)!.endMs + 50, words, sentences: [], timing: "engine" },
        media: { kind: "image", file: PHOTOS[i]!, width: 640, height: 480, alt: "a photo", focus: { x: 0.5, y: 0.5 }, provider: "library", origin: null, license: { name: "CC BY 4.0", url: null, attribution: "test photo" } },
      };
    }),
  });
}

interface KeyCheck {
  /** Frames whose keys are equal but whose pixels are not: one entry per such group. */
  underSplit: { key: string; frames: number[]; pngs: number }[];
  distinctKeys: number;
  distinctPixels: number;
  /** Keys of the frames that draw nothing: one at most, or idle frames are drawn again and again. */
  blankKeys: string[];
}

/** Groups a layer's frames by key and compares each group's page hashes, and those with an empty page's. */
function checkKeys(frames: readonly number[], keys: readonly string[], hashes: readonly string[], blank: string): KeyCheck {
  const groups = new Map<string, number[]>();
  keys.forEach((key, i) => groups.set(key, [...(groups.get(key) ?? []), i]));
  const underSplit = [...groups].flatMap(([key, members]) => {
    const pngs = new Set(members.map((i) => hashes[i]));
    return pngs.size > 1 ? [{ key, frames: members.map((i) => frames[i]!), pngs: pngs.size }] : [];
  });
  const blankKeys = [...new Set(keys.filter((_, i) => hashes[i] === blank))];
  return { underSplit, distinctKeys: groups.size, distinctPixels: new Set(hashes).size, blankKeys };
}

describe("overlayStateKeys against the pixels the overlay composition draws", () => {
  const board = keysBoard();
  const windows = sceneWindows(board);
  const total = storyboardDurationInFrames(board);
  let dir: string;
  let browser: HeadlessBrowser | null = null;
  let assets: AssetServer | null = null;
  let ctx: OverlayDrawContext;

  beforeAll(async () => {
    dir = await makeTempDir("fast-keys");
    const serveUrl = await bundle({ entryPoint: path.join(repoRoot, "compositions/index.ts"), webpackOverride: makeWebpackOverride({ userTemplatesDir: null }), outDir: path.join(dir, "bundle") });
    browser = await openBrowser("chrome", { browserExecutable: BROWSER, chromeMode: "headless-shell", logLevel: "error" });
    assets = await startAssetServer(storyboardFiles(board).map((entry) => entry.file));
    ctx = { serveUrl, browser, browserExecutable: BROWSER, assets: assets.urls };
  }, 600_000);

  afterAll(async () => {
    await browser?.close({ silent: true });
    await assets?.close();
    await removeTempDirs();
  }, 600_000);

  /**
   * Every frame of [from, to) of the layer on its own page, then a few of them a second time (the
   * repeats must hash alike, or comparing PNG bytes would say nothing about pixels), then an empty page.
   */
  async function drawLayer(layer: OverlayLayer, from: number, to: number) {
    const frames = Array.from({ length: to - from }, (_, i) => from + i);
    const repeats = [frames[0]!, frames[Math.floor(frames.length / 2)]!, frames.at(-1)!];
    const hashes = await overlayTileHashes(ctx, board, [...layerTiles(board, layer, [...frames, ...repeats]), null]);
    expect(hashes.slice(frames.length, -1), `${overlayLayerId(layer)}: the same state drawn twice`).toEqual(repeats.map((f) => hashes[f - from]));
    return checkKeys(frames, overlayStateKeys(board, layer, from, to), hashes.slice(0, frames.length), hashes.at(-1)!);
  }

  it(
    "keys each scene's headline so that equal keys draw equal pixels, idle frames share a key and keys barely outnumber pictures",
    async () => {
      for (const [scene, window] of windows.entries()) {
        const layer: OverlayLayer = { kind: "headline", scene };
        const check = await drawLayer(layer, window.from, window.from + window.durationInFrames);
        expect(check.underSplit, `headline-${scene}: equal keys, different pixels`).toEqual([]);
        // Before the entrance nothing is drawn; those frames are one state, not one each.
        expect(check.blankKeys, `headline-${scene}: keys of the frames before its entrance`).toHaveLength(1);
        expect(check.distinctKeys, `headline-${scene}: distinct keys`).toBeGreaterThan(5);
        expect(check.distinctKeys, `headline-${scene}: ${check.distinctKeys} keys for ${check.distinctPixels} pictures`).toBeLessThanOrEqual(1.5 * check.distinctPixels + 2);
      }
    },
    600_000,
  );

  it(
    "keys the highlight captions so that equal keys draw equal pixels, idle frames share a key and keys barely outnumber pictures",
    async () => {
      const check = await drawLayer({ kind: "captions" }, 0, total);
      expect(check.underSplit, "captions: equal keys, different pixels").toEqual([]);
      // Between scenes' captions nothing is drawn; those frames are one state, not one each.
      expect(check.blankKeys).toHaveLength(1);
      expect(check.distinctKeys).toBeGreaterThan(5);
      expect(check.distinctKeys, `captions: ${check.distinctKeys} keys for ${check.distinctPixels} pictures`).toBeLessThanOrEqual(1.5 * check.distinctPixels + 2);
    },
    600_000,
  );

  it(
    "keys the logo and watermark of content scenes as one state, which draws alike on every frame",
    async () => {
      const sampled = [0, 12, 24, 27, 45, 58, 75, total - 1];
      const keys = sampled.map((frame) => overlayStateKeys(board, { kind: "marks" }, frame, frame + 1)[0]!);
      const hashes = await overlayTileHashes(ctx, board, [...layerTiles(board, { kind: "marks" }, sampled), null]);
      const check = checkKeys(sampled, keys, hashes.slice(0, -1), hashes.at(-1)!);
      expect(check.distinctKeys).toBe(1);
      expect(check.underSplit).toEqual([]);
      expect(check.blankKeys, "the logo and watermark draw nothing").toEqual([]);
    },
    600_000,
  );
});
