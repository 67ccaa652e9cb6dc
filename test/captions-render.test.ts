import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCaptionPage, activeCaptionWord } from "../compositions/active-caption-page.js";
import { ffmpegTool } from "../src/media/ffmpeg-bin.js";
import { createRenderer, type Renderer } from "../src/render/create-renderer.js";
import { StoryboardSchema, type Aspect, type Storyboard } from "../src/schema/storyboard.js";
import { frameLayout, OUTPUT_SIZES, type Box } from "../src/storyboard/layout.js";
import { sceneCaptions } from "../src/storyboard/scene-captions.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const run = promisify(execFile);
const CONTENT = 1;
const NARRATION = "The city opened twelve kilometres of protected lanes on Monday. Riders cheered.";
const ACCENT = [0xf5, 0x9e, 0x0b] as const;
/** A pixel that moved by more than this (sum over RGB) is drawn by the captions, not JPEG noise. */
const CHANGED = 60;

/** The fixture storyboard with drawn backgrounds only, in a caption style, its content scene saying `narration`. */
function board(aspect: Aspect, captions: Storyboard["captions"], narration = NARRATION, lang = "en"): Storyboard {
  const base = makeStoryboard();
  const { width, height } = OUTPUT_SIZES[aspect];
  return StoryboardSchema.parse({
    ...base,
    meta: { ...base.meta, lang },
    output: { aspect, width, height, fps: 30 },
    captions,
    scenes: base.scenes.map((scene, i) => ({
      ...scene,
      narration: i === CONTENT ? narration : scene.narration,
      media: { kind: "generated", style: "gradient", seed: i + 1, provider: "generated", origin: null, license: { name: "CC0 1.0", url: null, attribution: "Drawn by reelpress" } },
    })),
  });
}

/** A frame in the content scene where the second word of the first highlight page is lit and fully popped. */
function highlightFrame(b: Storyboard): number {
  const scene = b.scenes[CONTENT]!;
  const page = sceneCaptions(b, scene, { style: "highlight" })[0]!;
  const word = page.words.flat()[1]!;
  const frame = Math.ceil((word.startMs * 30) / 1000) + 4;
  expect(((frame * 1000) / 30)).toBeLessThan(word.endMs);
  expect(activeCaptionWord(activeCaptionPage([page], (frame * 1000) / 30)!, (frame * 1000) / 30)?.word.text).toBe(word.text);
  return frame;
}

