import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "./errors.js";
import { extractArticle, fetchBytes } from "./ingest/index.js";
import { matchMedia } from "./match/index.js";
import { createRenderer, formatCredits, outputPaths, OutputTransaction, toSrt, toVtt, type Renderer, type RenderProgress } from "./render/index.js";
import { formatIssues } from "./schema/format-issues.js";
import { StoryboardSchema, type Aspect, type Storyboard } from "./schema/storyboard.js";
import type { Article } from "./schema/article.js";
import type { Script } from "./schema/script.js";
import { writeScript } from "./script/index.js";
import { buildStoryboard, storyboardCaptions } from "./storyboard/index.js";

export type Stage = "ingest" | "script" | "match" | "storyboard" | "render" | "poster" | "files";

export type PipelineEvent =
  | { type: "stage-start"; stage: Stage }
  | { type: "stage-end"; stage: Stage; ms: number }
  | { type: "render"; progress: RenderProgress };

export interface PlanOptions {
  /** @default "16:9" */
  aspect?: Aspect;
  /** Target length in seconds. @default 60 */
  durationSeconds?: number;
  /** @default 160 */
  wordsPerMinute?: number;
  /** @default 30 */
  fps?: number;
  /** @default ".reelpress-cache" */
  cacheDir?: string;
  fetch?: { timeoutMs?: number; maxBytes?: number; maxRedirects?: number; maxRetries?: number };
  signal?: AbortSignal;
  onEvent?: (event: PipelineEvent) => void;
}

export interface RenderOptions {
  browserExecutable?: string | null;
  concurrency?: number | null;
  /** A renderer to reuse (and leave open); else one is made and closed. */
  renderer?: Renderer;
  signal?: AbortSignal;
  onEvent?: (event: PipelineEvent) => void;
}

export interface Plan {
  article: Article;
  script: Script;
  storyboard: Storyboard;
  timings: Partial<Record<Stage, number>>;
  warnings: string[];
}

export interface RenderResult {
  files: ReturnType<typeof outputPaths>;
  durationSeconds: number;
  timings: Partial<Record<Stage, number>>;
}

export const DEFAULT_PLAN_OPTIONS = {
  aspect: "16:9",
  durationSeconds: 60,
  wordsPerMinute: 160,
  fps: 30,
  cacheDir: ".reelpress-cache",
} as const;

async function timed<T>(stage: Stage, timings: Partial<Record<Stage, number>>, onEvent: PlanOptions["onEvent"], work: () => Promise<T> | T): Promise<T> {
  onEvent?.({ type: "stage-start", stage });
  const started = performance.now();
  const result = await work();
  const ms = Math.round(performance.now() - started);
  timings[stage] = ms;
  onEvent?.({ type: "stage-end", stage, ms });
  return result;
}

/** Reads the article only. */
export async function extract(input: string, options: Pick<PlanOptions, "fetch" | "signal"> = {}): Promise<Article> {
  return extractArticle(input, { ...options.fetch, signal: options.signal });
}

/** Article → script → media → storyboard, without rendering. */
export async function plan(input: string, options: PlanOptions = {}): Promise<Plan> {
  const o = { ...DEFAULT_PLAN_OPTIONS, ...definedOnly(options) };
  const timings: Plan["timings"] = {};
  const limits = { ...o.fetch, signal: o.signal };
  const article = await timed("ingest", timings, o.onEvent, () => extractArticle(input, limits));
  const script = await timed("script", timings, o.onEvent, () =>
    writeScript(article, { durationSeconds: o.durationSeconds, wordsPerMinute: o.wordsPerMinute }),
  );
  const matched = await timed("match", timings, o.onEvent, () =>
    matchMedia(article, script, {
      cacheDir: path.resolve(o.cacheDir),
      fetchBytes: (url, request) => fetchBytes(url, { ...limits, ...request }),
      signal: o.signal,
    }),
  );
  const storyboard = await timed("storyboard", timings, o.onEvent, () =>
    buildStoryboard(article, script, matched.media, {
      aspect: o.aspect,
      fps: o.fps,
      wordsPerMinute: o.wordsPerMinute,
      warnings: matched.warnings,
    }),
  );
  return { article, script, storyboard, timings, warnings: storyboard.warnings };
}

/** Reads and validates a storyboard file; errors name the field. */
export async function readStoryboard(file: string): Promise<Storyboard> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new InputError("E_FILE_NOT_FOUND", `cannot read the storyboard ${file}`, { cause, hint: "check the path" });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new InputError("E_INVALID_INPUT", `${file} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const parsed = StoryboardSchema.safeParse(json);
  if (!parsed.success) {
    throw new InputError("E_INVALID_INPUT", `${file} is not a valid storyboard: ${formatIssues(parsed.error)}`, {
      hint: "compare it with one written by `reelpress plan`",
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Writes a storyboard atomically (temp file, then rename). */
export async function writeStoryboard(board: Storyboard, file: string): Promise<void> {
  const tx = new OutputTransaction();
  try {
    await writeFile(await tx.temp(path.resolve(file)), `${JSON.stringify(board, null, 2)}\n`);
    await tx.commit();
  } catch (error) {
    await tx.abort();
    throw error;
  }
}

/** The frame the poster is taken from: mid-way through the first scene, once its title is in. */
export function posterFrame(board: Storyboard): number {
  const first = board.scenes[0]!;
  return first.startFrame + Math.min(first.durationInFrames - 1, Math.round(board.output.fps * 1.5));
}

/** Storyboard → MP4 plus storyboard copy, SRT, VTT, poster and credits, all or nothing. */
export async function render(board: Storyboard, videoFile: string, options: RenderOptions = {}): Promise<RenderResult> {
  const files = outputPaths(videoFile);
  const timings: RenderResult["timings"] = {};
  const renderer = options.renderer ?? createRenderer({ browserExecutable: options.browserExecutable, concurrency: options.concurrency });
  const tx = new OutputTransaction();
  try {
    const onProgress = (progress: RenderProgress) => options.onEvent?.({ type: "render", progress });
    const video = await tx.temp(files.video);
    await timed("render", timings, options.onEvent, () => renderer.renderVideo(board, video, { signal: options.signal, onProgress }));
    const poster = await tx.temp(files.poster);
    await timed("poster", timings, options.onEvent, () => renderer.renderPoster(board, poster, posterFrame(board)));
    await timed("files", timings, options.onEvent, async () => {
      const captions = storyboardCaptions(board);
      await writeFile(await tx.temp(files.storyboard), `${JSON.stringify(board, null, 2)}\n`);
      await writeFile(await tx.temp(files.srt), toSrt(captions));
      await writeFile(await tx.temp(files.vtt), toVtt(captions));
      await writeFile(await tx.temp(files.credits), formatCredits(board));
      await tx.commit();
    });
  } catch (error) {
    await tx.abort();
    throw error;
  } finally {
    if (!options.renderer) await renderer.close();
  }
  const last = board.scenes[board.scenes.length - 1]!;
  return { files, durationSeconds: (last.startFrame + last.durationInFrames) / board.output.fps, timings };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
