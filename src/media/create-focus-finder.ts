import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import { z } from "zod";
import type { FocusPoint } from "./cover-crop.js";
import { detectFocus, type FindFocusOptions } from "./find-focus.js";

/** Files decoded at once: each is one short ffmpeg run, and the machine may be rendering too. */
export const DEFAULT_FOCUS_CONCURRENCY = 2;
/** Bumped when focusFromPixels changes, so answers from an older algorithm are not reused. */
export const FOCUS_ALGORITHM_VERSION = 1;

const CachedFocusSchema = z.object({
  version: z.literal(FOCUS_ALGORITHM_VERSION),
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
});

/** The focus of a file, or null when it cannot be read (the caller keeps what it had). */
export type FocusFinder = (file: string, options?: FindFocusOptions) => Promise<FocusPoint | null>;

export interface FocusFinderOptions {
  /** Answers are also kept in `<cacheDir>/focus/`, so a later run reads them back; null keeps them for this finder only. @default null */
  cacheDir?: string | null;
  /** @default DEFAULT_FOCUS_CONCURRENCY */
  concurrency?: number;
  /** What reads a file's focus. @default detectFocus */
  detect?: (file: string, options: FindFocusOptions) => Promise<FocusPoint>;
}

/** A file is the same picture while its path, size and modification time are. */
async function cacheKey(file: string, options: FindFocusOptions): Promise<string | null> {
  const absolute = path.resolve(file);
  const info = await stat(absolute).catch(() => null);
  if (!info?.isFile()) return null;
  const at = options.kind === "video" && options.atSeconds !== undefined ? options.atSeconds.toFixed(2) : "";
  const id = JSON.stringify([FOCUS_ALGORITHM_VERSION, absolute, info.size, info.mtimeMs, options.kind ?? "image", at]);
  return createHash("sha256").update(id).digest("hex").slice(0, 32);
}

async function readCached(file: string): Promise<FocusPoint | null> {
  const text = await readFile(file, "utf8").catch(() => null);
  if (text === null) return null;
  try {
    const parsed = CachedFocusSchema.safeParse(JSON.parse(text));
    return parsed.success ? { x: parsed.data.x, y: parsed.data.y } : null;
  } catch {
    // A half-written or hand-edited record is recomputed, as if it were not there.
    return null;
  }
}

async function writeCached(file: string, focus: FocusPoint): Promise<void> {
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, JSON.stringify({ version: FOCUS_ALGORITHM_VERSION, ...focus }));
    await rename(temp, file);
  } catch {
    // The record only saves a few milliseconds next time; a read-only or full cache folder must not fail a run.
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/**
 * A focus finder for one run: at most `concurrency` files decoded at once, each file's answer
 * (by path, size and modification time) kept in memory and, with a `cacheDir`, on disk. A file
 * that cannot be read answers null and is not recorded; a cancelled `signal` rejects.
 */
export function createFocusFinder(options: FocusFinderOptions = {}): FocusFinder {
  const cacheDir = options.cacheDir ?? null;
  const detect = options.detect ?? detectFocus;
  const limit = pLimit(options.concurrency ?? DEFAULT_FOCUS_CONCURRENCY);
  const known = new Map<string, Promise<FocusPoint | null>>();

  const compute = async (file: string, key: string, findOptions: FindFocusOptions): Promise<FocusPoint | null> => {
    const record = cacheDir === null ? null : path.join(cacheDir, "focus", `${key}.json`);
    const cached = record === null ? null : await readCached(record);
    if (cached) return cached;
    let focus: FocusPoint;
    try {
      focus = await limit(() => detect(file, findOptions));
    } catch (error) {
      if (findOptions.signal?.aborted) throw error;
      return null;
    }
    if (record !== null) await writeCached(record, focus);
    return focus;
  };

  return async (file, findOptions = {}) => {
    const key = await cacheKey(file, findOptions);
    if (key === null) return null;
    let pending = known.get(key);
    if (!pending) {
      pending = compute(file, key, findOptions);
      known.set(key, pending);
      // A cancelled run must not leave its rejection behind for the next caller of the same file.
      pending.catch(() => known.delete(key));
    }
    return pending;
  };
}