async function rgbPixels(file: string): Promise<Buffer> {
  const ffmpeg = ffmpegTool("ffmpeg");
  const args = ["-v", "error", "-i", file, "-frames:v", "1", "-pix_fmt", "rgb24", "-c:v", "rawvideo", "-f", "image2pipe", "-"];
  const { stdout } = await run(ffmpeg.file, args, { env: ffmpeg.env, encoding: "buffer", maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

interface Still {
  pixels: Buffer;
  width: number;
  height: number;
}

function changedBox(a: Still, b: Still): { count: number; box: Box | null; outside: (area: Box) => number } {
  const changed: [number, number][] = [];
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const at = (y * a.width + x) * 3;
      const diff = Math.abs(a.pixels[at]! - b.pixels[at]!) + Math.abs(a.pixels[at + 1]! - b.pixels[at + 1]!) + Math.abs(a.pixels[at + 2]! - b.pixels[at + 2]!);
      if (diff <= CHANGED) continue;
      changed.push([x, y]);
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  if (changed.length === 0) return { count: 0, box: null, outside: () => 0 };
  return {
    count: changed.length,
    box: { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 },
    outside: (area) => changed.filter(([x, y]) => x < area.x || y < area.y || x >= area.x + area.width || y >= area.y + area.height).length,
  };
}

function accentShare(still: Still, area: Box): number {
  let hits = 0;
  let total = 0;
  for (let y = area.y; y < area.y + area.height; y += 2) {
    for (let x = area.x; x < area.x + area.width; x += 2) {
      const at = (y * still.width + x) * 3;
      total += 1;
      if (ACCENT.every((channel, c) => Math.abs(still.pixels[at + c]! - channel) <= 36)) hits += 1;
    }
  }
  return hits / total;
}

let renderer: Renderer;
let dir: string;
let shot = 0;

async function still(b: Storyboard, frame: number): Promise<Still> {
  const file = path.join(dir, `still-${shot++}.jpg`);
  await renderer.renderPoster(b, file, frame);
  const pixels = await rgbPixels(file);
  expect(pixels.length).toBe(b.output.width * b.output.height * 3);
  return { pixels, width: b.output.width, height: b.output.height };
}

beforeAll(async () => {
  renderer = createRenderer();
  dir = await makeTempDir("captions-render");
});

afterAll(async () => {
  await renderer?.close();
  await removeTempDirs();
});

describe("captions rendered by Remotion", () => {
  const layout = frameLayout(1920, 1080);
  const captions = { x: layout.captions.x, y: layout.captions.y, width: layout.captions.width, height: layout.captions.height };
  const frame = highlightFrame(board("16:9", { style: "highlight", burn: true }));
  let reference: Still;

  beforeAll(async () => {
    // The same frame with no narration in the scene: no caption layer at all.
    reference = await still(board("16:9", { style: "subtitles", burn: true }, ""), frame);
  }, 240_000);

  it("highlight: draws big words in the captions box with the spoken one in the accent colour", { timeout: 180_000 }, async () => {
    const shown = await still(board("16:9", { style: "highlight", burn: true }), frame);
    const change = changedBox(reference, shown);
    expect(change.count).toBeGreaterThan(2000);
    expect(change.outside(captions)).toBe(0);
    expect(accentShare(shown, captions)).toBeGreaterThan(0.004);
    expect(accentShare(reference, captions)).toBe(0);
  });

  it("subtitles: draws the dark subtitle box and its text inside the captions box, with no accent colour", { timeout: 180_000 }, async () => {
    const shown = await still(board("16:9", { style: "subtitles", burn: true }), frame);
    const change = changedBox(reference, shown);
    expect(change.count).toBeGreaterThan(20_000);
    expect(change.outside(captions)).toBe(0);
    expect(accentShare(shown, captions)).toBe(0);
  });

  it("headline: draws no running captions", { timeout: 180_000 }, async () => {
    const shown = await still(board("16:9", { style: "headline", burn: true }), frame);
    expect(changedBox(reference, shown).count).toBe(0);
  });

  it("burn false: draws no caption pixels, whatever the style", { timeout: 180_000 }, async () => {
    const shown = await still(board("16:9", { style: "highlight", burn: false }), frame);
    expect(changedBox(reference, shown).count).toBe(0);
  });

  it("keeps a 1:1 highlight page inside the safe area, with the spoken word in the accent colour", { timeout: 240_000 }, async () => {
    const square = frameLayout(1080, 1080);
    const shown = board("1:1", { style: "highlight", burn: true });
    const at = highlightFrame(shown);
    const before = await still(board("1:1", { style: "highlight", burn: true }, ""), at);
    const after = await still(shown, at);
    const change = changedBox(before, after);
    expect(change.count).toBeGreaterThan(2000);
    expect(change.box!.width).toBeGreaterThan(square.safe.width * 0.3);
    expect(change.outside(square.safe)).toBe(0);
    expect(change.outside(square.captions)).toBe(0);
    expect(accentShare(after, square.captions)).toBeGreaterThan(0.002);
  });

  it("keeps a two-line Chinese subtitle page inside the 9:16 safe area", { timeout: 240_000 }, async () => {
    const text = "在欧洲和亚洲，市议会正在不超过网球场大小的地块上种植茂密的本土树林。宫胁造林法在每平方米种下三棵树苗。";
    const tall = frameLayout(1080, 1920);
    const shown = board("9:16", { style: "subtitles", burn: true }, text, "zh");
    const page = sceneCaptions(shown, shown.scenes[CONTENT]!, { style: "subtitles" })[0]!;
    expect(page.lines).toHaveLength(2);
    const at = Math.ceil((page.startMs * 30) / 1000) + 6;
    expect((at * 1000) / 30).toBeLessThan(page.endMs);
    const before = await still(board("9:16", { style: "subtitles", burn: true }, "", "zh"), at);
    const after = await still(shown, at);
    const change = changedBox(before, after);
    expect(change.count).toBeGreaterThan(20_000);
    expect(change.box!.width).toBeGreaterThan(tall.safe.width * 0.6);
    expect(change.outside(tall.safe)).toBe(0);
    expect(change.outside(tall.captions)).toBe(0);
  });

  it("keeps a highlight page with a 40-character word inside the 9:16 safe area", { timeout: 240_000 }, async () => {
    const text = "Das neue Wärmedämmverbundsystemförderungsprogramm startet im Mai.";
    const tall = frameLayout(1080, 1920);
    const shown = board("9:16", { style: "highlight", burn: true }, text);
    const page = sceneCaptions(shown, shown.scenes[CONTENT]!, { style: "highlight" }).find((p) => p.lines.includes("Wärmedämmverbundsystemförderungsprogramm"))!;
    const at = Math.ceil((page.words.flat().find((w) => w.text.startsWith("Wärme"))!.startMs * 30) / 1000) + 4;
    const before = await still(board("9:16", { style: "highlight", burn: true }, ""), at);
    const after = await still(shown, at);
    const change = changedBox(before, after);
    expect(change.box!.width).toBeGreaterThan(tall.safe.width * 0.6);
    expect(change.outside(tall.safe)).toBe(0);
    expect(change.outside(tall.captions)).toBe(0);
    expect(accentShare(after, tall.captions)).toBeGreaterThan(0.002);
  });
});
