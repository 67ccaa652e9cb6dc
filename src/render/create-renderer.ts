import { existsSync, statSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundle } from "@remotion/bundler";
import {
  makeCancelSignal,
  openBrowser,
  renderMedia,
  renderStill,
  selectComposition,
  type HeadlessBrowser,
  type RenderMediaOptions,
} from "@remotion/renderer";
import { VERSION as REMOTION_VERSION } from "remotion/version";
import { COMPOSITION_ID, type ReelpressProps } from "../../compositions/reelpress-props.js";
import type { VideoElement } from "../../compositions/video-element.js";
import { makeWebpackOverride } from "../../compositions/webpack-override.js";
import { RenderError, ReelpressError } from "../errors.js";
import type { Storyboard } from "../schema/storyboard.js";
import { startAssetServer } from "./asset-server.js";
import { bundleHash } from "./bundle-hash.js";
import { findBrowser } from "./find-browser.js";
import { storyboardFiles, themeFiles } from "./storyboard-files.js";
import { ffmpegIdentity, findFullFfmpeg, openFastSession, type FastSession } from "./fast/index.js";
import { renderSegmented } from "./segments/render-segmented.js";
import type { SegmentBackend, SegmentEncoding, SegmentSession } from "./segments/segment-backend.js";

const ENTRY_POINT = fileURLToPath(new URL("../../compositions/index.ts", import.meta.url));

export type RenderStage = "bundle" | "browser" | "frames" | "encode" | "poster";

export interface RenderProgress {
  stage: RenderStage;
  /** 0–1 within the stage. */
  progress: number;
  renderedFrames?: number;
  totalFrames?: number;
}

export interface RendererOptions {
  /** Browser binary; null or undefined searches the machine (see findBrowser). */
  browserExecutable?: string | null;
  /** Frames rendered in parallel. @default null (Remotion's choice from the core count) */
  concurrency?: number | null;
  env?: NodeJS.ProcessEnv;
  /**
   * A folder of the user's templates, bundled beside the built-in ones so their components can be
   * drawn (a storyboard names its template; its components are looked up there). It must exist.
   * @default null (the built-in templates only)
   */
  userTemplatesDir?: string | null;
  /**
   * Keeps the video bundle (`bundles/`) and the rendered segments (`segments/`) here between runs:
   * a second render of an unchanged scene takes it from the cache. null keeps nothing.
   * @default null
   */
  cacheDir?: string | null;
  /** Largest size of the segment cache, in bytes. @default DEFAULT_SEGMENT_CACHE_BYTES (4 GiB) */
  maxSegmentCacheBytes?: number;
  /**
   * Segments rendered at the same time, each with its share of `concurrency`.
   * @default the backend's parallelSegments, else FAST_SEGMENT_WORKERS (2) with the fast path, else DEFAULT_SEGMENT_WORKERS (1 below 4 cores, else 2)
   */
  segmentWorkers?: number;
  /**
   * Who draws the segments of a local "full" or "draft" render. "auto": the fast path (the browser
   * draws only the text overlays' distinct states, ffmpeg composites them over the footage) for
   * every segment it can draw, when an ffmpeg with the filters it needs is found (see
   * findFullFfmpeg), and Remotion for the others. "remotion": Remotion draws every frame.
   * @default "auto"
   */
  compositor?: Compositor;
  /** Where segments are rendered; closed with the renderer. @default this machine's Chromium (see createLambdaBackend for AWS). */
  backend?: SegmentBackend | null;
  onProgress?: (progress: RenderProgress) => void;
}

/**
 * How a video is rendered. "full": reelpress's way: segments (each scene's own frames, each
 * transition) composited by the fast path where it can (see `compositor`), else drawn by
 * Remotion with clips by @remotion/media's `<Video>` and JPEG frames at quality 90; x264
 * "veryfast" at CRF 20, cached by content and joined by stream copy.
 * "draft": the same at most DRAFT_WIDTH px wide, x264 "ultrafast", JPEG quality 70.
 * "plain": one renderMedia call with Remotion's own defaults and `<OffthreadVideo>`, no cache:
 * the yardstick of the benchmark.
 */
