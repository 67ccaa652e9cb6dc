import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { LicenseSchema } from "../../schema/storyboard.js";

/**
 * Bump when the entry shape, the way text is gathered or the checks a file must pass change: an
 * old cache is then rebuilt. 2: videos must decode to their end.
 */
export const LIBRARY_CACHE_VERSION = 2;

const StampSchema = z.object({ name: z.string(), size: z.number().nonnegative(), mtimeMs: z.number() });

/** One indexed library file, as kept in the cache. */
export const LibraryEntrySchema = z.object({
  /** Path relative to the library, forward slashes; also the candidate id. */
  path: z.string().min(1),
  kind: z.enum(["image", "video"]),
  size: z.number().nonnegative(),
  mtimeMs: z.number(),
  /** The sidecars read for it; one changing, appearing or going away re-reads the file. */
  sidecars: z.array(StampSchema),
  text: z.object({ title: z.string(), description: z.string(), tags: z.array(z.string()) }),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  durationSeconds: z.number().positive().nullable(),
  fps: z.number().positive().nullable(),
  creator: z.string().nullable(),
  license: LicenseSchema,
  /** A page for the file given by its sidecar. */
  url: z.string().nullable(),
});

/** A file that could not be read, remembered so it is not probed again until it changes. */
export const SkippedEntrySchema = z.object({
  path: z.string().min(1),
  size: z.number().nonnegative(),
  mtimeMs: z.number(),
  sidecars: z.array(StampSchema),
  reason: z.string(),
});

export const LibraryCacheSchema = z.object({
  version: z.literal(LIBRARY_CACHE_VERSION),
  dir: z.string(),
  entries: z.array(LibraryEntrySchema),
  skipped: z.array(SkippedEntrySchema),
});

export type LibraryEntry = z.infer<typeof LibraryEntrySchema>;
export type SkippedEntry = z.infer<typeof SkippedEntrySchema>;
export type LibraryCache = z.infer<typeof LibraryCacheSchema>;

/** `<cacheDir>/library/<sha256 of the absolute library folder>.json` */
export function libraryCacheFile(cacheDir: string, dir: string): string {
  const digest = createHash("sha256").update(path.resolve(dir)).digest("hex");
  return path.join(path.resolve(cacheDir), "library", `${digest}.json`);
}

/**
 * The cached index, or null when there is none yet. A cache from another version is dropped
 * quietly; a damaged one is reported through `onWarning` and rebuilt.
 */
export async function readLibraryCache(file: string, dir: string, onWarning: (message: string) => void): Promise<LibraryCache | null> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    onWarning(`rebuilding the media library index: cannot read ${file}: ${(error as Error).message}`);
    return null;
  }
  try {
    const json: unknown = JSON.parse(raw);
    if ((json as { version?: unknown } | null)?.version !== LIBRARY_CACHE_VERSION) return null;
    const cache = LibraryCacheSchema.parse(json);
    return cache.dir === path.resolve(dir) ? cache : null;
  } catch (error) {
    onWarning(`rebuilding the media library index: ${file} is damaged (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
    return null;
  }
}

/** Writes the index to a temp file and renames it over the old one, so a reader never sees half a file. */
export async function writeLibraryCache(file: string, cache: LibraryCache): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(cache));
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
