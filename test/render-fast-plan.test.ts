import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { OverlayLayer } from "../compositions/overlay/overlay-states-props.js";
import { sceneWindows } from "../compositions/scene-windows.js";
import { clipColorMatrix } from "../src/render/fast/clip-color-matrix.js";
import { composeAndEncode } from "../src/render/fast/compose-segment.js";
import { remotionH264Args } from "../src/render/fast/encoder-args.js";
import { fastSegmentSupport, sceneMotion } from "../src/render/fast/fast-segment-support.js";
import { ffmpegColor } from "../src/render/fast/ffmpeg-color.js";
import { findFullFfmpeg, FULL_FFMPEG_FILTERS } from "../src/render/fast/find-full-ffmpeg.js";
import { overlayRegion, regionStep } from "../src/render/fast/overlay-region.js";
import { overlayLayerId, overlayStateKeys } from "../src/render/fast/overlay-state-keys.js";
import { heldFrames, planOverlayPages, type OverlayPagePlan, type OverlayRequest } from "../src/render/fast/plan-overlay-pages.js";
import { segmentGraph, segmentOverlayLayers } from "../src/render/fast/segment-graph.js";
import { planSegments, type PlannedSegment } from "../src/render/segments/plan-segments.js";
import { storyboardDurationInFrames, type Storyboard } from "../src/schema/storyboard.js";
import { BOARD_PHOTOS, photoBoard, type BoardInput } from "./helpers/photo-board.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const PHOTOS = BOARD_PHOTOS;
const CLIP = "/tmp/reelpress-plan-test-clip.mp4";

afterAll(removeTempDirs);

/** Three content scenes of 30 frames over photos, 8-frame fades, at 320×180; `patch` edits the raw input before parsing. */
function smallBoard(patch?: (input: BoardInput) => BoardInput): Storyboard {
  return photoBoard({ narration: (headline) => `${headline}, said the city on its first day of work.`, patch });
}

const withTheme = (theme: Record<string, unknown>) => (input: BoardInput): BoardInput => ({ ...input, theme: { ...(input.theme as object), ...theme } });
const withCaptions = (style: "highlight" | "subtitles") => (input: BoardInput): BoardInput => ({ ...input, captions: { style, burn: true } });
const withWatermark = withTheme({ watermark: { text: "@courier", placement: "bottom-right", opacity: 0.8, size: 0.05 } });
const withSceneMedia = (scene: number, media: Record<string, unknown>) => (input: BoardInput): BoardInput => ({
  ...input,
  scenes: (input.scenes as Record<string, unknown>[]).map((s, i) => (i === scene ? { ...s, media } : s)),
});
const CLIP_MEDIA = { kind: "video", file: CLIP, width: 640, height: 360, durationSeconds: 4, provider: "library", origin: null, license: { name: "CC0 1.0", url: null, attribution: "test clip" } };

/** The requests the fast session makes: every fast layer of every segment, over the segment's frames. */
function sessionRequests(board: Storyboard): OverlayRequest[] {
  return planSegments(board).flatMap((segment) => segmentOverlayLayers(board, segment).map((layer) => ({ layer, from: segment.from, to: segment.to })));
}

/** Each layer's key at every frame of the video, computed over the whole timeline at once. */
function keyTable(board: Storyboard) {
  const total = storyboardDurationInFrames(board);
  const cache = new Map<string, string[]>();
  return (layer: OverlayLayer, frame: number): string => {
    const id = overlayLayerId(layer);
    if (!cache.has(id)) cache.set(id, overlayStateKeys(board, layer, 0, total));
    return `${id} ${cache.get(id)![frame]!}`;
  };
}

