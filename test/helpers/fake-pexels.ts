import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { imageSize } from "image-size";
import { runFfmpegTool } from "../../src/media/ffmpeg-bin.js";
import { startServer, type RouteFunction, type Routes, type TestServer } from "./serve.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");
export const MEDIALIB_IMAGES = path.resolve(repoRoot, "../shared/medialib/images");

/** Small real files the fake APIs serve: a photo from the medialib and a 2-second H.264 clip made from it. */
export interface StockMedia {
  jpeg: Buffer;
  jpegSize: { width: number; height: number };
  mp4: Buffer;
}

/** Builds the files once per test file: the JPEG is read, the MP4 encoded with the bundled ffmpeg. */
export async function makeStockMedia(workDir: string, photo = "coco_val2017_000000397133.jpg"): Promise<StockMedia> {
  const jpegFile = path.join(MEDIALIB_IMAGES, photo);
  const jpeg = await readFile(jpegFile);
  const size = imageSize(jpeg);
  const mp4File = path.join(workDir, "clip.mp4");
  // This ffmpeg build has no lavfi sources; a looped still is the simplest real clip. yuv420p needs even sides.
  await runFfmpegTool("ffmpeg", [
    "-y", "-v", "error", "-loop", "1", "-i", jpegFile, "-t", "2", "-r", "30",
    "-vf", "scale=320:-2", "-c:v", "libx264", "-pix_fmt", "yuv420p", mp4File,
  ]);
  return { jpeg, jpegSize: { width: size.width, height: size.height }, mp4: await readFile(mp4File) };
}

/** How downloads are answered: the real file, cut short mid-body, or damaged. */
export type FakeMediaMode = "ok" | "truncated" | "corrupt";

/** A canned failure answered before normal answers resume. */
export interface FakeFailure {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Behaviour a test switches on; normal answers unless told otherwise. */
export interface FakeStockScript {
  /** Answered in order, one per API request, before normal answers. */
  failures: FakeFailure[];
  /** Every API request answered with this status (a provider that is down). */
  alwaysStatus: number | null;
  /** Searches find nothing. */
  empty: boolean;
  media: FakeMediaMode;
}

export interface FakeStockServer {
  /** What the provider's `baseUrl` option should be. */
  baseUrl: string;
  server: TestServer;
  script: FakeStockScript;
  /** Search requests (path and query), in order. */
  readonly apiRequests: { path: string; query: URLSearchParams; headers: IncomingMessage["headers"] }[];
  /** Download requests, in order. */
  readonly mediaRequests: string[];
  close(): Promise<void>;
}

export function defaultScript(): FakeStockScript {
  return { failures: [], alwaysStatus: null, empty: false, media: "ok" };
}

/** Serves a media file as the script says: whole, cut short (Content-Length too big, socket destroyed), or damaged. */
export function mediaRoute(kind: "image" | "video", media: StockMedia, script: () => FakeStockScript, log: string[], uniqueFiles = false): RouteFunction {
  return (req, res) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    log.push(pathname);
    const type = kind === "image" ? "image/jpeg" : "video/mp4";
    const same = kind === "image" ? media.jpeg : media.mp4;
    const whole = uniqueFiles ? markFile(kind, same, pathname) : same;
    const mode = script().media;
    if (mode === "truncated") {
      res.writeHead(200, { "content-type": type, "content-length": whole.length });
      res.write(whole.subarray(0, Math.floor(whole.length / 2)), () => res.socket?.destroy());
      return;
    }
    // Damaged: an "image" that is a CDN's HTML error page, a video missing its second half (and
    // with it the moov index) although the length header agrees.
    const errorPage = Buffer.from("<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n");
    const body = mode === "corrupt" ? (kind === "image" ? errorPage : whole.subarray(0, Math.floor(whole.length / 2))) : whole;
    res.writeHead(200, { "content-type": type, "content-length": body.length });
    res.end(body);
  };
}

/**
 * The same picture with different bytes per URL, as real stock files are: a JPEG comment after
 * the SOI marker, or an MP4 `free` box at the end, naming the path.
 */
function markFile(kind: "image" | "video", bytes: Buffer, pathname: string): Buffer {
  const note = Buffer.from(pathname);
  if (kind === "image") {
    const segment = Buffer.alloc(4);
    segment.writeUInt16BE(0xfffe, 0);
    segment.writeUInt16BE(note.length + 2, 2);
    return Buffer.concat([bytes.subarray(0, 2), segment, note, bytes.subarray(2)]);
  }
  const box = Buffer.alloc(8);
  box.writeUInt32BE(note.length + 8, 0);
  box.write("free", 4, "latin1");
  return Buffer.concat([bytes, box, note]);
}

