import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { imageSize } from "image-size";
import { ReelpressError } from "../errors.js";

export interface FetchedBytes {
  body: Uint8Array;
  contentType: string | null;
}

/** How the cache gets remote bytes; the ingest stage's fetcher, with its limits, is passed in. */
export type FetchBytes = (url: string, options: { accept: string; signal?: AbortSignal }) => Promise<FetchedBytes>;

export interface CachedImage {
  file: string;
  width: number;
  height: number;
}

const EXTENSIONS: Record<string, string> = { png: ".png", jpg: ".jpg", gif: ".gif", webp: ".webp", svg: ".svg", avif: ".avif", bmp: ".bmp" };

/**
 * Puts an image into the content-addressed cache (`<cacheDir>/media/<sha256>.<ext>`) and reads
 * its size. A file: URL is read in place. Throws E_MEDIA when the bytes are not an image. These
 * files (article and generated images) are small and never evicted; the size-capped stock
 * download cache keeps to its own `media/stock/` folder.
 */
export async function cacheImage(
  url: string,
  options: { cacheDir: string; fetchBytes: FetchBytes; maxBytes: number; signal?: AbortSignal },
): Promise<CachedImage> {
  let bytes: Uint8Array;
  if (url.startsWith("file:")) {
    const file = fileURLToPath(url);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new ReelpressError("E_MEDIA", `not a readable image file: ${file}`);
    if (info.size > options.maxBytes) throw new ReelpressError("E_MEDIA", `${file} is larger than the ${options.maxBytes}-byte limit`);
    bytes = await readFile(file).catch((cause: unknown) => {
      throw new ReelpressError("E_MEDIA", `cannot read image ${file}`, { cause });
    });
  } else {
    bytes = (await options.fetchBytes(url, { accept: "image/*", signal: options.signal })).body;
  }
  let info: ReturnType<typeof imageSize>;
  try {
    info = imageSize(bytes);
  } catch (cause) {
    throw new ReelpressError("E_MEDIA", `not a readable image: ${url}`, { cause });
  }
  const ext = EXTENSIONS[info.type ?? ""];
  if (!ext || !info.width || !info.height) throw new ReelpressError("E_MEDIA", `unsupported image type "${info.type}": ${url}`);
  // EXIF orientations 5–8 rotate by 90°, so the displayed size is swapped.
  const rotated = (info.orientation ?? 1) >= 5;
  const digest = createHash("sha256").update(bytes).digest("hex");
  const dir = path.join(options.cacheDir, "media");
  const file = path.resolve(dir, digest + ext);
  if (!(await stat(file).catch(() => null))) {
    await mkdir(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  }
  return { file, width: rotated ? info.height : info.width, height: rotated ? info.width : info.height };
}
