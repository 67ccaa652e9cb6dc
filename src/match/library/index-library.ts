import path from "node:path";
import { ReelpressError } from "../../errors.js";
import { checkVideoEnd } from "../../media/check-video-end.js";
import { probeVideo } from "../../media/probe-media.js";
import { mapLimit } from "../map-limit.js";
import { NO_EMBEDDED_TEXT, type EmbeddedText } from "./embedded-text.js";
import { type LibraryEntry, libraryCacheFile, readLibraryCache, type SkippedEntry, writeLibraryCache, LIBRARY_CACHE_VERSION } from "./library-cache.js";
import { libraryText } from "./library-text.js";
import { readImageMetadata } from "./read-image-metadata.js";
import { readImageSize } from "./read-image-size.js";
import { readSidecars } from "./read-sidecars.js";
import { videoTagText } from "./video-tag-text.js";
import { type FileStamp, type LibraryFile, walkLibrary } from "./walk-library.js";

/** Files read at once; a video costs an ffprobe process, and the machine may have two cores. */
export const INDEX_CONCURRENCY = 4;

/** An indexed library file. */
export interface LibraryItem extends LibraryEntry {
  /** Absolute path of the file (under the library folder as given). */
  file: string;
  /** What credits name it by: the sidecar's URL, else `<library folder name>/<path>`; never an absolute path. */
  origin: string;
}

/** What the last indexing did: files read for the first time, re-read, dropped, and taken from the cache. */
export interface LibraryRefresh {
  added: number;
  changed: number;
  removed: number;
  reused: number;
}

export interface IndexLibraryOptions {
  dir: string;
  cacheDir: string;
  signal?: AbortSignal;
  onWarning: (message: string) => void;
}

/** The credit line's name for a library file (pure): its sidecar's URL, else the library folder's name and the path in it. */
export function libraryOrigin(libraryName: string, entry: Pick<LibraryEntry, "path" | "url">): string {
  // A library at the top of a drive has no name; "/photo.jpg" would read as an absolute path.
  return entry.url ?? `${libraryName || "library"}/${entry.path}`;
}

function sameStamps(a: readonly FileStamp[], b: readonly FileStamp[]): boolean {
  return a.length === b.length && a.every((s, i) => s.name === b[i]!.name && s.size === b[i]!.size && s.mtimeMs === b[i]!.mtimeMs);
}

function unchanged(file: LibraryFile, stamps: FileStamp[], cached: { size: number; mtimeMs: number; sidecars: FileStamp[] }): boolean {
  return cached.size === file.size && cached.mtimeMs === file.mtimeMs && sameStamps(cached.sidecars, stamps);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads one file's size, length and text. Throws E_MEDIA when the file itself does not decode. */
async function readEntry(file: LibraryFile, stamps: FileStamp[], libraryName: string, options: IndexLibraryOptions): Promise<LibraryEntry> {
  const sidecar = await readSidecars(file.sidecars, options.onWarning);
  let size: { width: number; height: number };
  let durationSeconds: number | null = null;
  let fps: number | null = null;
  let embedded: EmbeddedText = NO_EMBEDDED_TEXT;
  if (file.kind === "image") {
    size = await readImageSize(file.file);
    try {
      embedded = await readImageMetadata(file.file);
    } catch (error) {
      // The picture itself is fine; only its embedded text is lost.
      options.onWarning(`ignored the embedded metadata of ${file.path}: ${message(error)}`);
    }
  } else {
    const info = await probeVideo(file.file, { signal: options.signal });
    // A clip cut short (a copy that stopped half way) can still probe whole; its end cannot hide that.
    await checkVideoEnd(file.file, info, { signal: options.signal });
    size = { width: info.width, height: info.height };
    durationSeconds = info.durationSeconds;
    fps = info.fps > 0 ? info.fps : null;
    embedded = videoTagText(info.tags);
  }
  const described = libraryText({ path: file.path, libraryName, sidecar, embedded });
  return { path: file.path, kind: file.kind, size: file.size, mtimeMs: file.mtimeMs, sidecars: stamps, ...size, durationSeconds, fps, ...described };
}

/**
 * Indexes a media folder, reusing the cached entries of files whose size, modification time and
 * sidecars have not changed, and writes the cache back when anything moved. Files that cannot be
 * read are skipped with a warning (and remembered, so they are not probed again until they change).
 */
export async function indexLibrary(options: IndexLibraryOptions): Promise<{ items: LibraryItem[]; refreshed: LibraryRefresh }> {
  const root = path.resolve(options.dir);
  const libraryName = path.basename(root);
  const files = await walkLibrary(root, options);
  const cacheFile = libraryCacheFile(options.cacheDir, root);
  const cache = await readLibraryCache(cacheFile, root, options.onWarning);
  const cachedEntries = new Map(cache?.entries.map((e) => [e.path, e]));
  const cachedSkips = new Map(cache?.skipped.map((e) => [e.path, e]));

  const refreshed: LibraryRefresh = { added: 0, changed: 0, removed: 0, reused: 0 };
  let dirty = cache === null;
  // Each file's warnings are held back and reported in path order, so the output does not depend on timing.
  const held = files.map((): string[] => []);
  const results = await mapLimit(files, INDEX_CONCURRENCY, async (file, i): Promise<LibraryEntry | SkippedEntry> => {
    if (options.signal?.aborted) throw new ReelpressError("E_ABORTED", "indexing the media library was cancelled");
    const warn = (message: string): void => void held[i]!.push(message);
    const stamps = file.sidecars.map(({ name, size, mtimeMs }) => ({ name, size, mtimeMs }));
    const entry = cachedEntries.get(file.path);
    if (entry && unchanged(file, stamps, entry)) {
      refreshed.reused++;
      return entry;
    }
    const skip = cachedSkips.get(file.path);
    if (skip && unchanged(file, stamps, skip)) {
      warn(`skipped ${file.path}: ${skip.reason}`);
      return skip;
    }
    dirty = true;
    try {
      const fresh = await readEntry(file, stamps, libraryName, { ...options, onWarning: warn });
      if (entry) refreshed.changed++;
      else refreshed.added++;
      return fresh;
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const reason = message(error);
      warn(`skipped ${file.path}: ${reason}`);
      return { path: file.path, size: file.size, mtimeMs: file.mtimeMs, sidecars: stamps, reason };
    }
  });

  for (const line of held.flat()) options.onWarning(line);
  const entries = results.filter((r): r is LibraryEntry => "kind" in r);
  const skipped = results.filter((r): r is SkippedEntry => "reason" in r);
  const kept = new Set(entries.map((e) => e.path));
  refreshed.removed = [...cachedEntries.keys()].filter((p) => !kept.has(p)).length;
  if (refreshed.removed > 0 || skipped.length !== cachedSkips.size) dirty = true;
  if (dirty) {
    try {
      await writeLibraryCache(cacheFile, { version: LIBRARY_CACHE_VERSION, dir: root, entries, skipped });
    } catch (error) {
      // The index in memory is complete; only the next run loses the head start.
      options.onWarning(`could not save the media library index to ${cacheFile}: ${message(error)}`);
    }
  }
  const items = entries.map((entry) => ({ ...entry, file: path.join(root, ...entry.path.split("/")), origin: libraryOrigin(libraryName, entry) }));
  return { items, refreshed };
}
