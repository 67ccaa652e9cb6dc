import { execFile } from "node:child_process";
import { readFile, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { crc32, deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coverCrop, type FocusPoint } from "../src/media/cover-crop.js";
import { createFocusFinder } from "../src/media/create-focus-finder.js";
import { ffmpegTool } from "../src/media/ffmpeg-bin.js";
import { findFocus } from "../src/media/find-focus.js";
import { focusFromPixels } from "../src/media/focus-from-pixels.js";
import { focusMedia } from "../src/match/focus-media.js";
import type { MediaProvider } from "../src/match/media-provider.js";
import { swapSceneMedia } from "../src/match/swap-media.js";
import type { MatchCandidate, Media } from "../src/schema/storyboard.js";
import { MEDIALIB_IMAGES } from "./helpers/fake-pexels.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const run = promisify(execFile);
const PORTRAIT = { width: 1080, height: 1920 };

describe("coverCrop", () => {
  it("scales a 16:9 photo to the 9:16 frame's height and shows its right part for a focus at x 0.8", () => {
    const crop = coverCrop({ width: 1920, height: 1080 }, PORTRAIT, { x: 0.8, y: 0.5 });
    expect(crop.height).toBe(1920);
    expect(crop.width).toBeCloseTo(3413.333, 2);
    // 540 − 0.8 × 3413.333: the focus column lands on the frame's centre.
    expect(crop.x).toBeCloseTo(-2190.667, 2);
    expect(crop.y).toBe(0);
  });

  it("centres the photo for a focus at 0.5", () => {
    const crop = coverCrop({ width: 1920, height: 1080 }, PORTRAIT, { x: 0.5, y: 0.5 });
    expect(crop.x).toBeCloseTo(-1166.667, 2);
    expect(crop.y).toBe(0);
  });

  it("clamps at the left and right edges so no edge of the photo shows", () => {
    expect(coverCrop({ width: 1920, height: 1080 }, PORTRAIT, { x: 0, y: 0.5 }).x).toBe(0);
    expect(coverCrop({ width: 1920, height: 1080 }, PORTRAIT, { x: 1, y: 0.5 }).x).toBeCloseTo(1080 - 3413.333, 2);
    expect(coverCrop({ width: 2000, height: 1000 }, { width: 1000, height: 1000 }, { x: 0.8, y: 0.5 })).toEqual({ width: 2000, height: 1000, x: -1000, y: 0 });
    expect(coverCrop({ width: 2000, height: 1000 }, { width: 1000, height: 1000 }, { x: 0.7, y: 0.5 })).toEqual({ width: 2000, height: 1000, x: -900, y: 0 });
  });

  it("moves a tall photo vertically in a wide frame, clamped at the top", () => {
    expect(coverCrop({ width: 1000, height: 2000 }, { width: 1000, height: 1000 }, { x: 0.5, y: 0.6 })).toEqual({ width: 1000, height: 2000, x: 0, y: -700 });
    expect(coverCrop({ width: 1000, height: 2000 }, { width: 1000, height: 1000 }, { x: 0.5, y: 0.1 })).toEqual({ width: 1000, height: 2000, x: 0, y: 0 });
  });

  it("leaves a photo of the frame's aspect unshifted whatever the focus", () => {
    expect(coverCrop({ width: 640, height: 360 }, { width: 1920, height: 1080 }, { x: 0.9, y: 0.1 })).toEqual({ width: 1920, height: 1080, x: 0, y: 0 });
  });

  it("treats a focus outside 0–1 as the nearest edge", () => {
    expect(coverCrop({ width: 2000, height: 1000 }, { width: 1000, height: 1000 }, { x: 1.7, y: -3 })).toEqual({ width: 2000, height: 1000, x: -1000, y: 0 });
  });
});

type Rgb = readonly [number, number, number];

interface Subject {
  /** Centre and half-size as fractions of the picture. */
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  color: Rgb;
}

/**
 * A synthetic picture: a background (plain, or softly textured with a fixed ripple) and an
 * elliptical subject. Deterministic, no randomness.
 */
function picture(width: number, height: number, background: Rgb, subject: Subject | null, texture = 0): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const u = (x + 0.5) / width;
      const v = (y + 0.5) / height;
      const inside = subject !== null && ((u - subject.cx) / subject.rx) ** 2 + ((v - subject.cy) / subject.ry) ** 2 <= 1;
      const ripple = texture * (Math.sin(x * 0.9) * Math.cos(y * 0.7) + 0.5 * Math.sin((x + 2 * y) * 0.31));
      const color = inside ? subject.color : background;
      for (let c = 0; c < 3; c += 1) rgb[(y * width + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(color[c]! + (inside ? 0 : ripple))));
    }
  }
  return rgb;
}