/** Every (request, frame) of a plan: the frame drawn for it, its key, and the tile found at its page and y. */
function lookups(board: Storyboard, plan: OverlayPagePlan, hold: number) {
  const keyOf = keyTable(board);
  return plan.layers.flatMap((lf, request) =>
    heldFrames(lf.from, lf.to, hold).map((drawn, i) => {
      const tile = plan.pages[lf.page[i]!]?.find((t) => t.y === lf.y[i]);
      return { request, frame: lf.from + i, drawn, key: keyOf(lf.layer, drawn), page: lf.page[i]!, y: lf.y[i]!, tile };
    }),
  );
}

describe("planOverlayPages", () => {
  const board = smallBoard((input) => withWatermark(withCaptions("highlight")(input)));
  const requests = sessionRequests(board);
  const plan = planOverlayPages(board, requests, 1);
  const found = lookups(board, plan, 1);

  it("maps every frame of every request to a tile of the same layer drawn in the same state", () => {
    expect(plan.layers.map((l) => [l.from, l.to, l.page.length, l.y.length])).toEqual(requests.map((r) => [r.from, r.to, r.to - r.from, r.to - r.from]));
    const keyOf = keyTable(board);
    for (const { request, key, tile } of found) {
      expect(tile).toBeDefined();
      expect(overlayLayerId(tile!.layer)).toBe(overlayLayerId(requests[request]!.layer));
      expect(keyOf(tile!.layer, tile!.frame)).toBe(key);
    }
    expect(plan.frames).toBe(found.length);
  });

  it("gives frames of equal keys one tile and frames of different keys different tiles", () => {
    const tileOfKey = new Map<string, string>();
    const keyOfTile = new Map<string, string>();
    for (const { key, page, y } of found) {
      const at = `${page}:${y}`;
      expect(tileOfKey.get(key) ?? at).toBe(at);
      expect(keyOfTile.get(at) ?? key).toBe(key);
      tileOfKey.set(key, at);
      keyOfTile.set(at, key);
    }
    // The board animates: some layer has more than one state.
    expect(tileOfKey.size).toBeGreaterThan(new Set(requests.map((r) => overlayLayerId(r.layer))).size);
  });

  it("counts one state per distinct layer and key, and draws exactly that many tiles", () => {
    const distinct = new Set(found.map((f) => f.key));
    expect(plan.states).toBe(distinct.size);
    expect(plan.pages.flat()).toHaveLength(distinct.size);
  });

  it("stacks tiles on a page without overlap and within the page", () => {
    expect(plan.pageHeight).toBeGreaterThanOrEqual(Math.max(board.output.width, board.output.height));
    for (const page of plan.pages) {
      expect(page.length).toBeGreaterThan(0);
      const sorted = [...page].sort((a, b) => a.y - b.y);
      sorted.forEach((tile, i) => {
        expect(tile.y).toBeGreaterThanOrEqual(0);
        expect(tile.y + tile.region.height).toBeLessThanOrEqual(plan.pageHeight);
        expect(tile.region.width).toBeLessThanOrEqual(plan.pageWidth);
        const next = sorted[i + 1];
        if (next) expect(tile.y + tile.region.height).toBeLessThanOrEqual(next.y);
      });
    }
  });

  it("shares the tiles of equal keys between requests for one layer over different segments", () => {
    const scrim = requests.flatMap((r, i) => (r.layer.kind === "scrim" && r.layer.scene === 0 ? [i] : []));
    expect(scrim.length).toBe(2);
    const places = found.filter((f) => scrim.includes(f.request)).map((f) => `${f.page}:${f.y}`);
    expect(new Set(places).size).toBe(1);
    const scrimTiles = plan.pages.flat().filter((t) => t.layer.kind === "scrim" && t.layer.scene === 0);
    expect(scrimTiles).toHaveLength(1);
  });

  it("creates pages in request order, so a request never needs a page made for a later one", () => {
    const creator: number[] = [];
    plan.layers.forEach((lf, request) => {
      for (const p of lf.page) if (creator[p] === undefined) creator[p] = request;
    });
    expect(creator).toHaveLength(plan.pages.length);
    for (let p = 1; p < creator.length; p++) expect(creator[p]!).toBeGreaterThanOrEqual(creator[p - 1]!);
    plan.layers.forEach((lf, request) => {
      for (const p of lf.page) expect(creator[p]!).toBeLessThanOrEqual(request);
    });
  });
});

