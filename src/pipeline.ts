import { rm, writeFile } from "node:fs/promises";
import { encodeWav, mixSoundtrack, muxSoundtrack, type SoundtrackPlan } from "./audio/index.js";
import path from "node:path";
import { extractArticle, fetchBytes } from "./ingest/index.js";
import { defaultMediaSettings, matchMedia, searchFootage as searchMediaFootage, swapFootage as swapMediaFootage, type Fallback, type MediaSettings, type Reranker } from "./match/index.js";
import type { MatchCandidate } from "./schema/storyboard.js";
import { aspectVideoFile, createRenderer, DEFAULT_RENDER_PROFILE, formatCredits, outputPaths, OutputTransaction, posterFrame, renderedSize, toSrt, toVtt, type OutputPaths, type Renderer, type RenderProfile, type RenderProgress, type RenderVideoReport, type SegmentBackend, type Compositor } from "./render/index.js";
import { DEFAULT_CONFIG } from "./schema/config.js";
import { storyboardDurationInFrames, type Aspect, type Storyboard, type Theme, type VoiceEngine } from "./schema/storyboard.js";
import type { Article } from "./schema/article.js";
import type { Mood, Script } from "./schema/script.js";
import { DEFAULT_VOICE_SETTINGS, ESPEAK_INSTALL_HINT, findEspeak, speakScenes, type VoiceSettings } from "./voice/index.js";
import { writeScript } from "./script/index.js";
import { writeScriptWithLlm, type LlmUsage } from "./script/llm/index.js";
import { buildStoryboard, crampedVoiceScenes, readStoryboard, replaceVoices, retargetStoryboard, staleVoiceScenes, storyboardCaptions, writeStoryboard } from "./storyboard/index.js";

export { readStoryboard, writeStoryboard } from "./storyboard/index.js";
export type { RenderProfile } from "./render/index.js";
export { createTemplate, listTemplates, loadLook, restyleStoryboard, type LoadedLook, type LookRequest, type TemplateSummary } from "./templates/index.js";

export type Stage = "ingest" | "script" | "match" | "voice" | "storyboard" | "render" | "audio" | "poster" | "files";

/** `aspect` tells the outputs of a run with several aspects apart. */
export type PipelineEvent =
  | { type: "stage-start"; stage: Stage; aspect?: Aspect }
  | { type: "stage-end"; stage: Stage; ms: number; aspect?: Aspect }
  | { type: "render"; progress: RenderProgress };

/** Who writes the scene script, and with what. The key comes from the caller, never from env here. */
export type ScriptSettings =
  | { writer: "local" }
  | { writer: "openai"; apiKey: string | null; baseURL: string | null; model: string; timeoutMs?: number };

export interface PlanOptions {
  /** @default { writer: "local" } */
  script?: ScriptSettings;
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
  /** Which media providers, keys and limits; unset fields keep their defaults. */
  media?: Partial<MediaSettings>;
  /** Re-ranks candidates by text (e.g. with embeddings) before they are assigned. */
  rerank?: Reranker;
  /** Who speaks the narration; "auto" is espeak-ng when installed, else none. @default { engine: "none" } */
  voice?: Partial<Omit<VoiceSettings, "engine">> & { engine: VoiceEngine | "auto" };
  /** "auto" (a synthesised bed), "none", or an audio file (absolute path). @default "none" */
  music?: string;
  /** The mood the synthesised bed is made for. @default the script's most common mood */
  musicMood?: Mood;
  /** @default { style: "subtitles", burn: true } */
  captions?: Storyboard["captions"];
  /** The look (see loadLook). @default DEFAULT_THEME, the look without a template */
  theme?: Theme;
  /** Length of each scene change. @default 0.4 */
  transitionSeconds?: number;
  signal?: AbortSignal;
  onEvent?: (event: PipelineEvent) => void;
}