/** A minimal RGB PNG: this ffmpeg build reads PNG but has no raw-video demuxer. */
function encodePng(rgb: Uint8Array, width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) Buffer.from(rgb.buffer, rgb.byteOffset + y * width * 3, width * 3).copy(rows, y * (width * 3 + 1) + 1);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

async function ffmpeg(args: string[]): Promise<void> {
  const { file, env } = ffmpegTool("ffmpeg");
  await run(file, ["-y", "-v", "error", ...args], { env });
}

const GREY: Rgb = [110, 110, 110];
const RED: Rgb = [230, 30, 40];
const SKIN: Rgb = [224, 172, 138];

function expectNear(focus: FocusPoint, x: number, y: number, within = 0.1): void {
  expect(Math.abs(focus.x - x), `x ${focus.x.toFixed(3)} vs ${x}`).toBeLessThanOrEqual(within);
  expect(Math.abs(focus.y - y), `y ${focus.y.toFixed(3)} vs ${y}`).toBeLessThanOrEqual(within);
}

describe("focusFromPixels", () => {
  const W = 96;
  const H = 54;

  it.each([
    ["a bright subject on the left of a plain grey picture", GREY, { cx: 0.2, cy: 0.5, rx: 0.07, ry: 0.15, color: [250, 250, 245] as Rgb }, 0],
    ["a saturated subject on the right of a plain grey picture", GREY, { cx: 0.8, cy: 0.55, rx: 0.08, ry: 0.2, color: RED }, 0],
    ["a skin-toned subject near the top of a softly textured green picture", [70, 120, 60] as Rgb, { cx: 0.6, cy: 0.25, rx: 0.06, ry: 0.12, color: SKIN }, 12],
    ["a saturated subject at the right of a softly textured grey picture", GREY, { cx: 0.75, cy: 0.4, rx: 0.07, ry: 0.15, color: [40, 90, 230] as Rgb }, 15],
  ])("lands on %s", (_, background, subject, texture) => {
    expectNear(focusFromPixels(picture(W, H, background, subject, texture), W, H), subject.cx, subject.cy);
  });

  it("finds a subject that differs from the background in colour only, not in brightness", () => {
    // Both have a luminance of about 128: only the a*/b* channels set the subject off.
    const subject = { cx: 0.25, cy: 0.6, rx: 0.08, ry: 0.18, color: [200, 100, 128] as Rgb };
    expectNear(focusFromPixels(picture(W, H, [128, 128, 128], subject), W, H), subject.cx, subject.cy);
  });

  it("prefers a subject set off from its surroundings over busy stripes that run to the edge", () => {
    // High-contrast upright stripes (tree trunks, a fence) across the left quarter, from top to bottom.
    const subject = { cx: 0.72, cy: 0.5, rx: 0.06, ry: 0.14, color: [200, 170, 60] as Rgb };
    const rgb = picture(W, H, GREY, subject);
    for (let y = 0; y < H; y += 1) {
      for (let x = 0; x < W / 4; x += 1) {
        const value = x % 4 < 2 ? 20 : 235;
        rgb.fill(value, (y * W + x) * 3, (y * W + x) * 3 + 3);
      }
    }
    expectNear(focusFromPixels(rgb, W, H), subject.cx, subject.cy);
  });

  it("finds a subject low in a portrait picture", () => {
    const subject = { cx: 0.45, cy: 0.78, rx: 0.15, ry: 0.08, color: RED };
    expectNear(focusFromPixels(picture(54, 96, GREY, subject), 54, 96), subject.cx, subject.cy);
  });

  it("answers the centre for a picture with nothing in it", () => {
    expect(focusFromPixels(picture(W, H, GREY, null), W, H)).toEqual({ x: 0.5, y: 0.5 });
  });

  it("answers the centre for pixels that do not fill the size given", () => {
    expect(focusFromPixels(new Uint8Array(10), W, H)).toEqual({ x: 0.5, y: 0.5 });
    expect(focusFromPixels(new Uint8Array(0), 0, 0)).toEqual({ x: 0.5, y: 0.5 });
  });
});