describe("heldFrames and the draft hold", () => {
  it("maps each frame to the last multiple of hold of the whole video at or before it, never before the segment", () => {
    expect(heldFrames(22, 30, 3)).toEqual([22, 22, 24, 24, 24, 27, 27, 27]);
    expect(heldFrames(22, 26, 1)).toEqual([22, 23, 24, 25]);
    expect(heldFrames(5, 5, 3)).toEqual([]);
  });

  it("draws only tiles at multiples of hold or segment starts, in the state of the held frame, and fewer of them", () => {
    const board = smallBoard(withCaptions("highlight"));
    const requests = sessionRequests(board);
    const held = planOverlayPages(board, requests, 1, 3);
    const every = planOverlayPages(board, requests, 1, 1);
    const starts = new Set(requests.map((r) => r.from));
    for (const tile of held.pages.flat()) expect(tile.frame % 3 === 0 || starts.has(tile.frame)).toBe(true);
    const keyOf = keyTable(board);
    for (const { request, frame, drawn, key, tile } of lookups(board, held, 3)) {
      expect(drawn).toBe(Math.max(requests[request]!.from, frame - (frame % 3)));
      expect(keyOf(tile!.layer, tile!.frame)).toBe(key);
    }
    expect(held.states).toBeLessThan(every.states);
    expect(held.frames).toBe(every.frames);
  });
});

describe("fastSegmentSupport", () => {
  const supportOf = (board: Storyboard) => planSegments(board).map((segment) => fastSegmentSupport(board, segment));
  const why = (board: Storyboard): string => {
    const refused = supportOf(board).find((s) => !s.ok);
    if (!refused || refused.ok) throw new Error("every segment was allowed");
    return refused.why;
  };

  it("allows content scenes over photos and clips with a fade or a cut", () => {
    expect(supportOf(smallBoard())).toEqual(Array(5).fill({ ok: true }));
    expect(supportOf(smallBoard(withSceneMedia(1, CLIP_MEDIA)))).toEqual(Array(5).fill({ ok: true }));
    expect(supportOf(smallBoard(withTheme({ transition: "none" })))).toEqual(Array(5).fill({ ok: true }));
  });

  it.each(["slide", "wipe", "zoom"])("composites the scenes' own frames but refuses the %s transitions between them, naming it", (transition) => {
    const board = smallBoard(withTheme({ transition }));
    const support = supportOf(board);
    planSegments(board).forEach((segment, i) => expect(support[i]!.ok).toBe(segment.kind === "scene"));
    expect(why(board)).toContain(`"${transition}"`);
  });

  it("refuses a template with its own scene or layer components", () => {
    expect(why(smallBoard(withTheme({ template: "studio", components: { scene: "scene.tsx", layers: [] } })))).toMatch(/studio.*components/);
    expect(why(smallBoard(withTheme({ template: "studio", components: { scene: null, layers: ["ticker.tsx"] } })))).toMatch(/studio.*components/);
  });

  it("refuses a generated background and a title or closing card, naming the scene", () => {
    const generated = makeStoryboard().scenes[1]!.media;
    const board = smallBoard(withSceneMedia(1, generated));
    const segments = planSegments(board);
    expect(fastSegmentSupport(board, segments[0]!)).toEqual({ ok: true });
    expect(fastSegmentSupport(board, segments[2]!)).toEqual({ ok: false, why: expect.stringMatching(/scene 2.*generated/) });
    const title = smallBoard((input) => ({ ...input, scenes: (input.scenes as Record<string, unknown>[]).map((s, i) => (i === 2 ? { ...s, kind: "closing" } : s)) }));
    expect(fastSegmentSupport(title, planSegments(title)[4]!)).toEqual({ ok: false, why: expect.stringMatching(/scene 3.*closing/) });
    const opening = smallBoard((input) => ({ ...input, scenes: (input.scenes as Record<string, unknown>[]).map((s, i) => (i === 0 ? { ...s, kind: "title" } : s)) }));
    expect(fastSegmentSupport(opening, planSegments(opening)[1]!)).toEqual({ ok: false, why: expect.stringMatching(/scene 1.*title/) });
  });

  it("refuses an accent colour ffmpeg cannot take as hex", () => {
    const board = smallBoard((input) => {
      const theme = input.theme as { colors: Record<string, string> };
      return { ...input, theme: { ...theme, colors: { ...theme.colors, accent: "rgb(245, 158, 11)" } } };
    });
    expect(why(board)).toMatch(/accent.*rgb\(245, 158, 11\).*hex/);
  });
});