/** Answers an API request from the script's failures, or returns false to let the normal answer through. */
export function answerFailure(script: FakeStockScript, res: ServerResponse): boolean {
  const failure = script.alwaysStatus !== null ? { status: script.alwaysStatus } : script.failures.shift();
  if (!failure) return false;
  res.writeHead(failure.status, { "content-type": "text/plain", ...failure.headers });
  res.end(failure.body ?? `HTTP ${failure.status}`);
  return true;
}

// Photos and videos as the Pexels API documents them (GET /v1/search, GET /videos/search).
// The first photo is the documentation's own example; links point at this server.
interface PhotoSeed {
  id: number;
  width: number;
  height: number;
  slug: string;
  photographer: string;
  handle: string;
  photographerId: number;
  avgColor: string;
  alt: string;
}

const PHOTOS: PhotoSeed[] = [
  { id: 2014422, width: 3024, height: 3024, slug: "brown-rocks-during-golden-hour", photographer: "Joey Farina", handle: "joey", photographerId: 680589, avgColor: "#978E82", alt: "Brown Rocks During Golden Hour" },
  { id: 1181671, width: 6000, height: 4000, slug: "woman-wearing-black-shirt-using-laptop", photographer: "Christina Morillo", handle: "divinetechygirl", photographerId: 375225, avgColor: "#6C6A6B", alt: "Woman Wearing Black Shirt Using Laptop" },
];

interface VideoFileSeed {
  id: number;
  quality: "uhd" | "hd" | "sd" | "hls";
  width: number | null;
  height: number | null;
  fps: number | null;
}

interface VideoSeed {
  id: number;
  width: number;
  height: number;
  slug: string;
  duration: number;
  user: { id: number; name: string; handle: string };
  files: VideoFileSeed[];
}

const VIDEOS: VideoSeed[] = [
  {
    id: 2499611,
    width: 3840,
    height: 2160,
    slug: "aerial-view-of-a-beach",
    duration: 22,
    user: { id: 680589, name: "Joey Farina", handle: "joey" },
    files: [
      { id: 125004, quality: "uhd", width: 3840, height: 2160, fps: 29.97 },
      { id: 125005, quality: "hd", width: 1280, height: 720, fps: 29.97 },
      { id: 125006, quality: "sd", width: 640, height: 360, fps: 29.97 },
      { id: 125007, quality: "hd", width: 1920, height: 1080, fps: 29.97 },
      { id: 125008, quality: "hls", width: null, height: null, fps: null },
      { id: 125009, quality: "sd", width: 960, height: 540, fps: 29.97 },
    ],
  },
  {
    id: 1526909,
    width: 1920,
    height: 1080,
    slug: "seal-on-the-beach",
    duration: 10,
    user: { id: 574687, name: "Ruvim Miksanskiy", handle: "digitech" },
    files: [
      { id: 61368, quality: "hd", width: 1920, height: 1080, fps: 23.98 },
      { id: 61369, quality: "sd", width: 960, height: 540, fps: 23.98 },
      { id: 61370, quality: "hd", width: 1280, height: 720, fps: 23.98 },
      { id: 61371, quality: "sd", width: 640, height: 360, fps: 23.98 },
    ],
  },
];

export const FAKE_PEXELS = { photos: PHOTOS, videos: VIDEOS };

function photoJson(p: PhotoSeed, origin: string): unknown {
  const original = `${origin}/photos/${p.id}/pexels-photo-${p.id}.jpeg`;
  return {
    id: p.id,
    width: p.width,
    height: p.height,
    url: `https://www.pexels.com/photo/${p.slug}-${p.id}/`,
    photographer: p.photographer,
    photographer_url: `https://www.pexels.com/@${p.handle}`,
    photographer_id: p.photographerId,
    avg_color: p.avgColor,
    src: {
      original,
      large2x: `${original}?auto=compress&cs=tinysrgb&dpr=2&h=650&w=940`,
      large: `${original}?auto=compress&cs=tinysrgb&h=650&w=940`,
      medium: `${original}?auto=compress&cs=tinysrgb&h=350`,
      small: `${original}?auto=compress&cs=tinysrgb&h=130`,
      portrait: `${original}?auto=compress&cs=tinysrgb&fit=crop&h=1200&w=800`,
      landscape: `${original}?auto=compress&cs=tinysrgb&fit=crop&h=627&w=1200`,
      tiny: `${original}?auto=compress&cs=tinysrgb&dpr=1&fit=crop&h=200&w=280`,
    },
    liked: false,
    alt: p.alt,
  };
}

/** The download path of a Pexels video file on this server (query strings differ per rendition only on photos). */
export function pexelsVideoFilePath(video: VideoSeed, file: VideoFileSeed): string {
  return file.quality === "hls"
    ? `/video-files/${video.id}/${video.id}.m3u8`
    : `/video-files/${video.id}/${video.id}-${file.quality}_${file.width}_${file.height}_30fps.mp4`;
}