describe("findFocus on files", () => {
  let dir: string;
  /** 640×360, subject box from x 0.72 to 0.88 and y 0.3 to 0.7. */
  let png: string;
  let jpeg: string;
  /** 3 s at 5 fps, a keyframe each second: the subject is on the left for the first second, on the right after. */
  let clip: string;
  const BOX = { left: 0.72, right: 0.88, top: 0.3, bottom: 0.7 };

  beforeAll(async () => {
    dir = await makeTempDir("focus");
    const subject = { cx: (BOX.left + BOX.right) / 2, cy: (BOX.top + BOX.bottom) / 2, rx: (BOX.right - BOX.left) / 2, ry: (BOX.bottom - BOX.top) / 2, color: RED };
    png = path.join(dir, "right.png");
    await writeFile(png, encodePng(picture(640, 360, GREY, subject, 10), 640, 360));
    jpeg = path.join(dir, "right.jpg");
    await ffmpeg(["-i", png, "-q:v", "3", jpeg]);
    const left = encodePng(picture(320, 180, GREY, { ...subject, cx: 0.2 }, 10), 320, 180);
    const right = encodePng(picture(320, 180, GREY, { ...subject, cx: 0.8 }, 10), 320, 180);
    for (let frame = 0; frame < 15; frame += 1) await writeFile(path.join(dir, `frame-${String(frame).padStart(2, "0")}.png`), frame < 5 ? left : right);
    clip = path.join(dir, "moves-right.mp4");
    await ffmpeg(["-framerate", "5", "-i", path.join(dir, "frame-%02d.png"), "-c:v", "libx264", "-g", "5", "-pix_fmt", "yuv420p", "-r", "5", clip]);
  });

  afterAll(removeTempDirs);

  it("finds the subject in a PNG and in a JPEG of it", async () => {
    expectNear(await findFocus(png), 0.8, 0.5);
    expectNear(await findFocus(jpeg), 0.8, 0.5);
  });

  it("reads an H.264 clip near its middle, or at the time given", async () => {
    expectNear(await findFocus(clip, { kind: "video" }), 0.8, 0.5);
    expectNear(await findFocus(clip, { kind: "video", atSeconds: 0.4 }), 0.2, 0.5);
  });

  it("reads a JPEG turned by its EXIF orientation as it is displayed", async () => {
    // Orientation 6 (turn 90° clockwise): the subject at the right, half-way down, shows at the bottom, half-way across.
    const tiff = Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]);
    const payload = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
    const segment = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
    const bytes = await readFile(jpeg);
    const turned = path.join(dir, "turned.jpg");
    await writeFile(turned, Buffer.concat([bytes.subarray(0, 2), segment, bytes.subarray(2)]));
    expectNear(await findFocus(turned), 0.5, 0.8);
  });

  it("answers the centre for a file that is not a picture, or is missing", async () => {
    const text = path.join(dir, "notes.jpg");
    await writeFile(text, "not a picture");
    expect(await findFocus(text)).toEqual({ x: 0.5, y: 0.5 });
    expect(await findFocus(path.join(dir, "missing.png"))).toEqual({ x: 0.5, y: 0.5 });
    expect(await findFocus(text, { kind: "video" })).toEqual({ x: 0.5, y: 0.5 });
  });

  it("rejects when cancelled instead of answering the centre", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(findFocus(png, { signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
  });

  it("keeps the whole subject in a 9:16 crop of a 16:9 picture, where a centre crop cuts it", async () => {
    const media = { width: 640, height: 360 };
    const inFrame = (focus: FocusPoint) => {
      const crop = coverCrop(media, PORTRAIT, focus);
      const left = crop.x + BOX.left * crop.width;
      const right = crop.x + BOX.right * crop.width;
      const top = crop.y + BOX.top * crop.height;
      const bottom = crop.y + BOX.bottom * crop.height;
      return left >= 0 && right <= PORTRAIT.width && top >= 0 && bottom <= PORTRAIT.height;
    };
    expect(inFrame(await findFocus(jpeg))).toBe(true);
    expect(inFrame({ x: 0.5, y: 0.5 })).toBe(false);
  });

  it("gives real photos a point inside the picture, the same every time", async () => {
    const photos = ["coco_train2017_000000000790.jpg", "coco_train2017_000000030752.jpg", "coco_train2017_000000183872.jpg", "coco_val2017_000000020247.jpg", "coco_val2017_000000153797.jpg"];
    for (const photo of photos) {
      const file = path.join(MEDIALIB_IMAGES, photo);
      const first = await findFocus(file);
      expect(first.x).toBeGreaterThanOrEqual(0);
      expect(first.x).toBeLessThanOrEqual(1);
      expect(first.y).toBeGreaterThanOrEqual(0);
      expect(first.y).toBeLessThanOrEqual(1);
      expect(await findFocus(file)).toEqual(first);
    }
  });

  it("moves the crop onto a lone skier at the right of a medialib photo", async () => {
    // coco 183872: one skier on an empty slope, at about x 0.63–0.79 of the picture.
    const focus = await findFocus(path.join(MEDIALIB_IMAGES, "coco_train2017_000000183872.jpg"));
    expect(focus.x).toBeGreaterThan(0.6);
    expect(focus.x).toBeLessThan(0.82);
  });
});

