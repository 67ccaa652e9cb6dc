import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kineticBand } from "../compositions/kinetic-band.js";
import { chartGeometry, GROW_SECONDS } from "../compositions/layers/ChartLayer.js";
import { sceneWindows } from "../compositions/scene-windows.js";
import { ffmpegTool } from "../src/media/ffmpeg-bin.js";
import { createRenderer, type Renderer } from "../src/render/create-renderer.js";
import { StoryboardSchema, type Aspect, type Chart, type Storyboard } from "../src/schema/storyboard.js";
import { frameLayout, OUTPUT_SIZES, type Box } from "../src/storyboard/layout.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const CHART: Chart = { bars: [{ label: "Germany", value: 67 }, { label: "France", value: 45 }, { label: "Spain", value: 38 }], unit: "%" };
const CHART_SCENE = 1;

/** The fixture storyboard with only drawn media, its content scene a chart of CHART. */
function chartBoard(aspect: Aspect): Storyboard {
  const base = makeStoryboard();
  const { width, height } = OUTPUT_SIZES[aspect];
  const drawn = (style: "gradient" | "chart", seed: number) => ({
    kind: "generated",
    style,
    seed,
    chart: style === "chart" ? CHART : null,
    provider: "generated",
    origin: null,
    license: { name: "CC0 1.0", url: null, attribution: "Drawn by reelpress" },
  });
  return StoryboardSchema.parse({
    ...base,
    output: { aspect, width, height, fps: 30 },
    scenes: base.scenes.map((scene, i) => ({ ...scene, media: drawn(i === CHART_SCENE ? "chart" : "gradient", i + 1) })),
  });
}

const run = promisify(execFile);

/** A JPEG still as RGB pixels (image2pipe: this ffmpeg build has no rawvideo muxer). */
async function rgbPixels(file: string): Promise<Buffer> {
  const ffmpeg = ffmpegTool("ffmpeg");
  const args = ["-v", "error", "-i", file, "-frames:v", "1", "-pix_fmt", "rgb24", "-c:v", "rawvideo", "-f", "image2pipe", "-"];
  const { stdout } = await run(ffmpeg.file, args, { env: ffmpeg.env, encoding: "buffer", maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

const ACCENT = [0xf5, 0x9e, 0x0b] as const;

function isAccent(pixels: Buffer, width: number, x: number, y: number): boolean {
  const at = (Math.round(y) * width + Math.round(x)) * 3;
  return ACCENT.every((channel, c) => Math.abs(pixels[at + c]! - channel) <= 28);
}

/** Share of accent-coloured pixels in a box, sampled every 4 px. */
function accentShare(pixels: Buffer, width: number, box: Box): number {
  let hits = 0;
  let total = 0;
  for (let y = box.y; y < box.y + box.height; y += 4) {
    for (let x = box.x; x < box.x + box.width; x += 4) {
      total += 1;
      if (isAccent(pixels, width, x, y)) hits += 1;
    }
  }
  return total === 0 ? 0 : hits / total;
}

/** Height of the accent run straight above the zero line at x. */
function columnHeight(pixels: Buffer, width: number, x: number, zero: number, top: number): number {
  let y = Math.floor(zero) - 2;
  while (y > top && isAccent(pixels, width, x, y)) y -= 1;
  return Math.floor(zero) - 2 - y;
}

function inset(box: Box, by: number): Box {
  return { x: box.x + by, y: box.y + by, width: Math.max(0, box.width - 2 * by), height: Math.max(0, box.height - 2 * by) };
}

let renderer: Renderer;
let dir: string;

beforeAll(async () => {
  renderer = createRenderer();
  dir = await makeTempDir("chart-render");
});

afterAll(async () => {
  await renderer?.close();
  await removeTempDirs();
});

describe("a chart scene rendered by Remotion", () => {
  for (const aspect of ["16:9", "9:16", "1:1", "4:5"] as Aspect[]) {
    it(`draws the bars in the accent colour, at their heights, inside the band between headline and captions (${aspect})`, { timeout: 180_000 }, async () => {
      const board = chartBoard(aspect);
      const { width, height } = board.output;
      const window = sceneWindows(board)[CHART_SCENE]!;
      // Well after every bar has grown; the scene has finished fading in.
      const frame = window.from + window.fadeInFrames + Math.ceil((GROW_SECONDS + 0.5) * board.output.fps) + 10;
      const file = path.join(dir, `chart-${aspect.replace(":", "x")}.jpg`);
      await renderer.renderPoster(board, file, frame);
      const pixels = await rgbPixels(file);
      expect(pixels.length).toBe(width * height * 3);

      const band = kineticBand(frameLayout(width, height));
      const geometry = chartGeometry(CHART, band);
      expect(geometry.orientation).toBe("columns");
      for (const bar of geometry.bars) expect(accentShare(pixels, width, inset(bar.bar, 6))).toBeGreaterThan(0.95);
      // Between the bars and above the shortest one there is no bar colour.
      const shortest = geometry.bars[2]!;
      const above = { x: shortest.bar.x + 6, y: band.y, width: shortest.bar.width - 12, height: shortest.value.y - band.y - 4 };
      expect(accentShare(pixels, width, above)).toBeLessThan(0.02);
      const gap = { x: geometry.bars[0]!.bar.x + geometry.bars[0]!.bar.width + 8, y: geometry.bars[0]!.bar.y, width: geometry.bars[1]!.bar.x - geometry.bars[0]!.bar.x - geometry.bars[0]!.bar.width - 16, height: geometry.bars[0]!.bar.height - 8 };
      expect(accentShare(pixels, width, gap)).toBeLessThan(0.02);
      // The drawn heights keep the values' proportions.
      const heights = geometry.bars.map((bar) => columnHeight(pixels, width, bar.bar.x + bar.bar.width / 2, geometry.zero, band.y));
      expect(heights[0]).toBeGreaterThan(geometry.bars[0]!.bar.height - 4);
      expect(heights[1]! / heights[0]!).toBeCloseTo(45 / 67, 1);
      expect(heights[2]! / heights[0]!).toBeCloseTo(38 / 67, 1);
    });
  }

  it("grows the bars in: a few frames after they start, the first is still short", { timeout: 180_000 }, async () => {
    const board = chartBoard("16:9");
    const window = sceneWindows(board)[CHART_SCENE]!;
    const enterAt = Math.round(window.fadeInFrames * 0.5);
    // The scene is still fading in here, so its scale is slightly above 1; heights are compared loosely.
    const frame = window.from + enterAt + Math.round(GROW_SECONDS * board.output.fps * 0.25);
    const file = path.join(dir, "chart-growing.jpg");
    await renderer.renderPoster(board, file, frame);
    const pixels = await rgbPixels(file);
    const band = kineticBand(frameLayout(1920, 1080));
    const geometry = chartGeometry(CHART, band);
    const first = geometry.bars[0]!;
    const grown = columnHeight(pixels, 1920, first.bar.x + first.bar.width / 2, geometry.zero, band.y);
    expect(grown).toBeGreaterThan(first.bar.height * 0.2);
    expect(grown).toBeLessThan(first.bar.height * 0.8);
  });
});