export interface RenderOptions {
  /** The user's templates folder, for a template with its own components (see createRenderer). @default null */
  userTemplatesDir?: string | null;
  /**
   * One video per aspect, all from this storyboard (retargeted), sharing one browser, bundle and
   * soundtrack mix. With more than one, each is named `NAME-16x9.mp4` and so on.
   * @default [the storyboard's own aspect]
   */
  aspects?: readonly Aspect[];
  browserExecutable?: string | null;
  concurrency?: number | null;
  /** A renderer to reuse (and leave open); else one is made and closed. */
  renderer?: Renderer;
  /** "full" (reelpress's settings), "draft" (a quick half-size preview) or "plain" (Remotion's defaults). @default "full" */
  profile?: RenderProfile;
  /**
   * Where a narration edited after planning has its voice recorded anew, and where the video
   * bundle and the rendered segments are kept (unless `renderCache` is false). @default ".reelpress-cache"
   */
  cacheDir?: string;
  /**
   * Keep rendered segments and the bundle in `<cacheDir>/render`, so an unchanged scene is not
   * drawn twice. Only with an explicit `cacheDir` (the CLI always passes one). @default true
   */
  renderCache?: boolean;
  /** Segments rendered at the same time (see createRenderer). */
  segmentWorkers?: number;
  /** Who draws a local render's frames (see createRenderer). @default "auto" */
  compositor?: Compositor;
  /** Largest size of the rendered-segment cache, in bytes. */
  maxSegmentCacheBytes?: number;
  /** Where segments are rendered: this machine (null) or e.g. createLambdaBackend(...). @default null */
  backend?: SegmentBackend | null;
  /** Key and server for re-recording an OpenAI voice. */
  voice?: Partial<Pick<VoiceSettings, "apiKey" | "baseURL" | "espeakPath" | "timeoutMs" | "maxRetries">>;
  signal?: AbortSignal;
  onEvent?: (event: PipelineEvent) => void;
}

export interface Plan {
  article: Article;
  script: Script;
  /** Which writer made the script (the LLM writer falls back to the local one) and its token use. */
  scriptInfo: { writer: "local" | "openai"; usage: LlmUsage | null };
  storyboard: Storyboard;
  /** Media providers that gave nothing, and why (no key, down, no results). */
  fallbacks: Fallback[];
  timings: Partial<Record<Stage, number>>;
  warnings: string[];
}

export interface RenderedOutput {
  aspect: Aspect;
  width: number;
  height: number;
  files: OutputPaths;
  /**
   * Segments the video was joined from, how many came from the render cache, where they were
   * rendered, and how many of those drawn now ffmpeg composited (the fast path) instead of Remotion.
   */
  segments: { total: number; reused: number; backend: string; composited: number };
}

export interface RenderResult {
  /** The first output's files. */
  files: OutputPaths;
  /** Every video written, in the order of `aspects`. */
  outputs: RenderedOutput[];
  durationSeconds: number;
  /** The encoding profile the videos were rendered with. */
  profile: RenderProfile;
  /** Loudness of the soundtrack as mixed (null for a silent video). */
  loudness: { integratedLufs: number; truePeakDb: number } | null;
  warnings: string[];
  timings: Partial<Record<Stage, number>>;
}

export const DEFAULT_PLAN_OPTIONS = {
  aspect: DEFAULT_CONFIG.aspect,
  durationSeconds: DEFAULT_CONFIG.duration,
  wordsPerMinute: DEFAULT_CONFIG.wordsPerMinute,
  fps: DEFAULT_CONFIG.fps,
  cacheDir: DEFAULT_CONFIG.cacheDir,
  fetch: DEFAULT_CONFIG.fetch,
} as const;

