import { createHash } from "node:crypto";
import { readdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReelpressError } from "../src/errors.js";
import { cacheImage } from "../src/match/cache-image.js";
import { createMediaCache, type Download, type MediaRequest } from "../src/match/media-cache.js";
import { runFfmpegTool } from "../src/media/ffmpeg-bin.js";
import { probeVideo } from "../src/media/probe-media.js";
import { makeStockMedia, MEDIALIB_IMAGES, type StockMedia } from "./helpers/fake-pexels.js";
import { startServer, type TestServer } from "./helpers/serve.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const T0 = 1_750_000_000_000;
const PHOTOS = ["coco_val2017_000000397133.jpg", "coco_val2017_000000000139.jpg", "coco_val2017_000000000802.jpg"];

let server: TestServer;
let media: StockMedia;
let photos: Buffer[];
let webm: Buffer;
/** A faststart MP4 (its header, moov, at the front) and the first 60 % of it. */
let faststart: Buffer;
let faststartCutFile: string;

/** Fetches without retries or limits: the cache is what is under test. */
const download: Download = async (url, { signal }, consume) => {
  const response = await fetch(url, { signal });
  if (!response.ok || !response.body) throw new ReelpressError("E_MEDIA", `HTTP ${response.status} from ${url}`);
  const length = response.headers.get("content-length");
  return consume({ chunks: response.body, contentLength: length === null ? null : Number(length), contentType: response.headers.get("content-type") });
};

const refuseFetch = (): never => {
  throw new Error("the test image is read from a file: URL");
};
const image = (extra: Partial<MediaRequest> = {}): MediaRequest => ({ kind: "image", download, maxBytes: 10_000_000, ...extra });
const video = (extra: Partial<MediaRequest> = {}): MediaRequest => ({ kind: "video", download, maxBytes: 10_000_000, videoCodecs: ["h264"], ...extra });
const sha = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");
const hits = (pathname: string): number => server.requests.filter((r) => r.path === pathname).length;

beforeAll(async () => {
  const work = await makeTempDir("media-cache-src");
  media = await makeStockMedia(work);
  photos = await Promise.all(PHOTOS.map((name) => readFile(path.join(MEDIALIB_IMAGES, name))));
  const webmFile = path.join(work, "clip.webm");
  await runFfmpegTool("ffmpeg", ["-y", "-v", "error", "-loop", "1", "-i", path.join(MEDIALIB_IMAGES, PHOTOS[0]!), "-t", "1", "-r", "10", "-vf", "scale=160:-2", "-c:v", "libvpx", "-f", "webm", webmFile]);
  webm = await readFile(webmFile);
  const faststartFile = path.join(work, "faststart.mp4");
  await runFfmpegTool("ffmpeg", ["-y", "-v", "error", "-loop", "1", "-i", path.join(MEDIALIB_IMAGES, PHOTOS[1]!), "-t", "2", "-r", "30", "-vf", "scale=320:-2,format=yuv420p", "-c:v", "libx264", "-g", "15", "-movflags", "+faststart", faststartFile]);
  faststart = await readFile(faststartFile);
  faststartCutFile = path.join(work, "faststart-cut.mp4");
  await writeFile(faststartCutFile, faststart.subarray(0, Math.floor(faststart.length * 0.6)));
  const jpeg = { "content-type": "image/jpeg" };
  server = await startServer({
    "/a.jpg": { headers: jpeg, body: photos[0] },
    "/b.jpg": { headers: jpeg, body: photos[1] },
    "/c.jpg": { headers: jpeg, body: photos[2] },
    "/a-again.jpg": { headers: jpeg, body: photos[0] },
    "/clip.mp4": { headers: { "content-type": "video/mp4" }, body: media.mp4 },
    "/clip.webm": { headers: { "content-type": "video/webm" }, body: webm },
    "/half.jpg": { headers: jpeg, body: photos[0]!.subarray(0, 20_000) },
    "/half.mp4": { headers: { "content-type": "video/mp4" }, body: media.mp4.subarray(0, media.mp4.length >> 1) },
    "/faststart.mp4": { headers: { "content-type": "video/mp4" }, body: faststart },
    "/faststart-cut.mp4": { headers: { "content-type": "video/mp4" }, body: await readFile(faststartCutFile) },
    "/error-page.jpg": { headers: jpeg, body: "<!doctype html><title>404</title><h1>Not found</h1>" },
    "/cut.jpg": (_req, res) => {
      res.writeHead(200, { ...jpeg, "content-length": photos[0]!.length });
      res.write(photos[0]!.subarray(0, 10_000), () => res.socket?.destroy());
    },
    "/unannounced.jpg": (_req, res) => {
      // Chunked: no Content-Length to refuse it by.
      res.writeHead(200, jpeg);
      res.write(photos[0]!.subarray(0, 30_000));
      res.end(photos[0]!.subarray(30_000));
    },
  });
}, 60_000);

afterAll(async () => {
  await server.close();
  await removeTempDirs();
});