export type RenderProfile = "plain" | "full" | "draft";

export const DEFAULT_RENDER_PROFILE: RenderProfile = "full";

export type Compositor = "auto" | "remotion";
export const COMPOSITORS: readonly Compositor[] = ["auto", "remotion"];

/** A draft's text animation moves every third frame (10 states a second at 30 fps): most of a draft's time is the browser drawing text. */
export const DRAFT_TEXT_HOLD = 3;

/** Width of a draft render, for a 1920-px-wide storyboard (half size). */
export const DRAFT_WIDTH = 960;

export interface RenderVideoOptions {
  /** @default "full" */
  profile?: RenderProfile;
  signal?: AbortSignal;
  onProgress?: (progress: RenderProgress) => void;
}

/** What a render did: how many segments it joined and how many of them the cache already had. */
export interface RenderVideoReport {
  segments: number;
  reused: number;
  /** Frames drawn by this render (not taken from the cache). */
  renderedFrames: number;
  backend: string;
  /** Segments drawn now by the fast path (ffmpeg compositing text the browser drew once per state); the others drawn now, by Remotion. */
  composited: number;
}

export interface Renderer {
  /** Where the browser came from, for logs. */
  readonly browser: string;
  renderVideo(board: Storyboard, outputFile: string, options?: RenderVideoOptions): Promise<RenderVideoReport>;
  renderPoster(board: Storyboard, outputFile: string, frame: number, options?: { signal?: AbortSignal; profile?: RenderProfile }): Promise<void>;
  close(): Promise<void>;
}

/**
 * The factor a draft shrinks a frame by: the widest even width up to DRAFT_WIDTH whose height is
 * an even whole number too (H.264 needs even sides), e.g. 0.5 for 1920×1080, 954/1080 for 1080×1920.
 */
export function draftScale(width: number, height: number): number {
  if (width <= DRAFT_WIDTH) return 1;
  for (let w = DRAFT_WIDTH - (DRAFT_WIDTH % 2); w >= 2; w -= 2) {
    const h = (height * w) / width;
    if (Number.isInteger(h) && h % 2 === 0) return w / width;
  }
  return 1;
}

/** The size of the video a profile writes for a storyboard of this size. */
export function renderedSize(profile: RenderProfile, width: number, height: number): { width: number; height: number } {
  const scale = profile === "draft" ? draftScale(width, height) : 1;
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** How the segments of a "full" or "draft" render are drawn and encoded. */
export function segmentEncoding(profile: "full" | "draft", width: number, height: number): SegmentEncoding {
  if (profile === "draft") return { jpegQuality: 70, x264Preset: "ultrafast", crf: 23, scale: draftScale(width, height), textHold: DRAFT_TEXT_HOLD };
  return { jpegQuality: 90, x264Preset: "veryfast", crf: 20, scale: 1, textHold: 1 };
}

/** renderMedia's settings for a segment: every segment of a video alike, so they join by stream copy. */
function segmentMediaSettings({ jpegQuality, x264Preset, crf, scale }: SegmentEncoding, concurrency: number | null): Partial<RenderMediaOptions> {
  return { pixelFormat: "yuv420p", colorSpace: "bt709", imageFormat: "jpeg", muted: true, concurrency, jpegQuality, x264Preset, crf, scale };
}

/**
 * Frames drawn in parallel by each of `workers` segment renders: its share of `concurrency`, or of
 * Remotion's own choice (half the cores), at least 1.
 */
function framesPerWorker(concurrency: number | null, workers: number): number | null {
  if (workers === 1) return concurrency;
  return Math.max(1, Math.floor((concurrency ?? Math.round(cpus().length / 2)) / workers));
}

/** Segments Remotion renders at once on this machine: two where there are cores to spare, else one (measured best on 2 cores). */
export const DEFAULT_SEGMENT_WORKERS = cpus().length >= 4 ? 2 : 1;

/**
 * Segments rendered at once when the fast path composites them: two even on 2 cores, since each
 * leaves a core partly idle while it starts, waits for its text or encodes (60 s at 1080p on
 * 2 cores: 66 s against 78 s, a draft 21 s against 28 s).
 */
export const FAST_SEGMENT_WORKERS = Math.max(2, DEFAULT_SEGMENT_WORKERS);

/** Runs at most `slots` tasks at once; the others wait their turn, in order. */
function limiter(slots: number): { run<T>(task: () => Promise<T>): Promise<T> } {
  let busy = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(task) {
      // A finished task hands its slot straight to the next in line.
      if (busy >= slots) await new Promise<void>((turn) => waiting.push(turn));
      else busy++;
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else busy--;
      }
    },
  };
}