async function timed<T>(stage: Stage, timings: Partial<Record<Stage, number>>, onEvent: PlanOptions["onEvent"], work: () => Promise<T> | T, aspect?: Aspect): Promise<T> {
  const tag = aspect ? { aspect } : {};
  onEvent?.({ type: "stage-start", stage, ...tag });
  const started = performance.now();
  const result = await work();
  const ms = Math.round(performance.now() - started);
  // A stage run once per output (render, poster) adds up.
  timings[stage] = (timings[stage] ?? 0) + ms;
  onEvent?.({ type: "stage-end", stage, ms, ...tag });
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
  const written = await timed("script", timings, o.onEvent, async () => {
    const settings = o.script ?? { writer: "local" as const };
    if (settings.writer === "local") {
      return { script: writeScript(article, { durationSeconds: o.durationSeconds, wordsPerMinute: o.wordsPerMinute }), writer: "local" as const, warnings: [], usage: null };
    }
    return writeScriptWithLlm(article, {
      apiKey: settings.apiKey,
      baseURL: settings.baseURL,
      model: settings.model,
      timeoutMs: settings.timeoutMs,
      durationSeconds: o.durationSeconds,
      wordsPerMinute: o.wordsPerMinute,
      cacheDir: path.resolve(o.cacheDir),
      signal: o.signal,
    });
  });
  const script = written.script;
  const matched = await timed("match", timings, o.onEvent, () =>
    matchMedia(article, script, {
      cacheDir: path.resolve(o.cacheDir),
      fetchBytes: (url, request) => fetchBytes(url, { ...limits, ...request }),
      maxBytes: o.fetch.maxBytes ?? DEFAULT_CONFIG.fetch.maxBytes,
      aspect: o.aspect,
      wordsPerMinute: o.wordsPerMinute,
      media: mediaSettings(o.media),
      rerank: o.rerank,
      signal: o.signal,
    }),
  );
  const spoken = await timed("voice", timings, o.onEvent, async () => {
    const settings = { ...DEFAULT_VOICE_SETTINGS, ...definedOnly(o.voice ?? {}), engine: await voiceEngine(o.voice) };
    const warnings: string[] = [];
    if (o.voice?.engine === "auto" && settings.engine === "none") warnings.push(`no voiceover: espeak-ng is not installed (${ESPEAK_INSTALL_HINT})`);
    const result = await speakScenes(script.scenes, article.lang, settings, { cacheDir: path.resolve(o.cacheDir), signal: o.signal, onWarning: (w) => warnings.push(w) });
    const name = result.engine === "none" ? null : settings.voice;
    const openai = result.engine === "openai";
    return { ...result, warnings, voice: { engine: result.engine, name, model: openai ? settings.model : null, speed: settings.speed, baseUrl: openai ? settings.baseURL : null } };
  });
  const music = o.music ?? "none";
  const storyboard = await timed("storyboard", timings, o.onEvent, () =>
    buildStoryboard(article, script, matched.media, {
      aspect: o.aspect,
      fps: o.fps,
      wordsPerMinute: o.wordsPerMinute,
      warnings: [...written.warnings, ...matched.warnings, ...spoken.warnings],
      matches: matched.matches,
      voices: spoken.voices,
      audio: {
        voice: spoken.voice,
        music: { source: music === "auto" || music === "none" ? music : "file", file: music === "auto" || music === "none" ? null : path.resolve(music), mood: o.musicMood ?? dominantMood(script) },
        targetLufs: -16,
        truePeakDb: -1,
      },
      captions: o.captions,
      theme: o.theme,
      transitionSeconds: o.transitionSeconds,
    }),
  );
  return { article, script, scriptInfo: { writer: written.writer, usage: written.usage }, storyboard, fallbacks: matched.fallbacks, timings, warnings: storyboard.warnings };
}

/** "auto" becomes espeak when espeak-ng is installed, else none. */
async function voiceEngine(voice: PlanOptions["voice"]): Promise<VoiceEngine> {
  if (!voice) return "none";
  if (voice.engine !== "auto") return voice.engine;
  return (await findEspeak(voice.espeakPath ?? null)) ? "espeak" : "none";
}

