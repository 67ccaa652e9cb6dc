import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { imageSizeFromFile } from "image-size/fromFile";
import { ReelpressError } from "../errors.js";
import { checkVideoEnd } from "../media/check-video-end.js";
import { probeVideo } from "../media/probe-media.js";

/** A response body being downloaded: its chunks, and what the headers say about it. */
export interface DownloadBody {
  chunks: AsyncIterable<Uint8Array>;
  /** Content-Length, when sent: fewer bytes than this means the download was cut short. */
  contentLength: number | null;
  /** MIME type without parameters, lower-cased. */
  contentType: string | null;
}

/**
 * Fetches a URL (with the caller's timeouts, retries and concurrency) and hands its body to
 * `consume` while the request is in flight.
 */
export type Download = <T>(url: string, options: { signal?: AbortSignal }, consume: (body: DownloadBody) => Promise<T>) => Promise<T>;

/** @default 2 GiB */
export const DEFAULT_MAX_CACHE_BYTES = 2 * 1024 ** 3;

export interface MediaCacheOptions {
  /**
   * Files go to `<cacheDir>/media/stock/<sha256>.<ext>`, URL records to `<cacheDir>/media/stock/urls/`.
   * The folder is this cache's own: article and generated images (cacheImage) sit in
   * `<cacheDir>/media/` and are never evicted.
   */
  cacheDir: string;
  /**
   * Size the stock folder is brought back under after each new file, least recently used first.
   * Files this cache handed out stay (they are about to be rendered), so one run larger than the
   * cap can pass it until the next run.
   * @default 2 GiB
   */
  maxCacheBytes?: number;
  /** @internal Clock for file times (the LRU order); tests pass a fake. @default Date.now */
  now?: () => number;
}

export interface MediaRequest {
  kind: "image" | "video";
  download: Download;
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Video codecs (ffprobe names) the renderer can use; others are refused. Null for any. */
  videoCodecs?: readonly string[] | null;
  signal?: AbortSignal;
}

export interface CachedMedia {
  kind: "image" | "video";
  /** Absolute path in the cache. */
  file: string;
  width: number;
  height: number;
  durationSeconds: number | null;
  fps: number | null;
  bytes: number;
}

export interface MediaCache {
  /** The cached file for a URL, downloading and checking it first when it is not there. */
  get(url: string, request: MediaRequest): Promise<CachedMedia>;
  /** Deletes least recently used files until the folder is under the cap; returns what was removed. */
  evict(): Promise<string[]>;
}

interface UrlRecord extends Omit<CachedMedia, "file"> {
  version: 1;
  url: string;
  /** File name inside the media folder. */
  name: string;
}

const IMAGE_EXTENSIONS: Record<string, string> = { png: ".png", jpg: ".jpg", gif: ".gif", webp: ".webp", avif: ".avif", bmp: ".bmp" };
const VIDEO_EXTENSIONS = new Set([".mp4", ".m4v", ".mov", ".webm"]);
const VIDEO_TYPES: Record<string, string> = { "video/mp4": ".mp4", "video/quicktime": ".mov", "video/webm": ".webm" };

/**
 * A content-addressed download cache for stock images and videos. A download is streamed to a
 * temporary file while hashed, checked (all the bytes the server announced; an image that
 * decodes with its end marker; a video ffprobe can read, in an accepted codec, whose last second
 * decodes), then renamed into place. A truncated or corrupt file is deleted and throws E_MEDIA,
 * so the next candidate is used. Each use touches the file's times, which order the LRU eviction. Placing or touching a
 * file and evicting take turns, and a file is pinned before it lands, so an eviction started by a
 * parallel download never deletes a file this run is handing out.
 */