/** The files of the download cache's own folder. */
async function mediaFiles(cacheDir: string): Promise<string[]> {
  const entries = await readdir(path.join(cacheDir, "media", "stock"), { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name).sort();
}

async function expectMediaError(promise: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReelpressError);
  expect((error as ReelpressError).code).toBe("E_MEDIA");
  expect((error as Error).message).toMatch(message);
}

describe("media cache", () => {
  it("stores a download under its SHA-256 and serves it again without a request", async () => {
    const cacheDir = await makeTempDir("media-cache");
    const first = await createMediaCache({ cacheDir }).get(server.url("/a.jpg"), image());
    expect(first).toEqual({ kind: "image", file: path.join(cacheDir, "media", "stock", `${sha(photos[0]!)}.jpg`), width: 640, height: 427, durationSeconds: null, fps: null, bytes: photos[0]!.length });
    expect(await readFile(first.file)).toEqual(photos[0]);
    const again = await createMediaCache({ cacheDir }).get(server.url("/a.jpg"), image());
    expect(again).toEqual(first);
    expect(hits("/a.jpg")).toBe(1);
  });

  it("keeps one file for the same bytes at two addresses", async () => {
    const cacheDir = await makeTempDir("media-cache");
    const cache = createMediaCache({ cacheDir });
    const a = await cache.get(server.url("/a.jpg"), image());
    const b = await cache.get(server.url("/a-again.jpg"), image());
    expect(b.file).toBe(a.file);
    expect(await mediaFiles(cacheDir)).toEqual([path.basename(a.file)]);
  });

  it("downloads once when the same address is asked for twice at the same time", async () => {
    const cacheDir = await makeTempDir("media-cache");
    const cache = createMediaCache({ cacheDir });
    const before = hits("/b.jpg");
    const [x, y] = await Promise.all([cache.get(server.url("/b.jpg"), image()), cache.get(server.url("/b.jpg"), image())]);
    expect(x).toEqual(y);
    expect(hits("/b.jpg") - before).toBe(1);
  });

  it("probes a video's size, length and frame rate", async () => {
    const cacheDir = await makeTempDir("media-cache");
    const clip = await createMediaCache({ cacheDir }).get(server.url("/clip.mp4"), video());
    expect(clip).toMatchObject({ kind: "video", file: path.join(cacheDir, "media", "stock", `${sha(media.mp4)}.mp4`), width: 320, fps: 30 });
    expect(clip.durationSeconds).toBeCloseTo(2, 1);
  });
});

describe("media cache checks", () => {
  it("drops a download cut short (Content-Length larger than the body)", async () => {
    const cacheDir = await makeTempDir("media-cache");
    await expectMediaError(createMediaCache({ cacheDir }).get(server.url("/cut.jpg"), image()), /cut short after \d+ of \d+ bytes/);
    expect(await mediaFiles(cacheDir)).toEqual([]);
  });

  it("drops a JPEG whose end never arrived", async () => {
    const cacheDir = await makeTempDir("media-cache");
    await expectMediaError(createMediaCache({ cacheDir }).get(server.url("/half.jpg"), image()), /incomplete/);
    expect(await mediaFiles(cacheDir)).toEqual([]);
  });

  it("drops an error page served as an image", async () => {
    const cacheDir = await makeTempDir("media-cache");
    await expectMediaError(createMediaCache({ cacheDir }).get(server.url("/error-page.jpg"), image()), /not a readable image/);
    expect(await mediaFiles(cacheDir)).toEqual([]);
  });

  it("drops a video ffprobe cannot read", async () => {
    const cacheDir = await makeTempDir("media-cache");
    await expectMediaError(createMediaCache({ cacheDir }).get(server.url("/half.mp4"), video()), /not a readable video/);
    expect(await mediaFiles(cacheDir)).toEqual([]);
  });

  it("drops a faststart MP4 cut short, whose header still probes as complete", async () => {
    const cacheDir = await makeTempDir("media-cache");
    // The header is all there, so ffprobe alone takes the cut file for a whole 2-second clip.
    expect((await probeVideo(faststartCutFile)).durationSeconds).toBeCloseTo(2, 1);
    await expectMediaError(createMediaCache({ cacheDir }).get(server.url("/faststart-cut.mp4"), video()), /incomplete/);
    expect(await mediaFiles(cacheDir)).toEqual([]);
    const whole = await createMediaCache({ cacheDir }).get(server.url("/faststart.mp4"), video());
    expect(whole.file).toBe(path.join(cacheDir, "media", "stock", `${sha(faststart)}.mp4`));
  });

  it("refuses a video in a codec the renderer cannot use", async () => {
    const cacheDir = await makeTempDir("media-cache");
    await expectMediaError(createMediaCache({ cacheDir }).get(server.url("/clip.webm"), video()), /is vp8; the renderer needs h264/);
    expect(await mediaFiles(cacheDir)).toEqual([]);
    const any = await createMediaCache({ cacheDir }).get(server.url("/clip.webm"), video({ videoCodecs: null }));
    expect(path.extname(any.file)).toBe(".webm");
  });

  it("refuses a file over the size cap, announced or not", async () => {
    const cacheDir = await makeTempDir("media-cache");
    const cache = createMediaCache({ cacheDir });
    await expectMediaError(cache.get(server.url("/a.jpg"), image({ maxBytes: 1000 })), /too large: \d+ bytes, the cap is 1000/);
    await expectMediaError(cache.get(server.url("/unannounced.jpg"), image({ maxBytes: 40_000 })), /too large: more than 40000 bytes/);
    expect(await mediaFiles(cacheDir)).toEqual([]);
  });
});