describe("sceneMotion", () => {
  const board = smallBoard();

  it("fades the entering scene in from 0 to 1 while its scale settles to 1", () => {
    const motion = Array.from({ length: 9 }, (_, f) => sceneMotion(board, 1, f)!);
    expect(motion[0]!.opacity).toBe(0);
    expect(motion[8]).toEqual({ opacity: 1, scale: 1, textOpacity: 1 });
    for (let f = 1; f <= 8; f++) {
      expect(motion[f]!.opacity).toBeGreaterThan(motion[f - 1]!.opacity);
      expect(motion[f]!.scale).toBeLessThan(motion[f - 1]!.scale);
    }
    expect(motion[0]!.scale).toBeGreaterThan(1);
  });

  it("keeps scenes still and opaque outside transitions, and the leaving scene opaque under the next", () => {
    const windows = sceneWindows(board);
    const bodies = planSegments(board).filter((s) => s.kind === "scene");
    expect(bodies).toHaveLength(3);
    for (const segment of bodies) {
      const scene = segment.scenes[0]!;
      for (let t = segment.from; t < segment.to; t++) expect(sceneMotion(board, scene, t - windows[scene]!.from)).toEqual({ opacity: 1, scale: 1, textOpacity: 1 });
    }
    // Scene 1 leaves over its last 8 frames: still opaque and unscaled, only its text fades.
    const leaving = Array.from({ length: 8 }, (_, k) => sceneMotion(board, 0, 22 + k)!);
    expect(leaving.every((m) => m.opacity === 1 && m.scale === 1)).toBe(true);
    expect(leaving[7]!.textOpacity).toBeLessThan(leaving[0]!.textOpacity);
  });

  it("gives no motion for a slide or a wipe, which the compositor cannot draw", () => {
    expect(sceneMotion(smallBoard(withTheme({ transition: "slide" })), 1, 3)).toBeNull();
    expect(sceneMotion(smallBoard(withTheme({ transition: "wipe" })), 1, 3)).toBeNull();
  });
});