/** The mood the music follows: the script's most common one besides neutral. */
export function dominantMood(script: Script): Mood {
  const counts = new Map<Mood, number>();
  for (const scene of script.scenes) if (scene.mood !== "neutral") counts.set(scene.mood, (counts.get(scene.mood) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "neutral";
}

/** Ranked footage for a free text from the configured providers (`reelpress media search`). */
export async function searchFootage(
  text: string,
  options: Pick<PlanOptions, "aspect" | "cacheDir" | "fetch" | "media" | "signal"> & { limit?: number },
): Promise<{ candidates: MatchCandidate[]; fallbacks: Fallback[]; warnings: string[] }> {
  return searchMediaFootage(text, mediaSettings(options.media), {
    ...downloads(options),
    aspect: options.aspect ?? DEFAULT_CONFIG.aspect,
    limit: options.limit ?? 10,
  });
}

/** Puts a scene's kept alternative on screen and rewrites the storyboard file (`reelpress media swap`). */
export async function swapFootage(
  file: string,
  sceneRef: string,
  n: number,
  options: Pick<PlanOptions, "cacheDir" | "fetch" | "media" | "signal">,
): Promise<{ scene: number; sceneId: string; chosen: MatchCandidate }> {
  const swapped = await swapMediaFootage(await readStoryboard(file), sceneRef, n, mediaSettings(options.media), downloads(options));
  await writeStoryboard(swapped.board, file);
  return { scene: swapped.scene, sceneId: swapped.board.scenes[swapped.scene]!.id, chosen: swapped.chosen };
}

function mediaSettings(media: Partial<MediaSettings> | undefined): MediaSettings {
  return { ...defaultMediaSettings(), ...definedOnly(media ?? {}) };
}

/** The cache and the fetch limits every download of footage goes through. */
function downloads(options: Pick<PlanOptions, "cacheDir" | "fetch" | "signal">) {
  const limits = { ...DEFAULT_CONFIG.fetch, ...options.fetch, signal: options.signal };
  return {
    cacheDir: path.resolve(options.cacheDir ?? DEFAULT_CONFIG.cacheDir),
    fetchBytes: (url: string, request: { accept: string; signal?: AbortSignal }) => fetchBytes(url, { ...limits, ...request }),
    maxBytes: limits.maxBytes,
    signal: options.signal,
  };
}

/**
 * Storyboard → MP4 plus storyboard copy, SRT, VTT, poster and credits, all or nothing per video;
 * one video per aspect in `options.aspects`. When a later aspect fails, the videos already
 * finished stay and the failed one leaves nothing behind.
 */
export async function render(planned: Storyboard, videoFile: string, options: RenderOptions = {}): Promise<RenderResult> {
  const aspects = options.aspects?.length ? [...new Set(options.aspects)] : [planned.output.aspect];
  const timings: RenderResult["timings"] = {};
  const warnings: string[] = [];
  const board = await revoice(planned, options, warnings);
  const renderer =
    options.renderer ??
    createRenderer({
      browserExecutable: options.browserExecutable,
      concurrency: options.concurrency,
      userTemplatesDir: options.userTemplatesDir,
      cacheDir: options.cacheDir && options.renderCache !== false ? path.resolve(options.cacheDir, "render") : null,
      segmentWorkers: options.segmentWorkers,
      compositor: options.compositor,
      maxSegmentCacheBytes: options.maxSegmentCacheBytes,
      backend: options.backend,
    });
  const scratch = new OutputTransaction();
  const outputs: RenderedOutput[] = [];
  let loudness: RenderResult["loudness"] = null;
  try {
    const voiced = board.scenes.some((scene) => scene.voice !== null);
    let mix: string | null = null;
    // The soundtrack is mixed once, first: a missing music or voice file fails before minutes of
    // rendering, and every aspect shares the same timeline.
    if (voiced || board.audio.music.source !== "none") {
      const mixFile = await scratch.temp(path.resolve(videoFile).replace(/\.mp4$/i, ".mix.wav"));
      loudness = await timed("audio", timings, options.onEvent, async () => {
        const mixed = await mixSoundtrack(soundtrackPlan(board), { signal: options.signal });
        await writeFile(mixFile, encodeWav(mixed.audio));
        return { integratedLufs: round1(mixed.integratedLufs), truePeakDb: round1(mixed.truePeakDb) };
      });
      mix = mixFile;
    }
    for (const aspect of aspects) {
      const target = retargetStoryboard(board, aspect);
      const files = outputPaths(aspects.length > 1 ? aspectVideoFile(videoFile, aspect) : videoFile);
      const drawn = await renderOutput(target, files, renderer, mix, timings, { ...options, tag: aspects.length > 1 ? aspect : undefined });
      const segments = { total: drawn.segments, reused: drawn.reused, backend: drawn.backend, composited: drawn.composited };
      outputs.push({ aspect, ...renderedSize(options.profile ?? DEFAULT_RENDER_PROFILE, target.output.width, target.output.height), files, segments });
    }
  } finally {
    await scratch.abort();
    if (!options.renderer) await renderer.close();
  }
  return { files: outputs[0]!.files, outputs, durationSeconds: storyboardDurationInFrames(board) / board.output.fps, profile: options.profile ?? DEFAULT_RENDER_PROFILE, loudness, timings, warnings };
}

/** One video and its companion files, committed together or not at all. */
async function renderOutput(board: Storyboard, files: OutputPaths, renderer: Renderer, mix: string | null, timings: RenderResult["timings"], options: RenderOptions & { tag?: Aspect }): Promise<RenderVideoReport> {
  const tx = new OutputTransaction();
  const onProgress = (progress: RenderProgress) => options.onEvent?.({ type: "render", progress });
  const scratch: string[] = [];
  try {
    const video = await tx.temp(files.video);
    // With a soundtrack the picture is rendered first, then the mix is muxed in beside it.
    const picture = mix ? `${video}.picture.mp4` : video;
    if (mix) scratch.push(picture);
    const drawn = await timed("render", timings, options.onEvent, () => renderer.renderVideo(board, picture, { profile: options.profile, signal: options.signal, onProgress }), options.tag);
    if (mix) await muxSoundtrack(picture, mix, video, { signal: options.signal });
    const poster = await tx.temp(files.poster);
    await timed("poster", timings, options.onEvent, () => renderer.renderPoster(board, poster, posterFrame(board), { profile: options.profile, signal: options.signal }), options.tag);
    await timed("files", timings, options.onEvent, async () => {
      const captions = storyboardCaptions(board);
      await writeFile(await tx.temp(files.storyboard), `${JSON.stringify(board, null, 2)}\n`);
      await writeFile(await tx.temp(files.srt), toSrt(captions));
      await writeFile(await tx.temp(files.vtt), toVtt(captions));
      await writeFile(await tx.temp(files.credits), formatCredits(board));
      await tx.commit();
    }, options.tag);
    return drawn;
  } catch (error) {
    await tx.abort();
    throw error;
  } finally {
    await Promise.all(scratch.map((file) => rm(file, { force: true })));
  }
}

/**
 * Records the voice again, with the engine and settings it was planned with, for every scene whose
 * narration was edited, whose voice file is gone from the cache, or that gained narration; and
 * lays the scenes out again where a voice no longer fits its scene.
 */
async function revoice(board: Storyboard, options: RenderOptions, warnings: string[]): Promise<Storyboard> {
  const planned = board.audio.voice;
  const stale = await staleVoiceScenes(board);
  if (stale.length === 0) {
    const cramped = crampedVoiceScenes(board);
    return cramped.length === 0 ? board : replaceVoices(board, new Map(cramped.map((i) => [i, board.scenes[i]!.voice])));
  }
  const settings = {
    ...DEFAULT_VOICE_SETTINGS,
    ...definedOnly(options.voice ?? {}),
    engine: planned.engine,
    voice: planned.name,
    model: planned.model ?? DEFAULT_VOICE_SETTINGS.model,
    speed: planned.speed,
    baseURL: planned.baseUrl ?? options.voice?.baseURL ?? null,
  };
  const scenes = stale.map((i) => board.scenes[i]!);
  const spoken = await speakScenes(scenes, board.meta.lang, settings, {
    cacheDir: path.resolve(options.cacheDir ?? DEFAULT_CONFIG.cacheDir),
    signal: options.signal,
    onWarning: (w) => warnings.push(w),
  });
  const ids = scenes.map((s) => s.id).join(", ");
  warnings.push(spoken.fallback ? `could not record the voice of ${ids} again (${spoken.fallback}); those scenes have none` : `recorded the voice of ${ids} again`);
  return replaceVoices(board, new Map(stale.map((i, k) => [i, spoken.voices[k] ?? null])));
}

/** Where every voice and the music go on the video's timeline. */
export function soundtrackPlan(board: Storyboard): SoundtrackPlan {
  const { fps } = board.output;
  const music = board.audio.music;
  return {
    durationMs: (storyboardDurationInFrames(board) / fps) * 1000,
    voices: board.scenes.flatMap((scene) => (scene.voice ? [{ file: scene.voice.file, startMs: (scene.startFrame / fps) * 1000 + scene.voice.offsetMs }] : [])),
    music:
      music.source === "auto"
        ? { source: "auto", mood: music.mood, seed: seedOf(board.meta.title) }
        : music.source === "file" && music.file
          ? { source: "file", file: music.file }
          : { source: "none" },
    targetLufs: board.audio.targetLufs,
    truePeakDb: board.audio.truePeakDb,
  };
}

function seedOf(text: string): number {
  let hash = 2166136261;
  for (const ch of text) hash = Math.imul(hash ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return hash;
}

function round1(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 10) / 10 : value;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