describe("createFocusFinder", () => {
  let dir: string;
  let photo: string;

  beforeAll(async () => {
    dir = await makeTempDir("focus-finder");
    photo = path.join(dir, "photo.png");
    await writeFile(photo, encodePng(picture(64, 36, GREY, { cx: 0.8, cy: 0.5, rx: 0.1, ry: 0.2, color: RED }), 64, 36));
  });

  afterAll(removeTempDirs);

  it("reads a file once per run and keeps the answer on disk for the next run", async () => {
    const cacheDir = path.join(dir, "cache");
    let calls = 0;
    const detect = async (): Promise<FocusPoint> => {
      calls += 1;
      return { x: 0.7, y: 0.4 };
    };
    const first = createFocusFinder({ cacheDir, detect });
    expect(await Promise.all([first(photo), first(photo)])).toEqual([
      { x: 0.7, y: 0.4 },
      { x: 0.7, y: 0.4 },
    ]);
    expect(calls).toBe(1);
    const failing = async (): Promise<FocusPoint> => {
      throw new Error("must not decode again");
    };
    expect(await createFocusFinder({ cacheDir, detect: failing })(photo)).toEqual({ x: 0.7, y: 0.4 });
  });

  it("reads a file again once it has changed", async () => {
    const cacheDir = path.join(dir, "cache-changed");
    const file = path.join(dir, "changing.png");
    await writeFile(file, "one");
    let answer = { x: 0.2, y: 0.3 };
    const detect = async (): Promise<FocusPoint> => answer;
    expect(await createFocusFinder({ cacheDir, detect })(file)).toEqual({ x: 0.2, y: 0.3 });
    await writeFile(file, "two, longer");
    const later = new Date((await stat(file)).mtimeMs + 5000);
    await utimes(file, later, later);
    answer = { x: 0.9, y: 0.6 };
    expect(await createFocusFinder({ cacheDir, detect })(file)).toEqual({ x: 0.9, y: 0.6 });
  });

  it("decodes no more files at once than its concurrency", async () => {
    const files = await Promise.all(
      [0, 1, 2, 3, 4].map(async (i) => {
        const file = path.join(dir, `many-${i}.png`);
        await writeFile(file, `picture ${i}`);
        return file;
      }),
    );
    let running = 0;
    let most = 0;
    const waiting: (() => void)[] = [];
    let onStart: (() => void) | null = null;
    const detect = async (): Promise<FocusPoint> => {
      running += 1;
      most = Math.max(most, running);
      const held = new Promise<void>((resolve) => waiting.push(resolve));
      onStart?.();
      await held;
      running -= 1;
      return { x: 0.5, y: 0.5 };
    };
    const held = async (count: number): Promise<void> => {
      while (waiting.length < count) await new Promise<void>((resolve) => (onStart = resolve));
    };
    const find = createFocusFinder({ concurrency: 2, detect });
    const all = Promise.all(files.map((file) => find(file)));
    // Each time two decodes are held (or all that are left), release the oldest; a third never starts meanwhile.
    for (let released = 0; released < files.length; released += 1) {
      await held(Math.min(2, files.length - released));
      // Give the finder's own file reads, issued earlier, time to land: a third decode would start now.
      for (const file of files) await stat(file);
      expect(running).toBe(Math.min(2, files.length - released));
      waiting.shift()!();
    }
    await all;
    expect(most).toBe(2);
  });

  it("answers null for a file it cannot read, so the caller keeps its focus", async () => {
    const find = createFocusFinder();
    expect(await find(path.join(dir, "missing.png"))).toBeNull();
    const text = path.join(dir, "text.png");
    await writeFile(text, "not a picture");
    expect(await find(text)).toBeNull();
  });

  it("finds the real focus of a file with the default detector", async () => {
    expectNear((await createFocusFinder()(photo))!, 0.8, 0.5);
  });
});