describe("regionStep and overlayRegion", () => {
  it("picks the smallest step whose multiples are even whole output pixels", () => {
    expect(regionStep(1)).toBe(2);
    expect(regionStep(0.5)).toBe(4);
    for (const scale of [1, 0.5, 0.75, 960 / 1080]) {
      const step = regionStep(scale);
      for (let k = 1; k <= 50; k++) {
        const out = k * step * scale;
        expect(Math.abs(out - Math.round(out))).toBeLessThan(1e-9);
        expect(Math.round(out) % 2).toBe(0);
      }
      for (let smaller = 1; smaller < step; smaller++) {
        const out = smaller * scale;
        expect(Math.abs(out - Math.round(out)) < 1e-9 && Math.round(out) % 2 === 0).toBe(false);
      }
    }
  });

  const cases: [string, Storyboard, number][] = [
    ["320×180 at scale 1", smallBoard(withWatermark), 1],
    ["320×180 at scale 0.5", smallBoard(withWatermark), 0.5],
    ["1080×1920 at scale 0.5", smallBoard((input) => withCaptions("highlight")({ ...input, output: { aspect: "9:16", width: 1080, height: 1920, fps: 30 } })), 0.5],
  ];
  it.each(cases)("keeps every layer's region inside the frame and on the lattice (%s)", (_, board, scale) => {
    const step = regionStep(scale);
    const layers: OverlayLayer[] = [{ kind: "scrim", scene: 0 }, { kind: "marks" }, { kind: "captions" }, ...board.scenes.map((_, scene) => ({ kind: "headline" as const, scene }))];
    for (const layer of layers) {
      const r = overlayRegion(board, layer, scale);
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.width).toBeGreaterThan(0);
      expect(r.height).toBeGreaterThan(0);
      expect(r.x + r.width).toBeLessThanOrEqual(board.output.width);
      expect(r.y + r.height).toBeLessThanOrEqual(board.output.height);
      for (const v of [r.x, r.y, r.width, r.height]) expect(v % step).toBe(0);
      if (scale === 0.5) for (const v of [r.x, r.y, r.width, r.height]) expect((v * scale) % 2).toBe(0);
    }
    // A headline's region is a part of the frame, not all of it.
    const headline = overlayRegion(board, { kind: "headline", scene: 0 }, scale);
    expect(headline.width * headline.height).toBeLessThan(board.output.width * board.output.height);
  });
});

describe("ffmpegColor", () => {
  it("turns CSS hex colours into 0xrrggbb and refuses other syntaxes", () => {
    expect(ffmpegColor("#abc")).toBe("0xaabbcc");
    expect(ffmpegColor("#A1B2C3")).toBe("0xa1b2c3");
    expect(ffmpegColor("rgb(1, 2, 3)")).toBeNull();
    expect(ffmpegColor("rgba(15,23,42,0.78)")).toBeNull();
    expect(ffmpegColor("white")).toBeNull();
    expect(ffmpegColor("#abcd")).toBeNull();
  });
});

describe("remotionH264Args", () => {
  it("encodes frames from stdin with the segment's preset and CRF into the named MP4", () => {
    const args = remotionH264Args({ x264Preset: "ultrafast", crf: 23 }, 30, { format: "matroska" }, "/tmp/out.mp4");
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    expect([after("-r"), after("-f"), after("-i"), after("-c:v"), after("-preset"), after("-crf"), after("-pix_fmt")]).toEqual(["30", "matroska", "pipe:0", "libx264", "ultrafast", "23", "yuv420p"]);
    expect(args.at(-1)).toBe("/tmp/out.mp4");
  });
});

