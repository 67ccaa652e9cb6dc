import { mkdir, readdir, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";

/** Rendered segments kept by default, in bytes: about 40 minutes of 1080p video. */
export const DEFAULT_SEGMENT_CACHE_BYTES = 4 * 1024 ** 3;

/** Where a segment with this key is kept. */
export function segmentFile(dir: string, key: string): string {
  return path.join(dir, `${key}.mp4`);
}

export async function hasSegment(dir: string, key: string): Promise<boolean> {
  return stat(segmentFile(dir, key)).then(
    (s) => s.isFile() && s.size > 0,
    () => false,
  );
}

/** Marks segments as just used, so trimming the cache removes the ones unused the longest. */
export async function touchSegments(files: readonly string[]): Promise<void> {
  const now = new Date();
  // Only the order of trimming depends on it: a file that cannot be touched is still used.
  await Promise.all(files.map((file) => utimes(file, now, now).catch(() => undefined)));
}

/** A segment used this recently may belong to a render still running in another process: never trimmed. */
const IN_USE_MS = 60 * 60 * 1000;
/** A half-written segment this old was left by a process that died: removed. */
const STALE_PART_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the least recently used segments until the folder holds at most `maxBytes`; files in
 * `keep` (the video just joined) and files used in the last hour stay, half-written files of a
 * day ago go. Returns the number of files removed.
 */
export async function trimSegmentCache(dir: string, maxBytes: number, keep: readonly string[] = []): Promise<number> {
  await mkdir(dir, { recursive: true });
  const kept = new Set(keep.map((file) => path.resolve(file)));
  const now = Date.now();
  const names = await readdir(dir);
  let removed = 0;
  for (const name of names.filter((n) => n.startsWith(".") && n.endsWith(".part.mp4"))) {
    const s = await stat(path.join(dir, name)).catch(() => null);
    if (s && now - s.mtimeMs > STALE_PART_MS) {
      await rm(path.join(dir, name), { force: true });
      removed++;
    }
  }
  const entries = await Promise.all(
    names
      .filter((name) => name.endsWith(".mp4") && !name.startsWith("."))
      .map(async (name) => {
        const file = path.join(dir, name);
        const s = await stat(file).catch(() => null);
        return s ? { file, size: s.size, used: s.mtimeMs } : null;
      }),
  );
  // The kept files count first, then the others from the most recently used.
  const files = entries.filter((e): e is NonNullable<typeof e> => e !== null).sort((a, b) => Number(kept.has(b.file)) - Number(kept.has(a.file)) || b.used - a.used);
  let total = 0;
  for (const entry of files) {
    total += entry.size;
    if (total > maxBytes && !kept.has(entry.file) && now - entry.used > IN_USE_MS) {
      await rm(entry.file, { force: true });
      removed++;
    }
  }
  return removed;
}
