import { mkdir, mkdtemp, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ReelpressError } from "../../errors.js";
import type { Storyboard } from "../../schema/storyboard.js";
import { joinSegments } from "./join-segments.js";
import { planSegments, type PlannedSegment } from "./plan-segments.js";
import type { SegmentEncoding, SegmentSession } from "./segment-backend.js";
import { DEFAULT_SEGMENT_CACHE_BYTES, hasSegment, segmentFile, touchSegments, trimSegmentCache } from "./segment-cache.js";
import { segmentKey } from "./segment-key.js";
import { storyboardFiles } from "../storyboard-files.js";

export interface SegmentedRenderOptions {
  session: SegmentSession;
  encoderId: string;
  bundleHash: string;
  encoding: SegmentEncoding;
  /** Folder of rendered segments kept between renders; null renders every segment afresh. */
  cacheDir: string | null;
  /** Largest size of the cache folder in bytes. @default DEFAULT_SEGMENT_CACHE_BYTES */
  maxCacheBytes?: number;
  /** Segments rendered at the same time. @default 1 */
  workers?: number;
  signal?: AbortSignal;
  /** Frames done (rendered now or found in the cache) of the whole video. */
  onFrames?: (done: number, total: number) => void;
}

export interface SegmentedRenderReport {
  segments: number;
  /** Segments taken from the cache instead of being rendered. */
  reused: number;
  /** Frames rendered (not taken from the cache). */
  renderedFrames: number;
}

/**
 * Renders a storyboard as segments (see planSegments), each one only if the cache lacks its key,
 * up to `workers` at a time, and joins them by stream copy into outputFile.
 */
export async function renderSegmented(board: Storyboard, outputFile: string, options: SegmentedRenderOptions): Promise<SegmentedRenderReport> {
  const plan = planSegments(board);
  const fileStamps = await stampFiles(board);
  const keys = plan.map((segment) => segmentKey(board, segment, { ...options, fileStamps }));
  const scratch = options.cacheDir ? null : await mkdtemp(path.join(tmpdir(), "reelpress-segments-"));
  const dir = options.cacheDir ?? scratch!;
  try {
    await mkdir(dir, { recursive: true });
    const cached = await Promise.all(keys.map((key) => (options.cacheDir ? hasSegment(dir, key) : false)));
    // Marked as used at once, so another process trimming the cache meanwhile keeps them.
    if (options.cacheDir) await touchSegments(keys.filter((_, i) => cached[i]).map((key) => segmentFile(dir, key)));
    const total = plan.reduce((sum, s) => sum + (s.to - s.from), 0);
    const progress = plan.map((s, i) => (cached[i] ? s.to - s.from : 0));
    const report = () => options.onFrames?.(progress.reduce((a, b) => a + b, 0), total);
    report();
    const draw = async (todo: { segment: PlannedSegment; i: number }[]) => {
      if (todo.length > 0) options.session.prepare?.(todo.map(({ segment }) => segment), options.encoding);
      await runPool(todo, options.workers ?? 1, options.signal, async ({ segment, i }, signal) => {
        await renderOne(options.session, segment, options.encoding, segmentFile(dir, keys[i]!), signal, (n) => {
          progress[i] = n;
          report();
        });
        progress[i] = segment.to - segment.from;
        report();
      });
    };
    const missing = plan.map((segment, i) => ({ segment, i })).filter(({ i }) => !cached[i]);
    await draw(missing);
    // A segment found in the cache may have been trimmed away by another process since: drawn again.
    const gone = options.cacheDir ? (await Promise.all(plan.map(async (segment, i) => ((await hasSegment(dir, keys[i]!)) ? null : { segment, i })))).filter((x) => x !== null) : [];
    await draw(gone);
    const files = keys.map((key) => segmentFile(dir, key));
    await joinSegments(files, outputFile, { signal: options.signal });
    if (options.cacheDir) {
      await touchSegments(files);
      await trimSegmentCache(dir, options.maxCacheBytes ?? DEFAULT_SEGMENT_CACHE_BYTES, files);
    }
    return { segments: plan.length, reused: cached.filter(Boolean).length, renderedFrames: missing.reduce((sum, { segment }) => sum + segment.to - segment.from, 0) };
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

/** One segment into a temporary file beside its place, renamed there when whole. */
async function renderOne(session: SegmentSession, segment: PlannedSegment, encoding: SegmentEncoding, file: string, signal: AbortSignal | undefined, onFrames: (n: number) => void): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file, ".mp4")}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.part.mp4`);
  try {
    await session.renderSegment(segment, encoding, temp, { signal, onFrames });
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Runs `work` over items, at most `limit` at once. The first failure cancels the work in flight
 * (through the signal each call gets) and is thrown; cancelling `signal` throws E_ABORTED.
 */
async function runPool<T>(items: readonly T[], limit: number, signal: AbortSignal | undefined, work: (item: T, signal: AbortSignal) => Promise<void>): Promise<void> {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (!stop.signal.aborted && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item, stop.signal);
      } catch (error) {
        // The first error is the cause; the others are the cancelled work it stopped.
        failure ??= { error };
        stop.abort();
      }
    }
  };
  try {
    if (signal?.aborted) stop.abort();
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
  // Set inside the lanes, which TypeScript's narrowing does not follow.
  const failed = failure as { error: unknown } | null;
  if (signal?.aborted) throw new ReelpressError("E_ABORTED", "the render was cancelled", { cause: failed?.error });
  if (failed) throw failed.error;
}

/** Size and modification time of every local file the frames are drawn from: a changed file changes its segments' keys. */
async function stampFiles(board: Storyboard): Promise<Record<string, string>> {
  const stamps: Record<string, string> = {};
  await Promise.all(
    storyboardFiles(board).map(async ({ file }) => {
      const s = await stat(file).catch(() => null);
      stamps[file] = s ? `${s.size}:${Math.round(s.mtimeMs)}` : "missing";
    }),
  );
  return stamps;
}