describe("segmentGraph", () => {
  const graphOf = (board: Storyboard, segment: PlannedSegment, scale = 1) => {
    const plan = planOverlayPages(board, segmentOverlayLayers(board, segment).map((layer) => ({ layer, from: segment.from, to: segment.to })), scale);
    const pageFiles = plan.pages.map((_, i) => `/work-dir/page-${i}.png`);
    const graph = segmentGraph({ board, segment, scale, plan, pageFiles, workDir: "/work-dir" });
    const script = graph.files.find((f) => f.path === graph.args[graph.args.indexOf("-filter_complex_script") + 1]);
    if (!script) throw new Error("the graph script is not among the files");
    /** The input index of a file, as the graph names it. */
    const inputFiles = graph.args.flatMap((a, i) => (a === "-i" ? [graph.args[i + 1]!] : []));
    const inputOf = (file: string) => inputFiles.indexOf(file);
    return { graph, script: script.content, inputOf };
  };

  it("draws a fade as both scenes' pictures, the entering one alphamerged over the other, for exactly the segment's frames", () => {
    const board = smallBoard();
    const transition = planSegments(board)[1]!;
    expect(transition).toMatchObject({ kind: "transition", from: 22, to: 30 });
    const { graph, script, inputOf } = graphOf(board, transition);
    const after = (flag: string) => graph.args[graph.args.indexOf(flag) + 1];
    expect(after("-frames:v")).toBe("8");
    expect(graph.frames).toBe(8);
    expect([after("-c:v"), after("-pix_fmt"), graph.args.at(-1)]).toEqual(["rawvideo", "yuv420p", "pipe:1"]);
    for (const photo of [PHOTOS[0]!, PHOTOS[1]!]) {
      expect(inputOf(photo)).toBeGreaterThanOrEqual(0);
      expect(script).toContain(`[${inputOf(photo)}:v]`);
    }
    expect(inputOf(PHOTOS[2]!)).toBe(-1);
    expect(script).toContain("alphamerge");
  });

  it("draws a body over a clip without any alphamerge", () => {
    const board = smallBoard(withSceneMedia(1, CLIP_MEDIA));
    const body = planSegments(board)[2]!;
    expect(body).toMatchObject({ kind: "scene", scenes: [1] });
    const { graph, script, inputOf } = graphOf(board, body);
    expect(inputOf(CLIP)).toBeGreaterThanOrEqual(0);
    expect(script).toContain(`[${inputOf(CLIP)}:v]`);
    expect(script).not.toContain("alphamerge");
    expect(graph.args[graph.args.indexOf("-frames:v") + 1]).toBe(String(body.to - body.from));
  });

  it("fills the progress bar by the frame's place in the whole video", () => {
    const board = smallBoard();
    const total = storyboardDurationInFrames(board);
    for (const segment of planSegments(board)) {
      const { script } = graphOf(board, segment);
      expect(script).toContain(`(n+${segment.from + 1})/${total})`);
    }
  });

  it("reads the marks layer only when the theme has a logo or watermark", () => {
    const segment = planSegments(smallBoard())[0]!;
    expect(segmentOverlayLayers(smallBoard(), segment).map((l) => l.kind)).toEqual(["scrim", "headline", "captions"]);
    expect(segmentOverlayLayers(smallBoard(withWatermark), segment).map((l) => l.kind)).toEqual(["scrim", "headline", "marks", "captions"]);
  });
});