function checkMediaExists(board: Storyboard): void {
  for (const [i, scene] of board.scenes.entries()) {
    if (scene.media.kind !== "generated" && !existsSync(scene.media.file)) {
      throw new ReelpressError("E_MEDIA", `scene ${i + 1} (${scene.id}) uses ${scene.media.file}, which does not exist`, {
        hint: "run `reelpress plan` again to fetch the media, or point the scene's media.file at a local file",
      });
    }
  }
  for (const { field, file } of themeFiles(board)) {
    if (!existsSync(file)) {
      throw new ReelpressError("E_MEDIA", `the storyboard's "${field}" is ${file}, which does not exist`, {
        hint: "restore the file, or re-style the storyboard with `reelpress render --template NAME --brand FILE`",
      });
    }
  }
}

/**
 * One renderer per process: the Remotion bundle and the browser are made once, on first use,
 * and shared by every render until `close()`.
 */
export function createRenderer(options: RendererOptions = {}): Renderer {
  const env = options.env ?? process.env;
  const choice = findBrowser(options.browserExecutable, env);
  if (choice.executable && !existsSync(choice.executable)) {
    throw new RenderError("E_NO_BROWSER", `the browser ${choice.executable} (from ${choice.from}) does not exist`, {
      hint: "install Chromium (`apt-get install chromium`) or set REELPRESS_BROWSER to a Chrome/Chromium binary",
    });
  }
  let bundled: Promise<string> | null = null;
  let browser: Promise<HeadlessBrowser> | null = null;
  const report = (progress: RenderProgress, extra?: (p: RenderProgress) => void) => {
    options.onProgress?.(progress);
    extra?.(progress);
  };
  const chromium = { browserExecutable: choice.executable, chromeMode: "headless-shell" as const, logLevel: "error" as const };

  const cacheDir = options.cacheDir ? path.resolve(options.cacheDir) : null;
  const browserStamp = executableStamp(choice.executable);
  let hashed: Promise<string> | null = null;
  const getBundleHash = () => (hashed ??= bundleHash(options.userTemplatesDir ?? null));
  const getBundle = (onProgress?: (p: RenderProgress) => void) => {
    bundled ??= makeBundle(getBundleHash, cacheDir, options.userTemplatesDir ?? null, (percent) => report({ stage: "bundle", progress: percent / 100 }, onProgress)).catch((cause: unknown) => {
      bundled = null;
      throw new RenderError("E_RENDER", `could not bundle the video compositions: ${firstLine(cause)}`, { cause });
    });
    return bundled;
  };
  const getBrowser = () => {
    browser ??= openBrowser("chrome", chromium).catch((cause: unknown) => {
      browser = null;
      throw new RenderError("E_NO_BROWSER", `could not start the browser ${choice.executable ?? "(Remotion's own)"}: ${firstLine(cause)}`, {
        hint: "install Chromium (`apt-get install chromium`) or set REELPRESS_BROWSER to a Chrome/Chromium binary",
        cause,
      });
    });
    return browser;
  };

  /** The bundle, the browser and the storyboard's files served to it: all a render needs but the composition. */
  const openStoryboard = async (board: Storyboard, onProgress?: (p: RenderProgress) => void, videoElement: VideoElement = "media") => {
    checkMediaExists(board);
    const serveUrl = await getBundle(onProgress);
    report({ stage: "browser", progress: 0 }, onProgress);
    const puppeteerInstance = await getBrowser();
    const assets = await startAssetServer(storyboardFiles(board).map((entry) => entry.file));
    const inputProps: ReelpressProps = { storyboard: board, assets: assets.urls, videoElement };
    return { serveUrl, puppeteerInstance, inputProps, assets };
  };

  const selectReelpress = async (opened: Awaited<ReturnType<typeof openStoryboard>>) => {
    try {
      return await selectComposition({ ...chromium, serveUrl: opened.serveUrl, id: COMPOSITION_ID, inputProps: opened.inputProps, puppeteerInstance: opened.puppeteerInstance });
    } catch (cause) {
      throw new RenderError("E_RENDER", `the storyboard could not be opened for rendering: ${firstLine(cause)}`, { cause });
    }
  };

  const prepare = async (board: Storyboard, onProgress?: (p: RenderProgress) => void, videoElement: VideoElement = "media") => {
    const opened = await openStoryboard(board, onProgress, videoElement);
    try {
      return { ...opened, composition: await selectReelpress(opened) };
    } catch (cause) {
      await opened.assets.close();
      throw cause;
    }
  };

  /** renderMedia's options for an opened storyboard, as an H.264 video. */
  const h264Of = (job: Awaited<ReturnType<typeof prepare>>) =>
    ({ ...chromium, serveUrl: job.serveUrl, composition: job.composition, inputProps: job.inputProps, puppeteerInstance: job.puppeteerInstance, codec: "h264" }) as const;

  /** The whole video in one renderMedia call with Remotion's defaults: the benchmark's yardstick. */
  const renderPlain = async (board: Storyboard, outputFile: string, renderOptions: RenderVideoOptions): Promise<RenderVideoReport> => {
    const { onProgress, signal } = renderOptions;
    const job = await prepare(board, onProgress, "offthread");
    try {
      const totalFrames = job.composition.durationInFrames;
      await withCancelSignal(signal, (cancelSignal) =>
        renderMedia({
          ...h264Of(job),
          outputLocation: outputFile,
          overwrite: true,
          cancelSignal,
          onProgress: (p) =>
            report(
              p.stitchStage === "muxing" || p.renderedFrames >= totalFrames
                ? { stage: "encode", progress: p.encodedFrames / totalFrames, renderedFrames: p.renderedFrames, totalFrames }
                : { stage: "frames", progress: p.renderedFrames / totalFrames, renderedFrames: p.renderedFrames, totalFrames },
              onProgress,
            ),
        }),
      );
      return { segments: 1, reused: 0, renderedFrames: totalFrames, backend: "local (plain)", composited: 0 };
    } catch (cause) {
      if (signal?.aborted) throw new ReelpressError("E_ABORTED", "the render was cancelled", { cause });
      if (cause instanceof ReelpressError) throw cause;
      throw new RenderError("E_RENDER", `rendering failed: ${firstLine(cause)}`, { cause });
    } finally {
      await job.assets.close();
    }
  };

  /** Segments drawn by this machine's Chromium, one renderMedia call each over the segment's frames. */
  let fullFfmpeg: Promise<{ file: string; identity: string } | null> | null = null;
  const getFullFfmpeg = () =>
    (fullFfmpeg ??= (async () => {
      const file = options.compositor === "remotion" ? null : await findFullFfmpeg(env);
      return file ? { file, identity: await ffmpegIdentity(file) } : null;
    })());

  /**
   * Segments drawn on this machine: by the fast path where it can (compositor ffmpeg given),
   * otherwise by one renderMedia call each over the segment's frames.
   */
  const remotionWorkers = options.segmentWorkers ?? DEFAULT_SEGMENT_WORKERS;
  const remotionTurns = limiter(remotionWorkers);
  const localBackend = (compositor: { file: string; identity: string } | null, counts: { fast: number }): SegmentBackend => ({
    name: "local",
    // Another browser (or compositing ffmpeg) build may draw text and images differently, so its segments are kept apart.
    encoderId: `remotion ${REMOTION_VERSION}, ${browserStamp}${compositor ? `, compositor ${compositor.identity}` : ""}`,
    async open(board, openOptions = {}) {
      const opened = await openStoryboard(board, undefined);
      // Selected in the browser only when a segment needs Remotion: a video drawn wholly by the
      // fast path (a re-render of one scene, say) saves the second or so it takes.
      let selected: Promise<Awaited<ReturnType<typeof prepare>>> | null = null;
      const job = () => (selected ??= selectReelpress(opened).then((composition) => ({ ...opened, composition })));
      let fast: FastSession | null = null;
      try {
        throwIfAborted(openOptions.signal);
        if (compositor) fast = await openFastSession({ serveUrl: opened.serveUrl, puppeteerInstance: opened.puppeteerInstance, assets: opened.assets.urls, browserExecutable: choice.executable, fullFfmpeg: compositor.file }, board);
      } catch (cause) {
        await opened.assets.close();
        throw cause;
      }
      return {
        prepare: (ranges, encoding) => fast?.prepare(ranges, encoding),
        renderSegment: async (range, encoding, segmentFile, segmentOptions = {}) => {
          if (fast?.supports(range)) {
            await fast.renderSegment(range, encoding, segmentFile, segmentOptions);
            counts.fast++;
            return;
          }
          const reelpress = await job();
          // Segments Remotion draws take turns unless the user asked for more at once: two
          // renderMedia calls side by side are slower on 2 cores, and next to the compositor's
          // work a Remotion frame can outlast its timeout.
          await remotionTurns.run(() =>
            withCancelSignal(segmentOptions.signal, (cancelSignal) =>
            renderMedia({
              ...h264Of(reelpress),
              ...segmentMediaSettings(encoding, framesPerWorker(options.concurrency ?? null, remotionWorkers)),
              frameRange: [range.from, range.to - 1],
              outputLocation: segmentFile,
              overwrite: true,
              cancelSignal,
              onProgress: (p) => segmentOptions.onFrames?.(p.renderedFrames),
            }),
            ),
          );
        },
        close: async () => {
          await fast?.close();
          await opened.assets.close();
        },
      };
    },
    async close() {},
  });

  return {
    browser: `${choice.executable ?? "Remotion's headless shell"} (${choice.from})`,

    async renderVideo(board, outputFile, renderOptions = {}) {
      const { onProgress, signal } = renderOptions;
      const profile = renderOptions.profile ?? DEFAULT_RENDER_PROFILE;
      throwIfAborted(signal);
      if (profile === "plain") return renderPlain(board, outputFile, renderOptions);
      const counts = { fast: 0 };
      const compositor = options.backend ? null : await getFullFfmpeg();
      const local = options.backend ? null : localBackend(compositor, counts);
      const backend = options.backend ?? local!;
      const workers = Math.max(1, options.segmentWorkers ?? backend.parallelSegments ?? (compositor ? FAST_SEGMENT_WORKERS : DEFAULT_SEGMENT_WORKERS));
      let session: SegmentSession | null = null;
      try {
        session = await backend.open(board, { signal });
        throwIfAborted(signal);
        const { width, height } = board.output;
        const segmented = await renderSegmented(board, outputFile, {
          session,
          encoderId: backend.encoderId,
          bundleHash: await getBundleHash(),
          encoding: segmentEncoding(profile, width, height),
          cacheDir: cacheDir ? path.join(cacheDir, "segments") : null,
          maxCacheBytes: options.maxSegmentCacheBytes,
          workers,
          signal,
          onFrames: (done, total) => report({ stage: "frames", progress: done / total, renderedFrames: done, totalFrames: total }, onProgress),
        });
        report({ stage: "encode", progress: 1 }, onProgress);
        return { ...segmented, backend: backend.name, composited: counts.fast };
      } catch (cause) {
        if (signal?.aborted) throw new ReelpressError("E_ABORTED", "the render was cancelled", { cause });
        if (cause instanceof ReelpressError) throw cause;
        throw new RenderError("E_RENDER", `rendering failed: ${firstLine(cause)}`, { cause });
      } finally {
        await session?.close();
      }
    },

    async renderPoster(board, outputFile, frame, posterOptions = {}) {
      throwIfAborted(posterOptions.signal);
      const job = await prepare(board);
      try {
        throwIfAborted(posterOptions.signal);
        report({ stage: "poster", progress: 0 });
        await renderStill({
          ...chromium,
          serveUrl: job.serveUrl,
          composition: job.composition,
          inputProps: job.inputProps,
          puppeteerInstance: job.puppeteerInstance,
          frame: Math.min(frame, job.composition.durationInFrames - 1),
          imageFormat: "jpeg",
          jpegQuality: 88,
          scale: posterOptions.profile === "draft" ? draftScale(job.composition.width, job.composition.height) : 1,
          output: outputFile,
          overwrite: true,
        });
        report({ stage: "poster", progress: 1 });
      } catch (cause) {
        if (cause instanceof ReelpressError) throw cause;
        throw new RenderError("E_RENDER", `rendering the poster failed: ${firstLine(cause)}`, { cause });
      } finally {
        await job.assets.close();
      }
    },

    async close() {
      await options.backend?.close();
      const open = browser;
      const made = bundled;
      browser = null;
      bundled = null;
      // A failed start was already reported by the render that needed it; nothing to close then.
      if (open) await (await open.catch(() => null))?.close({ silent: true });
      // Without a cache folder the bundle is a temporary folder of about 40 MB, made again by the next process.
      const dir = made ? await made.catch(() => null) : null;
      if (dir && !cacheDir && dir.startsWith(tmpdir())) await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The Remotion bundle of the compositions and templates. With a cache folder it is kept in
 * `<cacheDir>/bundles/<hash>` and reused by later runs while nothing it is built from changes.
 */
async function makeBundle(hash: () => Promise<string>, cacheDir: string | null, userTemplatesDir: string | null, onProgress: (percent: number) => void): Promise<string> {
  const webpackOverride = makeWebpackOverride({ userTemplatesDir });
  if (!cacheDir) return bundle({ entryPoint: ENTRY_POINT, webpackOverride, onProgress });
  const dir = path.join(cacheDir, "bundles", await hash());
  if (await isFile(path.join(dir, "index.html"))) {
    const now = new Date();
    // Only marks the bundle as used for pruning; a read-only cache still renders.
    await utimes(dir, now, now).catch(() => undefined);
    onProgress(100);
    return dir;
  }
  await mkdir(path.dirname(dir), { recursive: true });
  const temp = `${dir}.${process.pid}.part`;
  try {
    await bundle({ entryPoint: ENTRY_POINT, webpackOverride, onProgress, outDir: temp });
    // Another process may have finished the same bundle first; either copy is the same.
    await rename(temp, dir).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
      if (!(await isFile(path.join(dir, "index.html")))) throw new Error(`the cached bundle ${dir} is incomplete; delete it and run again`);
    });
    await pruneBundles(path.dirname(dir), KEPT_BUNDLES);
    return dir;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** The browser binary's path, size and date, or Remotion's own headless shell. */
function executableStamp(executable: string | null): string {
  if (!executable) return "remotion headless shell";
  try {
    const s = statSync(executable);
    return `${executable} ${s.size} ${Math.round(s.mtimeMs)}`;
  } catch {
    return executable;
  }
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Bundles kept in the cache: the newest few, for runs with another templates folder or an older checkout. */
const KEPT_BUNDLES = 3;

/** Removes all but the `keep` most recently used bundles (half-made ones are left to their process). */
async function pruneBundles(dir: string, keep: number): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const bundles = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() && !entry.name.endsWith(".part"))
      // Another process may be pruning the same folder: a bundle gone meanwhile is skipped.
      .map(async (entry) => ({ dir: path.join(dir, entry.name), used: (await stat(path.join(dir, entry.name)).catch(() => null))?.mtimeMs ?? 0 })),
  );
  bundles.sort((a, b) => b.used - a.used);
  await Promise.all(bundles.slice(keep).map((old) => rm(old.dir, { recursive: true, force: true })));
}

/** Runs a Remotion call with a cancel signal that fires when `signal` aborts (also when it already has). */
async function withCancelSignal<T>(signal: AbortSignal | undefined, run: (cancelSignal: ReturnType<typeof makeCancelSignal>["cancelSignal"]) => Promise<T>): Promise<T> {
  throwIfAborted(signal);
  const { cancelSignal, cancel } = makeCancelSignal();
  const onAbort = () => cancel();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    return await run(cancelSignal);
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ReelpressError("E_ABORTED", "the render was cancelled");
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n").find((line) => line.trim())?.trim() ?? "unknown error";
}