export function createMediaCache(options: MediaCacheOptions): MediaCache {
  const dir = stockMediaDir(options.cacheDir);
  const recordDir = path.join(dir, "urls");
  const maxCacheBytes = options.maxCacheBytes ?? DEFAULT_MAX_CACHE_BYTES;
  const now = options.now ?? Date.now;
  const pinned = new Set<string>();
  const inFlight = new Map<string, Promise<CachedMedia>>();
  let turn: Promise<unknown> = Promise.resolve();
  /** Runs `job` after every job queued before it: file placement and eviction never interleave. */
  const exclusive = <T>(job: () => Promise<T>): Promise<T> => {
    const run = turn.then(job);
    turn = run.catch(() => undefined);
    return run;
  };

  const touch = async (file: string): Promise<void> => {
    const seconds = now() / 1000;
    await utimes(file, seconds, seconds);
  };
  const recordFile = (url: string): string => path.join(recordDir, `${createHash("sha256").update(url).digest("hex")}.json`);

  const lookup = async (url: string, kind: MediaRequest["kind"]): Promise<CachedMedia | null> => {
    const text = await readFile(recordFile(url), "utf8").catch(() => null);
    if (text === null) return null;
    let record: UrlRecord;
    try {
      record = JSON.parse(text) as UrlRecord;
    } catch {
      // A damaged record only means downloading again.
      return null;
    }
    if (record.version !== 1 || record.url !== url || record.kind !== kind || path.basename(record.name) !== record.name) return null;
    const file = path.join(dir, record.name);
    const hit = await exclusive(async () => {
      const info = await stat(file).catch(() => null);
      if (!info?.isFile() || info.size !== record.bytes) return false;
      pinned.add(file);
      await touch(file);
      return true;
    });
    if (!hit) return null;
    return { kind: record.kind, file, width: record.width, height: record.height, durationSeconds: record.durationSeconds, fps: record.fps, bytes: record.bytes };
  };

  const evict = (): Promise<string[]> => exclusive(() => evictLeastRecent(dir, maxCacheBytes, pinned));

  /** Puts a checked download in place, pinned before it appears so no eviction can take it. */
  const place = (tmp: string, file: string): Promise<void> =>
    exclusive(async () => {
      pinned.add(file);
      // Same name, same bytes: renaming over a copy already there is harmless.
      await rename(tmp, file);
      await touch(file);
    });

  const fetchNew = async (url: string, request: MediaRequest): Promise<CachedMedia> => {
    await mkdir(recordDir, { recursive: true });
    const tmp = path.join(dir, `.${randomUUID()}.tmp`);
    let media: CachedMedia;
    try {
      const downloaded = await downloadTo(tmp, url, request);
      let ext: string;
      let size: Pick<CachedMedia, "width" | "height" | "durationSeconds" | "fps">;
      if (request.kind === "image") {
        const image = await verifyImage(tmp, url);
        ext = image.ext;
        size = { width: image.width, height: image.height, durationSeconds: null, fps: null };
      } else {
        const video = await verifyVideo(tmp, url, request);
        ext = videoExtension(url, downloaded.contentType);
        size = video;
      }
      const file = path.join(dir, downloaded.digest + ext);
      await place(tmp, file);
      media = { kind: request.kind, file, ...size, bytes: downloaded.bytes };
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    const record: UrlRecord = { version: 1, url, name: path.basename(media.file), kind: media.kind, width: media.width, height: media.height, durationSeconds: media.durationSeconds, fps: media.fps, bytes: media.bytes };
    const recordTmp = `${recordFile(url)}.${randomUUID()}.tmp`;
    await writeFile(recordTmp, JSON.stringify(record));
    await rename(recordTmp, recordFile(url));
    return media;
  };

  return {
    get(url, request) {
      const running = inFlight.get(url);
      if (running) return running;
      const job = (async () => {
        const hit = await lookup(url, request.kind);
        if (hit) return hit;
        const media = await fetchNew(url, request);
        await evict();
        return media;
      })().finally(() => inFlight.delete(url));
      inFlight.set(url, job);
      return job;
    },
    evict,
  };
}

function mediaError(message: string, cause?: unknown): ReelpressError {
  return new ReelpressError("E_MEDIA", message, { cause, hint: "the file was dropped; the next candidate is used" });
}

async function downloadTo(tmp: string, url: string, request: MediaRequest): Promise<{ digest: string; bytes: number; contentType: string | null }> {
  return request.download(url, { signal: request.signal }, async (body) => {
    if (body.contentLength !== null && body.contentLength > request.maxBytes) {
      throw mediaError(`${url} is too large: ${body.contentLength} bytes, the cap is ${request.maxBytes}`);
    }
    const hash = createHash("sha256");
    const handle = await open(tmp, "w");
    let received = 0;
    try {
      for await (const chunk of body.chunks) {
        received += chunk.byteLength;
        if (received > request.maxBytes) throw mediaError(`${url} is too large: more than ${request.maxBytes} bytes`);
        hash.update(chunk);
        await handle.write(chunk);
      }
    } catch (error) {
      if (request.signal?.aborted) throw new ReelpressError("E_ABORTED", `downloading ${url} was cancelled`, { cause: error });
      if (error instanceof ReelpressError) throw error;
      const expected = body.contentLength === null ? "" : ` of ${body.contentLength}`;
      throw mediaError(`download of ${url} was cut short after ${received}${expected} bytes (${error instanceof Error ? error.message : String(error)})`, error);
    } finally {
      await handle.close();
    }
    if (body.contentLength !== null && received !== body.contentLength) {
      throw mediaError(`download of ${url} was cut short: ${received} of ${body.contentLength} bytes`);
    }
    if (received === 0) throw mediaError(`download of ${url} is empty`);
    return { digest: hash.digest("hex"), bytes: received, contentType: body.contentType };
  });
}

async function verifyImage(file: string, url: string): Promise<{ ext: string; width: number; height: number }> {
  let info: Awaited<ReturnType<typeof imageSizeFromFile>>;
  try {
    info = await imageSizeFromFile(file);
  } catch (cause) {
    throw mediaError(`not a readable image: ${url}`, cause);
  }
  const ext = IMAGE_EXTENSIONS[info.type ?? ""];
  if (!ext || !info.width || !info.height) throw mediaError(`unsupported image type "${info.type ?? "unknown"}": ${url}`);
  if (!(await hasEndMarker(file, info.type!))) throw mediaError(`image ${url} is incomplete: its end marker is missing`);
  // EXIF orientations 5–8 turn the picture by 90°, so the displayed size is swapped.
  const turned = (info.orientation ?? 1) >= 5;
  return { ext, width: turned ? info.height : info.width, height: turned ? info.width : info.height };
}

/**
 * image-size reads only the header, which a cut-off file still has; JPEG, PNG and GIF also mark
 * their end (FF D9, IEND, a final 3B), so a missing marker shows the rest never arrived.
 */
async function hasEndMarker(file: string, type: string): Promise<boolean> {
  if (type !== "jpg" && type !== "png" && type !== "gif") return true;
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    // Some encoders pad after the marker; look at the last kilobyte, not just the last bytes.
    const length = Math.min(size, 1024);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    if (type === "gif") return tail.at(-1) === 0x3b;
    return type === "jpg" ? tail.includes(Buffer.from([0xff, 0xd9])) : tail.includes(Buffer.from("IEND", "latin1"));
  } finally {
    await handle.close();
  }
}