describe("findFullFfmpeg", () => {
  const HEADER = [
    "Filters:",
    "  T.. = Timeline support",
    "  .S. = Slice threading",
    "  ..C = Command support",
    "  A = Audio input/output",
    "  V = Video input/output",
    "  N = Dynamic number and/or type of input/output",
    "  | = Source or sink filter",
  ];
  const LINES: Record<string, string> = {
    alphamerge: " T.. alphamerge        VV->V      Copy the luma value of the second input into the alpha channel of the first input.",
    drawbox: " T.C drawbox           V->V       Draw a colored box on the input video.",
    geq: " TS. geq               V->V       Apply generic equation to each pixel.",
    loop: " ... loop              V->V       Loop video frames.",
    overlay: " TSC overlay           VV->V      Overlay a video source on top of the input.",
    pad: " ... pad               V->V       Pad the input video.",
    perspective: " TS. perspective       V->V       Correct the perspective of video.",
    color: " ..C color             |->V       Provide an uniformly colored input.",
  };
  const OTHERS = [" ... abench            A->A       Benchmark part of a filtergraph.", " TSC colorbalance      V->V       Adjust the color balance.", " ... scale             V->V       Scale the input video size and/or convert the image format."];

  /** An executable that lists `filters` as ffmpeg 5.1's `-filters` does. */
  async function fakeFfmpeg(dir: string, name: string, filters: readonly string[]): Promise<string> {
    const file = path.join(dir, name);
    const listing = [...HEADER, ...OTHERS, ...filters.map((f) => LINES[f]!)].join("\n");
    await writeFile(file, `#!/bin/sh\ncat <<'EOF'\n${listing}\nEOF\n`);
    await chmod(file, 0o755);
    return file;
  }

  it("takes REELPRESS_FFMPEG when it lists every filter the graph needs", async () => {
    expect(Object.keys(LINES).sort()).toEqual([...FULL_FFMPEG_FILTERS].sort());
    const dir = await makeTempDir("fast-plan-ffmpeg");
    const fake = await fakeFfmpeg(dir, "my-ffmpeg", FULL_FFMPEG_FILTERS);
    expect(await findFullFfmpeg({ REELPRESS_FFMPEG: fake, PATH: "" })).toBe(fake);
  });

  it("finds ffmpeg on the PATH when REELPRESS_FFMPEG is not set", async () => {
    const dir = await makeTempDir("fast-plan-path");
    const fake = await fakeFfmpeg(dir, "ffmpeg", FULL_FFMPEG_FILTERS);
    expect(await findFullFfmpeg({ PATH: dir })).toBe(fake);
  });

  it("passes over an ffmpeg that lacks perspective", async () => {
    const dir = await makeTempDir("fast-plan-lacking");
    const empty = path.join(dir, "empty");
    await mkdir(empty);
    const fake = await fakeFfmpeg(dir, "ffmpeg", FULL_FFMPEG_FILTERS.filter((f) => f !== "perspective"));
    const found = await findFullFfmpeg({ REELPRESS_FFMPEG: fake, PATH: empty });
    expect(found).not.toBe(fake);
    // Past the fake, the system ffmpeg is the only candidate left.
    expect([null, "/usr/bin/ffmpeg"]).toContain(found);
  });
});

describe("composeAndEncode", () => {
  /** 20 s of a test pattern at 320×180 as raw frames: more than a pipe holds, so a stopped reader blocks the writer. */
  const pattern = (seconds: number) => ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", `testsrc2=s=320x180:r=30:d=${seconds}`, "-c:v", "rawvideo", "-pix_fmt", "yuv420p", "-color_range", "tv", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-f", "matroska", "pipe:1"];

  it("fails, naming the encoder, when the encoder cannot write (the compositor is stopped, not left blocked)", async () => {
    const ffmpeg = (await findFullFfmpeg())!;
    const encode = remotionH264Args({ x264Preset: "ultrafast", crf: 30 }, 30, { format: "matroska" }, "/nonexistent-folder/out.mp4");
    await expect(composeAndEncode(ffmpeg, pattern(20), encode, 600, undefined)).rejects.toThrow(/^the encoder exited with \d+: .+/);
  });

  it("fails when the compositor draws fewer frames than the segment has", async () => {
    const ffmpeg = (await findFullFfmpeg())!;
    const dir = await makeTempDir("compose");
    const encode = remotionH264Args({ x264Preset: "ultrafast", crf: 30 }, 30, { format: "matroska" }, path.join(dir, "short.mp4"));
    await expect(composeAndEncode(ffmpeg, pattern(1), encode, 60, undefined)).rejects.toThrow("the compositor drew 30 of 60 frames");
  });
});

describe("clipColorMatrix", () => {
  it("follows a clip's colour tag, and reads an untagged clip as BT.709 from 720 lines up, BT.601 below", () => {
    expect(clipColorMatrix("bt709", 480)).toBe("bt709");
    expect(clipColorMatrix("smpte170m", 1080)).toBe("smpte170m");
    expect(clipColorMatrix("bt470bg", 1080)).toBe("bt470");
    expect(clipColorMatrix("bt2020nc", 2160)).toBe("bt2020");
    expect(clipColorMatrix(null, 1080)).toBe("bt709");
    expect(clipColorMatrix(null, 720)).toBe("bt709");
    expect(clipColorMatrix(null, 360)).toBe("bt601");
    expect(clipColorMatrix("gbr", 360)).toBe("bt601");
  });
});