function videoJson(v: VideoSeed, origin: string): unknown {
  return {
    id: v.id,
    width: v.width,
    height: v.height,
    duration: v.duration,
    full_res: null,
    tags: [],
    url: `https://www.pexels.com/video/${v.slug}-${v.id}/`,
    image: `https://images.pexels.com/videos/${v.id}/free-video-${v.id}.jpg?auto=compress&cs=tinysrgb&fit=crop&h=630&w=1200`,
    avg_color: null,
    user: { id: v.user.id, name: v.user.name, url: `https://www.pexels.com/@${v.user.handle}` },
    video_files: v.files.map((f) => ({
      id: f.id,
      quality: f.quality,
      // HLS entries carry no size; the quality field is what marks them.
      file_type: "video/mp4",
      width: f.width,
      height: f.height,
      fps: f.fps,
      link: `${origin}${pexelsVideoFilePath(v, f)}`,
    })),
    video_pictures: [0, 1, 2].map((nr) => ({ id: v.id * 10 + nr, nr, picture: `https://images.pexels.com/videos/${v.id}/pictures/preview-${nr}.jpg` })),
  };
}

function searchBody(kind: "photos" | "videos", query: URLSearchParams, origin: string, empty: boolean): unknown {
  const perPage = Number(query.get("per_page") ?? 15);
  const page = Number(query.get("page") ?? 1);
  const q = query.get("query") ?? "";
  const items = empty ? [] : kind === "photos" ? PHOTOS.map((p) => photoJson(p, origin)) : VIDEOS.map((v) => videoJson(v, origin));
  const shown = items.slice(0, perPage);
  const total = empty ? 0 : kind === "photos" ? 8000 : 1200;
  const apiPath = kind === "photos" ? "https://api.pexels.com/v1/search/" : "https://api.pexels.com/videos/search/";
  const body: Record<string, unknown> = { page, per_page: perPage, [kind]: shown, total_results: total };
  if (kind === "videos") body.url = `https://www.pexels.com/search/videos/${encodeURIComponent(q)}/`;
  if (total > page * perPage) body.next_page = `${apiPath}?page=${page + 1}&per_page=${perPage}&query=${encodeURIComponent(q)}`;
  return body;
}

export interface FakePexelsOptions {
  apiKey: string;
  media: StockMedia;
  /** Serve different bytes per file URL (default: the same bytes for every photo, every video). */
  uniqueFiles?: boolean;
  /** Clock for the X-Ratelimit-Reset UNIX time. */
  now: () => number;
  /** What successful answers advertise; Pexels sends the headers only with 200 answers. */
  rateLimit?: () => { remaining: number; resetInSeconds: number };
}

/**
 * A local stand-in for api.pexels.com: checks the Authorization header (401 otherwise), answers
 * /v1/search and /videos/search with documentation-shaped bodies, serves the files they link
 * to, and fails as the test's script says.
 */
export async function startFakePexels(options: FakePexelsOptions): Promise<FakeStockServer> {
  const script = defaultScript();
  const apiRequests: FakeStockServer["apiRequests"] = [];
  const mediaRequests: string[] = [];
  let origin = "";
  const api = (kind: "photos" | "videos"): RouteFunction => (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    apiRequests.push({ path: url.pathname, query: url.searchParams, headers: req.headers });
    if (req.headers.authorization !== options.apiKey) {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: 401, code: "Unauthorized" }));
      return;
    }
    if (answerFailure(fake.script, res)) return;
    const rate = options.rateLimit?.() ?? { remaining: 19_999, resetInSeconds: 30 * 24 * 3600 };
    res.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "x-ratelimit-limit": "20000",
      "x-ratelimit-remaining": String(rate.remaining),
      "x-ratelimit-reset": String(Math.floor(options.now() / 1000) + rate.resetInSeconds),
    });
    res.end(JSON.stringify(searchBody(kind, url.searchParams, origin, fake.script.empty)));
  };
  const routes: Routes = { "/v1/search": api("photos"), "/videos/search": api("videos") };
  const image = mediaRoute("image", options.media, () => fake.script, mediaRequests, options.uniqueFiles);
  const video = mediaRoute("video", options.media, () => fake.script, mediaRequests, options.uniqueFiles);
  for (const p of PHOTOS) routes[`/photos/${p.id}/pexels-photo-${p.id}.jpeg`] = image;
  for (const v of VIDEOS) for (const f of v.files) routes[pexelsVideoFilePath(v, f)] = video;
  const server = await startServer(routes);
  origin = server.url("").replace(/\/$/, "");
  const fake: FakeStockServer = {
    baseUrl: origin,
    server,
    script,
    apiRequests,
    mediaRequests,
    close: () => server.close(),
  };
  return fake;
}