async function verifyVideo(file: string, url: string, request: MediaRequest): Promise<Pick<CachedMedia, "width" | "height" | "durationSeconds" | "fps">> {
  let info: Awaited<ReturnType<typeof probeVideo>>;
  try {
    info = await probeVideo(file, { signal: request.signal });
  } catch (cause) {
    if (request.signal?.aborted) throw new ReelpressError("E_ABORTED", `checking ${url} was cancelled`, { cause });
    throw mediaError(`not a readable video: ${url}`, cause);
  }
  const codecs = request.videoCodecs ?? null;
  if (codecs !== null && !codecs.includes(info.codec)) {
    throw mediaError(`video ${url} is ${info.codec}; the renderer needs ${codecs.join(" or ")}`);
  }
  try {
    await checkVideoEnd(file, info, { signal: request.signal });
  } catch (cause) {
    if (request.signal?.aborted) throw new ReelpressError("E_ABORTED", `checking ${url} was cancelled`, { cause });
    throw mediaError(`video ${url} is incomplete: its end does not decode`, cause);
  }
  return { width: info.width, height: info.height, durationSeconds: info.durationSeconds, fps: info.fps > 0 ? info.fps : null };
}

function videoExtension(url: string, contentType: string | null): string {
  const fromUrl = path.extname(new URL(url).pathname).toLowerCase();
  if (VIDEO_EXTENSIONS.has(fromUrl)) return fromUrl;
  return (contentType && VIDEO_TYPES[contentType]) || ".mp4";
}

/** `<cacheDir>/media/stock`: the download cache's own folder, the only one it evicts from. */
export function stockMediaDir(cacheDir: string): string {
  return path.resolve(cacheDir, "media", "stock");
}

/** Deletes the least recently used files (oldest modification time first) until the folder fits `maxBytes`. */
async function evictLeastRecent(dir: string, maxBytes: number, keep: ReadonlySet<string>): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = (
    await Promise.all(
      entries
        .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
        .map(async (entry) => {
          const file = path.join(dir, entry.name);
          const info = await stat(file).catch(() => null);
          return info ? { file, size: info.size, mtimeMs: info.mtimeMs } : null;
        }),
    )
  ).filter((f) => f !== null);
  let total = files.reduce((sum, f) => sum + f.size, 0);
  if (total <= maxBytes) return [];
  files.sort((a, b) => a.mtimeMs - b.mtimeMs || a.file.localeCompare(b.file));
  const removed: string[] = [];
  for (const f of files) {
    if (total <= maxBytes) break;
    if (keep.has(f.file)) continue;
    await rm(f.file, { force: true });
    total -= f.size;
    removed.push(f.file);
  }
  return removed;
}
