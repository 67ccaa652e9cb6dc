import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeCancelSignal, renderFrames, type HeadlessBrowser } from "@remotion/renderer";
import type { VideoConfig } from "remotion";
import { overlayMetadata } from "../../../compositions/overlay/calculate-overlay-metadata.js";
import { OVERLAY_STATES_COMPOSITION_ID, type OverlayStatesProps } from "../../../compositions/overlay/overlay-states-props.js";
import { ReelpressError } from "../../errors.js";
import type { Storyboard } from "../../schema/storyboard.js";
import { planSegments, type PlannedSegment } from "../segments/plan-segments.js";
import type { SegmentEncoding, SegmentRange, SegmentRenderOptions } from "../segments/segment-backend.js";
import { probeVideo } from "../../media/probe-media.js";
import { clipColorMatrix } from "./clip-color-matrix.js";
import { composeAndEncode } from "./compose-segment.js";
import { remotionH264Args } from "./encoder-args.js";
import { fastSegmentSupport } from "./fast-segment-support.js";
import { planOverlayPages, type OverlayPagePlan } from "./plan-overlay-pages.js";
import { segmentGraph, segmentOverlayLayers } from "./segment-graph.js";

/** What the fast path needs from the renderer: the bundle, an open browser, the storyboard's files as URLs, a full ffmpeg. */
export interface FastContext {
  serveUrl: string;
  puppeteerInstance: HeadlessBrowser;
  /** Theme files (fonts, logo, watermark image) → URLs the browser can load, as for Reelpress. */
  assets: Record<string, string>;
  browserExecutable: string | null;
  /** An ffmpeg with the filters in FULL_FFMPEG_FILTERS (see findFullFfmpeg). */
  fullFfmpeg: string;
}

/**
 * Segments of one storyboard drawn by the fast path: the browser draws only the distinct states of
 * the text and mark layers (PNG pages with alpha), all segments' in one pass, and ffmpeg composites
 * them over the footage; the bundled ffmpeg encodes with Remotion's own arguments, so the files join
 * Remotion's segments by stream copy.
 */
export interface FastSession {
  /** Whether this segment can be drawn like the Reelpress composition draws it (fastSegmentSupport). */
  supports(range: SegmentRange): boolean;
  /**
   * Starts drawing the overlay states of these segments in one browser pass, in this order, so
   * that renderSegment can start on a segment as soon as its pages are drawn.
   */
  prepare(ranges: readonly SegmentRange[], encoding: SegmentEncoding): void;
  /** Writes the segment as a muted H.264 MP4 (the caller renames it into place). */
  renderSegment(range: SegmentRange, encoding: SegmentEncoding, outputFile: string, options?: SegmentRenderOptions): Promise<void>;
  /** Stops a pass still drawing and removes the pages. */
  close(): Promise<void>;
}

interface Pass {
  plan: OverlayPagePlan;
  files: string[];
  /** Resolves when page k is on disk; rejects when the pass fails. */
  pages: Promise<void>[];
  cancel: () => void;
  done: Promise<void>;
}

