import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
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
import { COMPOSITION_ID } from "../../compositions/reelpress-props.js";
import { makeWebpackOverride } from "../../compositions/webpack-override.js";
import { RenderError, ReelpressError } from "../errors.js";
import type { Storyboard } from "../schema/storyboard.js";
import { startAssetServer } from "./asset-server.js";
import { findBrowser } from "./find-browser.js";

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
  onProgress?: (progress: RenderProgress) => void;
}

/**
 * How a video is encoded. "full": reelpress's settings (JPEG frames at quality 90, CRF 20).
 * "draft": a quick preview, at most DRAFT_WIDTH px wide, x264 "ultrafast", JPEG quality 70.
 * "plain": Remotion's own defaults (only the codec is set), the yardstick of the benchmark.
 */
export type RenderProfile = "plain" | "full" | "draft";

export const DEFAULT_RENDER_PROFILE: RenderProfile = "full";

/** Width of a draft render, for a 1920-px-wide storyboard (half size). */
export const DRAFT_WIDTH = 960;

export interface RenderVideoOptions {
  /** @default "full" */
  profile?: RenderProfile;
  signal?: AbortSignal;
  onProgress?: (progress: RenderProgress) => void;
}

export interface Renderer {
  /** Where the browser came from, for logs. */
  readonly browser: string;
  renderVideo(board: Storyboard, outputFile: string, options?: RenderVideoOptions): Promise<void>;
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

/** renderMedia's encoding settings for a profile; "plain" leaves every one at Remotion's default. */
function encodingSettings(profile: RenderProfile, width: number, height: number, concurrency: number | null): Partial<RenderMediaOptions> {
  if (profile === "plain") return {};
  const shared = { pixelFormat: "yuv420p", colorSpace: "bt709", imageFormat: "jpeg", concurrency } as const;
  if (profile === "draft") return { ...shared, jpegQuality: 70, x264Preset: "ultrafast", scale: draftScale(width, height) };
  return { ...shared, jpegQuality: 90, crf: 20 };
}

function mediaFiles(board: Storyboard): string[] {
  return [
    ...board.scenes.flatMap((scene) => (scene.media.kind === "generated" ? [] : [scene.media.file])),
    ...themeFiles(board).map(([, file]) => file),
  ];
}

/** The look's own files (fonts, logo, watermark image), served like media: the composition finds them in `assets`. */
function themeFiles(board: Storyboard): [field: string, file: string][] {
  const { fonts, logo, watermark } = board.theme;
  const named: [string, string | null | undefined][] = [
    ["theme.fonts.headline.file", fonts.headline.file],
    ["theme.fonts.body.file", fonts.body.file],
    ["theme.logo.file", logo.file],
    ["theme.watermark.image", watermark?.image],
  ];
  return named.filter((entry): entry is [string, string] => typeof entry[1] === "string");
}

function checkMediaExists(board: Storyboard): void {
  for (const [i, scene] of board.scenes.entries()) {
    if (scene.media.kind !== "generated" && !existsSync(scene.media.file)) {
      throw new ReelpressError("E_MEDIA", `scene ${i + 1} (${scene.id}) uses ${scene.media.file}, which does not exist`, {
        hint: "run `reelpress plan` again to fetch the media, or point the scene's media.file at a local file",
      });
    }
  }
  for (const [field, file] of themeFiles(board)) {
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

  const getBundle = (onProgress?: (p: RenderProgress) => void) => {
    bundled ??= bundle({
      entryPoint: ENTRY_POINT,
      webpackOverride: makeWebpackOverride({ userTemplatesDir: options.userTemplatesDir ?? null }),
      onProgress: (percent) => report({ stage: "bundle", progress: percent / 100 }, onProgress),
    }).catch((cause: unknown) => {
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

  const prepare = async (board: Storyboard, onProgress?: (p: RenderProgress) => void) => {
    checkMediaExists(board);
    const serveUrl = await getBundle(onProgress);
    report({ stage: "browser", progress: 0 }, onProgress);
    const puppeteerInstance = await getBrowser();
    const assets = await startAssetServer(mediaFiles(board));
    const inputProps = { storyboard: board, assets: assets.urls };
    try {
      const composition = await selectComposition({ ...chromium, serveUrl, id: COMPOSITION_ID, inputProps, puppeteerInstance });
      return { serveUrl, puppeteerInstance, inputProps, composition, assets };
    } catch (cause) {
      await assets.close();
      throw new RenderError("E_RENDER", `the storyboard could not be opened for rendering: ${firstLine(cause)}`, { cause });
    }
  };

  return {
    browser: `${choice.executable ?? "Remotion's headless shell"} (${choice.from})`,

    async renderVideo(board, outputFile, renderOptions = {}) {
      const { onProgress, signal } = renderOptions;
      const profile = renderOptions.profile ?? DEFAULT_RENDER_PROFILE;
      throwIfAborted(signal);
      const job = await prepare(board, onProgress);
      const { cancelSignal, cancel } = makeCancelSignal();
      const onAbort = () => cancel();
      signal?.addEventListener("abort", onAbort, { once: true });
      try {
        // The signal may have fired while the bundle or the browser was being made.
        throwIfAborted(signal);
        const totalFrames = job.composition.durationInFrames;
        await renderMedia({
          ...chromium,
          serveUrl: job.serveUrl,
          composition: job.composition,
          inputProps: job.inputProps,
          puppeteerInstance: job.puppeteerInstance,
          codec: "h264",
          ...encodingSettings(profile, job.composition.width, job.composition.height, options.concurrency ?? null),
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
        });
      } catch (cause) {
        if (signal?.aborted) throw new ReelpressError("E_ABORTED", "the render was cancelled", { cause });
        if (cause instanceof ReelpressError) throw cause;
        throw new RenderError("E_RENDER", `rendering failed: ${firstLine(cause)}`, { cause });
      } finally {
        signal?.removeEventListener("abort", onAbort);
        await job.assets.close();
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
      const open = browser;
      const made = bundled;
      browser = null;
      bundled = null;
      // A failed start was already reported by the render that needed it; nothing to close then.
      if (open) await (await open.catch(() => null))?.close({ silent: true });
      // The bundle is a temporary folder of about 40 MB; it is made again by the next process.
      const dir = made ? await made.catch(() => null) : null;
      if (dir && dir.startsWith(tmpdir())) await rm(dir, { recursive: true, force: true });
    },
  };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ReelpressError("E_ABORTED", "the render was cancelled");
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n").find((line) => line.trim())?.trim() ?? "unknown error";
}