describe("media cache eviction", () => {
  /** A cache whose clock says `second` seconds after T0, as a run at that time would see. */
  const runAt = (cacheDir: string, maxCacheBytes: number, second: number) => createMediaCache({ cacheDir, maxCacheBytes, now: () => T0 + second * 1000 });

  it("evicts the least recently used file first and stays under the cap", async () => {
    const cacheDir = await makeTempDir("media-cache");
    const [a, b, c] = photos.map((p) => p.length) as [number, number, number];
    const cap = Math.max(a + b, a + c);
    const fileA = (await runAt(cacheDir, cap, 1).get(server.url("/a.jpg"), image())).file;
    const fileB = (await runAt(cacheDir, cap, 2).get(server.url("/b.jpg"), image())).file;
    // A is used again later, so B is now the least recently used.
    const before = hits("/a.jpg");
    await runAt(cacheDir, cap, 3).get(server.url("/a.jpg"), image());
    expect(hits("/a.jpg")).toBe(before);
    expect((await stat(fileA)).mtimeMs).toBe(T0 + 3000);

    const fileC = (await runAt(cacheDir, cap, 4).get(server.url("/c.jpg"), image())).file;
    expect(await mediaFiles(cacheDir)).toEqual([fileA, fileC].map((f) => path.basename(f)).sort());
    const sizes = await Promise.all([fileA, fileC].map(async (f) => (await stat(f)).size));
    expect(sizes.reduce((x, y) => x + y)).toBeLessThanOrEqual(cap);

    // B's record now points at nothing: asking again downloads it again.
    const beforeB = hits("/b.jpg");
    expect((await runAt(cacheDir, Number.MAX_SAFE_INTEGER, 5).get(server.url("/b.jpg"), image())).file).toBe(fileB);
    expect(hits("/b.jpg")).toBe(beforeB + 1);
  });

  it("never evicts the article and generated images kept in the media folder beside it", async () => {
    const cacheDir = await makeTempDir("media-cache");
    const articlePhoto = path.join(MEDIALIB_IMAGES, "coco_train2017_000000000790.jpg");
    const article = await cacheImage(pathToFileURL(articlePhoto).href, { cacheDir, maxBytes: 10_000_000, fetchBytes: refuseFetch });
    expect(path.dirname(article.file)).toBe(path.join(cacheDir, "media"));
    // The article image is the least recently used file of all, and the cap leaves room for nothing.
    await utimes(article.file, new Date(T0 - 86_400_000), new Date(T0 - 86_400_000));
    const run = runAt(cacheDir, 1, 1);
    const a = await run.get(server.url("/a.jpg"), image());
    await run.get(server.url("/b.jpg"), image());
    await runAt(cacheDir, 1, 2).get(server.url("/c.jpg"), image());
    expect(await readFile(article.file)).toEqual(await readFile(articlePhoto));
    expect(await stat(a.file).catch(() => null)).toBeNull();
  });

  it("keeps a download that an eviction started elsewhere finds the moment it lands", async () => {
    const cacheDir = await makeTempDir("media-cache");
    let evicted: Promise<string[]> | null = null;
    // The clock is read when the new file is touched, right after it is renamed into place:
    // that is where a parallel download's eviction is started here.
    const cache = createMediaCache({
      cacheDir,
      maxCacheBytes: 1,
      now: () => {
        evicted ??= cache.evict();
        return T0;
      },
    });
    const got = await cache.get(server.url("/a.jpg"), image());
    expect(evicted).not.toBeNull();
    expect(await evicted!).toEqual([]);
    expect(await readFile(got.file)).toEqual(photos[0]);
  });

  it("keeps the files one run handed out even past the cap, and evicts them in a later run", async () => {
    const cacheDir = await makeTempDir("media-cache");
    const run = runAt(cacheDir, 1, 1);
    const a = await run.get(server.url("/a.jpg"), image());
    const b = await run.get(server.url("/b.jpg"), image());
    expect(await mediaFiles(cacheDir)).toEqual([a.file, b.file].map((f) => path.basename(f)).sort());
    const c = await runAt(cacheDir, 1, 2).get(server.url("/c.jpg"), image());
    expect(await mediaFiles(cacheDir)).toEqual([path.basename(c.file)]);
  });
});