export async function openFastSession(ctx: FastContext, board: Storyboard): Promise<FastSession> {
  const planned = planSegments(board);
  const clipMatrices = await clipMatricesOf(board);
  const workDir = await mkdtemp(path.join(tmpdir(), "reelpress-fast-"));
  const passes: Pass[] = [];
  /** The pass and plan entry that hold each prepared segment's layers, by "from:to:scale:hold". */
  const prepared = new Map<string, Pass>();
  let closed = false;

  const segmentOf = (range: SegmentRange): PlannedSegment | null => planned.find((s) => s.from === range.from && s.to === range.to) ?? null;
  const keyOf = (range: SegmentRange, encoding: SegmentEncoding) => `${range.from}:${range.to}:${encoding.scale}:${encoding.textHold}`;

  const startPass = (segments: PlannedSegment[], encoding: SegmentEncoding): void => {
    const requests = segments.flatMap((segment) => segmentOverlayLayers(board, segment).map((layer) => ({ layer, from: segment.from, to: segment.to })));
    const plan = planOverlayPages(board, requests, encoding.scale, encoding.textHold);
    const n = passes.length;
    const files = plan.pages.map((_, k) => path.join(workDir, `pass-${n}-page-${k}.png`));
    const settle = plan.pages.map(() => {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<void>((yes, no) => ((resolve = yes), (reject = no)));
      // Awaited only by the segments that use the page; a failed pass must not be an unhandled rejection.
      promise.catch(() => undefined);
      return { promise, resolve, reject };
    });
    const { cancelSignal, cancel } = makeCancelSignal();
    const done = drawPages(ctx, board, plan, encoding.scale, cancelSignal, async (buffer, k) => {
      await writeFile(files[k]!, buffer);
      settle[k]!.resolve();
    }).then(
      () => settle.forEach((s) => s.reject(new Error("the overlay pass ended without drawing every page"))),
      (error: unknown) => settle.forEach((s) => s.reject(error)),
    );
    const pass: Pass = { plan, files, pages: settle.map((s) => s.promise), cancel, done };
    passes.push(pass);
    for (const segment of segments) prepared.set(keyOf(segment, encoding), pass);
  };

  return {
    supports: (range) => {
      const segment = segmentOf(range);
      return segment !== null && fastSegmentSupport(board, segment).ok;
    },

    prepare(ranges, encoding) {
      if (closed) return;
      const segments = ranges.map(segmentOf).filter((s): s is PlannedSegment => s !== null && fastSegmentSupport(board, s).ok && !prepared.has(keyOf(s, encoding)));
      if (segments.length > 0) startPass(segments, encoding);
    },

    async renderSegment(range, encoding, outputFile, options = {}) {
      const { signal } = options;
      const segment = segmentOf(range);
      const support = segment ? fastSegmentSupport(board, segment) : { ok: false as const, why: "it is not a segment of this storyboard" };
      if (!segment || !support.ok) throw new ReelpressError("E_RENDER", `frames ${range.from}–${range.to} cannot be drawn by the fast path: ${support.ok ? "" : support.why}`);
      if (!prepared.has(keyOf(segment, encoding))) startPass([segment], encoding);
      const pass = prepared.get(keyOf(segment, encoding))!;
      const mine = pass.plan.layers.filter((l) => l.from === segment.from && l.to === segment.to);
      const used = [...new Set(mine.flatMap((l) => l.page))];
      await abortable(Promise.all(used.map((k) => pass.pages[k]!)), signal);
      const graph = segmentGraph({ board, segment, scale: encoding.scale, plan: pass.plan, pageFiles: pass.files, workDir: await mkdtemp(path.join(workDir, "segment-")), clipMatrices });
      await Promise.all(graph.files.map((file) => writeFile(file.path, file.content)));
      await composeAndEncode(ctx.fullFfmpeg, graph.args, remotionH264Args(encoding, board.output.fps, { format: "matroska" }, outputFile), graph.frames, signal, options.onFrames);
    },

    async close() {
      closed = true;
      for (const pass of passes) pass.cancel();
      await Promise.all(passes.map((pass) => pass.done));
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** Each clip's colour matrix, from its stream's tag (one ffprobe per clip). */
async function clipMatricesOf(board: Storyboard): Promise<Record<string, string>> {
  const clips = new Map<string, number>();
  for (const scene of board.scenes) if (scene.media.kind === "video") clips.set(scene.media.file, scene.media.height);
  const entries = await Promise.all(
    [...clips].map(async ([file, height]) => {
      // A clip ffprobe cannot read fails its segment's graph later, with ffmpeg's own message.
      const tag = await probeVideo(file).then((info) => info.colorSpace, () => null);
      return [file, clipColorMatrix(tag, height)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** One renderFrames call over the overlay composition: page k is frame k. */
async function drawPages(
  ctx: FastContext,
  board: Storyboard,
  plan: OverlayPagePlan,
  scale: number,
  cancelSignal: ReturnType<typeof makeCancelSignal>["cancelSignal"],
  onPage: (buffer: Buffer, k: number) => Promise<void>,
): Promise<void> {
  if (plan.pages.length === 0) return;
  const inputProps: OverlayStatesProps = { storyboard: board, assets: ctx.assets, pageWidth: plan.pageWidth, pageHeight: plan.pageHeight, pages: plan.pages };
  const chromium = { browserExecutable: ctx.browserExecutable, chromeMode: "headless-shell" as const, logLevel: "error" as const, puppeteerInstance: ctx.puppeteerInstance };
  // What selectComposition would answer, worked out here: its metadata is pure, and asking the
  // browser costs a page load (about a second) before the first page can be drawn.
  const composition: VideoConfig = {
    ...overlayMetadata(inputProps),
    id: OVERLAY_STATES_COMPOSITION_ID,
    defaultProps: {},
    props: inputProps,
    defaultCodec: null,
    defaultOutName: null,
    defaultVideoImageFormat: null,
    defaultPixelFormat: null,
    defaultProResProfile: null,
    defaultSampleRate: null,
  };
  const writes: Promise<void>[] = [];
  try {
    await renderFrames({
      ...chromium,
      serveUrl: ctx.serveUrl,
      composition,
      inputProps,
      imageFormat: "png",
      concurrency: 1,
      scale,
      outputDir: null,
      frameRange: [0, plan.pages.length - 1],
      cancelSignal,
      onFrameBuffer: (buffer, frame) => {
        writes.push(onPage(buffer, frame));
      },
      onStart: () => undefined,
      onFrameUpdate: () => undefined,
    });
  } finally {
    // Pages still being written when the pass stops are waited for, so the folder can go.
    await Promise.allSettled(writes);
  }
  await Promise.all(writes);
}

/** Waits for `work`, or throws E_ABORTED as soon as the signal is cancelled. */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  const aborted = () => new ReelpressError("E_ABORTED", "the render was cancelled");
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