describe("focusMedia", () => {
  const license = { name: "CC0", url: null, attribution: "test" };
  const image: Media = { kind: "image", file: "/pics/a.jpg", width: 1600, height: 900, alt: "", focus: { x: 0.5, y: 0.45 }, provider: "library", origin: null, license, creator: null, sourceId: null };
  const video: Media = { kind: "video", file: "/clips/b.mp4", width: 1920, height: 1080, durationSeconds: 8, fps: 25, focus: { x: 0.5, y: 0.5 }, provider: "pexels", origin: null, license, creator: null, sourceId: null };
  const drawn: Media = { kind: "generated", style: "gradient", chart: null, seed: 3, provider: "generated", origin: null, license, creator: null, sourceId: null };

  it("sets the focus of images and videos (a video read at its middle) and leaves generated visuals alone", async () => {
    const asked: unknown[] = [];
    const finder = async (file: string, options?: { kind?: string; atSeconds?: number }): Promise<FocusPoint | null> => {
      asked.push([file, options?.kind, options?.atSeconds]);
      return file.endsWith(".mp4") ? { x: 0.8, y: 0.3 } : { x: 0.25, y: 0.6 };
    };
    const out = await focusMedia([image, video, drawn], finder);
    expect(out.map((m) => (m.kind === "generated" ? null : m.focus))).toEqual([{ x: 0.25, y: 0.6 }, { x: 0.8, y: 0.3 }, null]);
    expect(out[2]).toBe(drawn);
    expect(asked).toEqual([
      ["/pics/a.jpg", "image", undefined],
      ["/clips/b.mp4", "video", 4],
    ]);
  });

  it("keeps the provider's focus when the finder cannot read a file", async () => {
    const out = await focusMedia([image], async () => null);
    expect(out[0]).toEqual(image);
  });
});

describe("swapSceneMedia", () => {
  afterAll(removeTempDirs);

  it("gives the swapped-in photo the focus of its subject", async () => {
    const dir = await makeTempDir("focus-swap");
    const file = path.join(dir, "kite-right.png");
    await writeFile(file, encodePng(picture(160, 90, GREY, { cx: 0.8, cy: 0.45, rx: 0.07, ry: 0.15, color: RED }), 160, 90));
    const license = { name: "CC0", url: null, attribution: "test" };
    const score = { total: 1, text: 1, context: 0, orientation: 0, resolution: 0, duration: 0, priority: 0, duplicate: 0 };
    const pick: MatchCandidate = { provider: "library", id: "kite-right.png", kind: "image", title: "a kite", width: 160, height: 90, durationSeconds: null, source: file, pageUrl: null, creator: null, fps: null, license, score };
    const board = makeStoryboard();
    const scenes = board.scenes.map((scene) => (scene.id === "s1" ? { ...scene, match: { chosen: { ...pick, id: "old.jpg", source: "/tmp/none.jpg" }, alternatives: [pick] } } : scene));
    const library: MediaProvider = {
      name: "library",
      search: async () => [],
      // As the library provider does: the file in place, with its default focus.
      fetch: async (c) => ({ kind: "image", file, width: 160, height: 90, alt: c.text.title, focus: { x: 0.5, y: 0.45 }, provider: "library", origin: null, license, creator: null, sourceId: c.id }),
    };
    const noDownloads = async (): Promise<never> => {
      throw new Error("no downloads in this test");
    };
    const { board: swapped } = await swapSceneMedia({ ...board, scenes }, "s1", 1, { providers: [library], cacheDir: path.join(dir, "cache"), fetchBytes: noDownloads, maxBytes: 1e6 });
    const media = swapped.scenes[0]!.media;
    expect(media.kind).toBe("image");
    if (media.kind !== "image") return;
    expectNear(media.focus, 0.8, 0.45);
  });
});
