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
  await Promise.all(files.map((file) => utimes(file, now, now).catch(() => undefined)));
}

/**
 * Removes the least recently used segments until the folder holds at most `maxBytes`;
 * files in `keep` (the video just joined) stay. Returns the number of files removed.
 */
export async function trimSegmentCache(dir: string, maxBytes: number, keep: readonly string[] = []): Promise<number> {
  await mkdir(dir, { recursive: true });
  const kept = new Set(keep.map((file) => path.resolve(file)));
  const entries = await Promise.all(
    (await readdir(dir))
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
  let removed = 0;
  for (const entry of files) {
    total += entry.size;
    if (total > maxBytes && !kept.has(entry.file)) {
      await rm(entry.file, { force: true });
      removed++;
    }
  }
  return removed;
}
