import { stat } from "node:fs/promises";
import path from "node:path";
import { Command, CommanderError, Option } from "commander";
import { bundledTemplatesDir } from "../config/bundled-templates-dir.js";
import { loadConfig } from "../config/load-config.js";
import { lookRequest, type LookFlags } from "../config/look-request.js";
import { restyleForRender } from "../config/restyle-for-render.js";
import { ReelpressError, UsageError } from "../errors.js";
import {
  createTemplate,
  extract,
  listTemplates,
  loadLook,
  plan,
  readStoryboard,
  render,
  searchFootage,
  swapFootage,
  writeStoryboard,
  type PipelineEvent,
  type Plan,
  type PlanOptions,
  type RenderResult,
} from "../pipeline.js";
import { defaultMediaSettings, type MediaSettings } from "../match/index.js";
import { DEFAULT_CONFIG, ScriptWriterSchema, type Config, type ScriptWriter } from "../schema/config.js";
import { MoodSchema, type Mood } from "../schema/script.js";
import type { ScriptSettings } from "../pipeline.js";
import { CaptionStyleSchema, VoiceEngineSchema, type Aspect, type CaptionStyle, type ProviderName, type VoiceEngine } from "../schema/storyboard.js";
import { DEFAULT_TEMPLATE, displayPath } from "../templates/index.js";
import { formatCandidates, formatMatches } from "./format-matches.js";
import { formatTemplates } from "./format-templates.js";
import { parseAspect, parseAspects, parseBackend, parseBoolean, parseCompositor, parseDuration, parsePositiveInt, parseProviders, renderProfile, slugify } from "./parse-options.js";
import { envBackend, renderBackend } from "./render-backend.js";
import { createProgressReporter } from "./progress.js";

/** Exit codes: 0 success, 1 failure, 2 usage error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

interface CommonFlags {
  json?: boolean;
  verbose?: boolean;
  config?: string;
  cacheDir?: string;
  browser?: string;
  concurrency?: number;
  draft?: boolean;
  segmentWorkers?: number;
  /** false with --no-render-cache (commander's default is true). */
  renderCache?: boolean;
  backend?: "local" | "lambda";
  compositor?: "auto" | "remotion";
}

interface PlanFlags extends CommonFlags, LookFlags {
  output?: string;
  /** A list from make, plan and render; one aspect from media search. */
  aspect?: Aspect | Aspect[];
  duration?: number;
  wpm?: number;
  script?: ScriptWriter;
  llmBaseUrl?: string;
  llmModel?: string;
  media?: ProviderName[];
  library?: string;
  generateImages?: boolean;
  embeddings?: boolean;
  explain?: boolean;
  voice?: "auto" | VoiceEngine;
  voiceName?: string;
  voiceBaseUrl?: string;
  music?: string;
  captionStyle?: CaptionStyle;
  burnCaptions?: boolean;
}

interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

function addBasics(command: Command): Command {
  return command
    .option("--json", "print one machine-readable JSON result on stdout instead of progress")
    .option("--verbose", "print stack traces on errors")
    .option("--config <file>", "config file (default: ./reelpress.config.json when present)");
}

function addCommon(command: Command): Command {
  return addBasics(command).option("--cache-dir <dir>", `where downloads are cached (default: ${DEFAULT_CONFIG.cacheDir})`);
}

const ASPECTS_HELP = "16:9, 9:16, 1:1 or 4:5; several joined by commas (16:9,9:16,1:1) make one video each from one storyboard, named NAME-16x9.mp4 and so on";

function addTemplatesDir(command: Command): Command {
  return command.option("--templates-dir <dir>", `your own templates, one folder each (default: the config's templatesDir, else ./${DEFAULT_CONFIG.templatesDir})`);
}

/** `restyle`: on render, where the look is the storyboard's own unless a flag names another. */
function addLook(command: Command, restyle = false): Command {
  const templateDefault = restyle ? "default: the storyboard's look" : `default: the config's template, else ${DEFAULT_TEMPLATE}`;
  const brandDefault = restyle ? "default: the storyboard's look" : "default: the config's brand";
  return addTemplatesDir(
    command
      .option("--template <name|folder>", `the look: a template name (see \`reelpress templates list\`) or a folder holding a template.json (${templateDefault})`)
      .option("--brand <brand.json>", `a brand kit (logo, colours, fonts, watermark, call to action) applied over the template (${brandDefault})`),
  );
}

function addPlanning(command: Command): Command {
  return command
    .addOption(new Option("--aspect <ratios>", `${ASPECTS_HELP} (default: the config's aspect, else the template's, else 16:9)`).argParser(parseAspects))
    .option("--duration <seconds>", "target video length in seconds, 5–3600 (default: 60)", parseDuration)
    .option("--wpm <words>", "narration reading speed in words per minute (default: 160)", parsePositiveInt)
    .addOption(new Option("--script <writer>", "who writes the scene script: local or openai (default: openai when OPENAI_API_KEY is set)").choices(ScriptWriterSchema.options))
    .option("--llm-base-url <url>", "an OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp); default: OPENAI_BASE_URL, else OpenAI")
    .option("--llm-model <name>", `the model that writes the script (default: ${DEFAULT_CONFIG.llm.model})`);
}

function addSound(command: Command): Command {
  return command
    .addOption(new Option("--voice <engine>", "who speaks the narration: auto (espeak-ng when installed), none, espeak or openai (default: auto)").choices(["auto", ...VoiceEngineSchema.options]))
    .option("--voice-name <name>", "an espeak-ng voice (en-us, de) or an OpenAI voice (alloy, nova); default: by the article's language / alloy")
    .option("--voice-base-url <url>", "an OpenAI-compatible speech server for --voice openai; default: OPENAI_BASE_URL, else OpenAI")
    .option("--music <file|auto|none>", "the music bed: an audio file, auto (synthesised for the template's mood, or the script's when the template says auto), auto:MOOD (calm, upbeat, serious, inspiring, dramatic, playful, neutral) or none (default: auto)")
    .addOption(new Option("--caption-style <style>", "highlight (word by word), subtitles (two lines) or headline (no running captions); default: the config's, else the template's").choices(CaptionStyleSchema.options))
    .option("--burn-captions <true|false>", "draw captions into the picture; the .srt and .vtt are written either way (default: true)", parseBoolean);
}

function addMedia(command: Command): Command {
  return command
    .option("--media <providers>", "footage providers in order of preference, from article,library,pexels,pixabay,generated (default: every configured one)", parseProviders)
    .option("--library <dir>", "a folder of your own images and videos to match scenes from")
    .option("--generate-images", "make a still per scene with the OpenAI images API (needs OPENAI_API_KEY or --llm-base-url)")
    .option("--embeddings", "re-rank footage with an embeddings model (needs OPENAI_API_KEY or --llm-base-url)");
}

function addRendering(command: Command): Command {
  return command
    .option("--browser <path>", "Chrome or Chromium binary to render with (default: found on the machine)")
    .option("--concurrency <n>", "frames rendered in parallel (default: Remotion's choice)", parsePositiveInt)
    .option("--draft", "a quick 960-px preview: half size, faster, lower quality")
    .option("--segment-workers <n>", "scenes rendered at the same time (default: 2 with the fast path; without it 1 below 4 cores, else 2)", parsePositiveInt)
    .option("--no-render-cache", "draw every scene again instead of reusing the ones rendered before")
    .option("--backend <name>", "where scenes are rendered: local or lambda (Remotion Lambda, set up by REELPRESS_LAMBDA_* variables)", parseBackend)
    .option("--compositor <name>", "who draws a local render: auto (ffmpeg composites footage under browser-drawn text where it can) or remotion (the browser draws every frame)", parseCompositor);
}

async function settings(flags: CommonFlags & Partial<PlanFlags>, io: Io, needs: { script?: boolean; look?: boolean } = {}) {
  const { config, file } = await loadConfig(flags.config, io.cwd);
  const merged: Config = { ...config };
  // Only the commands that plan load a look: a broken template cannot break the others.
  const request = lookRequest(merged, file, flags, io.cwd);
  const look = needs.look ? await loadLook(request) : null;
  const aspects = flags.aspect === undefined ? [merged.aspect ?? look?.aspect ?? DEFAULT_CONFIG.aspect] : ([] as Aspect[]).concat(flags.aspect);
  // Only the commands that plan read the music setting, so a stale path cannot break the others.
  const music = needs.script ? await musicSetting(flags.music ?? merged.music ?? DEFAULT_CONFIG.music, io) : { music: "none", musicMood: undefined };
  // Plain "auto" follows the template's mood when it names one; auto:MOOD wins.
  const musicMood = music.musicMood ?? (music.music === "auto" && look && look.musicMood !== "auto" ? look.musicMood : undefined);
  return {
    config: merged,
    configFile: file,
    aspect: aspects[0]!,
    aspects,
    durationSeconds: flags.duration ?? merged.duration ?? DEFAULT_CONFIG.duration,
    wordsPerMinute: flags.wpm ?? merged.wordsPerMinute ?? DEFAULT_CONFIG.wordsPerMinute,
    fps: merged.fps ?? DEFAULT_CONFIG.fps,
    cacheDir: path.resolve(io.cwd, flags.cacheDir ?? merged.cacheDir ?? DEFAULT_CONFIG.cacheDir),
    fetch: { ...DEFAULT_CONFIG.fetch, ...merged.fetch },
    browserExecutable: flags.browser ?? merged.browserExecutable ?? null,
    concurrency: flags.concurrency ?? merged.concurrency ?? null,
    segmentWorkers: flags.segmentWorkers ?? merged.render?.segmentWorkers ?? undefined,
    compositor: flags.compositor ?? merged.render?.compositor ?? DEFAULT_CONFIG.render.compositor,
    renderCache: flags.renderCache === false ? false : (merged.render?.cache ?? DEFAULT_CONFIG.render.cache),
    maxSegmentCacheBytes: Math.round((merged.render?.cacheMaxMegabytes ?? DEFAULT_CONFIG.render.cacheMaxMegabytes) * 1024 * 1024),
    backendName: flags.backend ?? envBackend(io.env) ?? merged.render?.backend ?? DEFAULT_CONFIG.render.backend,
    script: needs.script ? scriptSettings(flags, merged, io.env) : ({ writer: "local" } as const),
    media: mediaSettings(flags, merged, io),
    voice: voiceSettings(flags, merged, io),
    music: music.music,
    musicMood,
    theme: look?.theme,
    transitionSeconds: look?.transitionSeconds,
    userTemplatesDir: look ? bundledTemplatesDir(look.theme, request.dirs.user) : null,
    captions: {
      style: flags.captionStyle ?? merged.captions?.style ?? look?.captionStyle ?? DEFAULT_CONFIG.captions.style,
      burn: flags.burnCaptions ?? merged.captions?.burn ?? DEFAULT_CONFIG.captions.burn,
    },
  };
}

function voiceSettings(flags: Partial<PlanFlags>, config: Config, io: Io): NonNullable<PlanOptions["voice"]> {
  const v = { ...DEFAULT_CONFIG.voice, ...config.voice };
  return {
    engine: flags.voice ?? v.engine,
    voice: flags.voiceName ?? v.name ?? null,
    model: v.model,
    speed: v.speed,
    espeakPath: v.espeakPath ?? null,
    timeoutMs: v.timeoutMs,
    maxRetries: v.maxRetries,
    apiKey: envValue(io.env, "OPENAI_API_KEY"),
    // The speech server is its own setting: a local LLM can go with OpenAI's voices, and the reverse.
    baseURL: flags.voiceBaseUrl ?? v.baseUrl ?? envValue(io.env, "OPENAI_BASE_URL"),
  };
}

/** "auto" or "auto:MOOD", "none", or a music file that must exist now rather than fail after the render. */
async function musicSetting(value: string, io: Io): Promise<{ music: string; musicMood: Mood | undefined }> {
  const auto = /^auto(?::(.+))?$/.exec(value);
  if (auto) {
    if (auto[1] === undefined) return { music: "auto", musicMood: undefined };
    const mood = MoodSchema.safeParse(auto[1]);
    if (!mood.success) throw new UsageError(`--music auto:${auto[1]}: the mood must be one of ${MoodSchema.options.join(", ")}`);
    return { music: "auto", musicMood: mood.data };
  }
  if (value === "none") return { music: "none", musicMood: undefined };
  const file = path.resolve(io.cwd, value);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`--music: no audio file at ${file}`, { hint: "give an audio file, auto, auto:MOOD or none" });
  return { music: file, musicMood: undefined };
}

function envValue(env: NodeJS.ProcessEnv, name: string): string | null {
  return env[name]?.trim() || null;
}

/** Media providers, limits and keys: flags, then config, then defaults; keys only from the environment. */
function mediaSettings(flags: Partial<PlanFlags>, config: Config, io: Io): MediaSettings {
  const defaults = defaultMediaSettings();
  const m = config.media ?? {};
  const library = flags.library ?? m.library ?? null;
  const openai = { apiKey: envValue(io.env, "OPENAI_API_KEY"), baseURL: flags.llmBaseUrl ?? config.llm?.baseUrl ?? envValue(io.env, "OPENAI_BASE_URL") };
  const generateImages = flags.generateImages ?? m.generateImages ?? defaults.generateImages;
  const embeddings = flags.embeddings ?? m.embeddings ?? defaults.embeddings;
  // Asked for on the command line without a key: a usage error. Set in the config: a fallback with a warning.
  const asked = flags.generateImages ? "--generate-images" : flags.embeddings ? "--embeddings" : null;
  if (asked && !openai.apiKey && !openai.baseURL) throw new UsageError(`${asked} needs OPENAI_API_KEY, or --llm-base-url for a server that needs no key`);
  return {
    ...defaults,
    providers: flags.media ?? m.providers ?? null,
    library: library === null ? null : path.resolve(io.cwd, library),
    perQuery: m.perQuery ?? defaults.perQuery,
    concurrency: m.concurrency ?? defaults.concurrency,
    timeoutMs: m.timeoutMs ?? defaults.timeoutMs,
    maxRetries: m.maxRetries ?? defaults.maxRetries,
    cacheMaxBytes: m.cacheMaxMegabytes === undefined ? defaults.cacheMaxBytes : Math.round(m.cacheMaxMegabytes * 1024 * 1024),
    pexels: { apiKey: envValue(io.env, "PEXELS_API_KEY"), baseUrl: m.pexelsBaseUrl ?? null },
    pixabay: { apiKey: envValue(io.env, "PIXABAY_API_KEY"), baseUrl: m.pixabayBaseUrl ?? null },
    openai,
    generateImages,
    imageModel: m.imageModel ?? defaults.imageModel,
    embeddings,
    embeddingModel: m.embeddingModel ?? defaults.embeddingModel,
  };
}

/** The script writer: flag, then config, then OPENAI_API_KEY's presence; the key only from the environment. */
function scriptSettings(flags: Partial<PlanFlags>, config: Config, env: NodeJS.ProcessEnv): ScriptSettings {
  const apiKey = env.OPENAI_API_KEY?.trim() || null;
  const writer = flags.script ?? config.script ?? (apiKey ? "openai" : "local");
  if (writer === "local") return { writer };
  const baseURL = flags.llmBaseUrl ?? config.llm?.baseUrl ?? (env.OPENAI_BASE_URL?.trim() || null);
  if (!apiKey && !baseURL) {
    throw new UsageError("--script openai needs OPENAI_API_KEY, or --llm-base-url for a server that needs no key");
  }
  if (baseURL && !/^https?:\/\//i.test(baseURL)) throw new UsageError(`--llm-base-url must be an http(s) URL, but is "${baseURL}"`);
  return {
    writer,
    apiKey,
    baseURL,
    model: flags.llmModel ?? config.llm?.model ?? DEFAULT_CONFIG.llm.model,
    timeoutMs: config.llm?.timeoutMs ?? DEFAULT_CONFIG.llm.timeoutMs,
  };
}

function events(flags: CommonFlags, io: Io) {
  if (flags.json) return { onEvent: undefined, interrupt: () => {} };
  const reporter = createProgressReporter(io.stderr);
  return { onEvent: (e: PipelineEvent) => reporter.onEvent(e), interrupt: () => reporter.interrupt() };
}

function mediaSummary(planned: Plan) {
  const providers = [...new Set(planned.storyboard.scenes.map((scene) => scene.media.provider))];
  return { providers, fallbacks: planned.fallbacks };
}

/** A file argument is relative to the CLI's working directory; a URL is left alone. */
function localSource(io: Io, source: string): string {
  return /^[a-z][a-z0-9+.-]+:/i.test(source) ? source : path.resolve(io.cwd, source);
}

function printJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function printSummary(io: Io, lines: string[]): void {
  io.stderr.write(`${lines.join("\n")}\n`);
}

function formatTimings(timings: Record<string, number | undefined>): string {
  return Object.entries(timings)
    .filter(([, ms]) => ms !== undefined)
    .map(([stage, ms]) => `${stage} ${((ms ?? 0) / 1000).toFixed(1)} s`)
    .join(", ");
}

function defaultVideoPath(io: Io, title: string, input: string): string {
  const name = slugify(title) || slugify(path.basename(input).replace(/\.[a-z]+$/i, "")) || "video";
  return path.resolve(io.cwd, "out", `${name}.mp4`);
}

function wroteVideos(io: Io, result: RenderResult): string {
  const videos = result.outputs.map((o) => path.relative(io.cwd, o.files.video)).join(", ");
  const reused = result.outputs.reduce((sum, o) => sum + o.segments.reused, 0);
  const total = result.outputs.reduce((sum, o) => sum + o.segments.total, 0);
  const cache = reused > 0 ? ` (${reused} of ${total} segments from the render cache)` : "";
  return result.profile === "draft" ? `${videos} (draft, ${result.outputs.map((o) => `${o.width}×${o.height}`).join(", ")})${cache}` : `${videos}${cache}`;
}

/** A path as it can be pasted into a POSIX shell. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

function requireExtension(file: string, extension: ".mp4" | ".json"): string {
  if (!file.toLowerCase().endsWith(extension)) throw new UsageError(`the output must be a ${extension} file, but is "${file}"`);
  return file;
}

/** Builds the command tree. Commands throw; only runCli prints errors and picks exit codes. */
export function buildProgram(io: Io, signal: AbortSignal): Command {
  const program = new Command("reelpress")
    .description("Turn an article (URL, HTML, Markdown or text file) into a captioned video.")
    .version("0.1.0")
    .showHelpAfterError(false)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`${s.trimEnd()} (see --help)\n`),
    })
    .exitOverride();

  addRendering(addSound(addMedia(addLook(addPlanning(addCommon(program.command("make")))))))
    .description("article → storyboard → MP4, with .storyboard.json, .srt, .vtt, .jpg poster and .credits.txt beside it")
    .argument("<source>", "http(s) URL, or a .html, .md or .txt file")
    .option("-o, --output <file.mp4>", "the video to write (default: out/<title>.mp4; with several aspects out/<title>-16x9.mp4 and so on)")
    .action(async (source: string, flags: PlanFlags) => {
      if (flags.output) requireExtension(flags.output, ".mp4");
      const s = await settings(flags, io, { script: true, look: true });
      const { onEvent, interrupt } = events(flags, io);
      try {
        // A render backend that is not set up fails now, before minutes of planning.
        const backend = renderBackend(s.backendName, io.env);
        const planned = await plan(localSource(io, source), { ...s, signal, onEvent });
        const out = path.resolve(io.cwd, flags.output ?? defaultVideoPath(io, planned.article.title, source));
        const result = await render(planned.storyboard, out, { ...s, backend, aspects: s.aspects, profile: renderProfile(flags), signal, onEvent });
        const timings = { ...planned.timings, ...result.timings };
        if (flags.json) {
          printJson(io, { ok: true, files: result.files, outputs: result.outputs, template: planned.storyboard.theme.template, durationSeconds: result.durationSeconds, draft: result.profile === "draft", scenes: planned.storyboard.scenes.length, script: planned.scriptInfo, media: mediaSummary(planned), voice: planned.storyboard.audio.voice, loudness: result.loudness, timings, warnings: [...planned.warnings, ...result.warnings] });
        } else {
          printSummary(io, [
            `Wrote ${wroteVideos(io, result)} (${result.durationSeconds.toFixed(1)} s, ${planned.storyboard.scenes.length} scenes, template ${planned.storyboard.theme.template})`,
            `Voice: ${planned.storyboard.audio.voice.engine}; music: ${planned.storyboard.audio.music.source}${result.loudness ? `; loudness ${result.loudness.integratedLufs} LUFS, true peak ${result.loudness.truePeakDb} dBTP` : ""}`,
            `Timings: ${formatTimings(timings)}`,
            ...[...planned.warnings, ...result.warnings].map((w) => `warning: ${w}`),
          ]);
        }
      } finally {
        interrupt();
      }
    });

  addCommon(program.command("extract"))
    .description("print the article reelpress reads from a source")
    .argument("<source>", "http(s) URL, or a .html, .md or .txt file")
    .action(async (source: string, flags: CommonFlags) => {
      const s = await settings(flags, io);
      const article = await extract(localSource(io, source), { fetch: s.fetch, signal });
      if (flags.json) printJson(io, article);
      else {
        io.stdout.write(`${article.title}\n${[article.byline, article.siteName, article.lang, article.publishedTime].filter(Boolean).join(" · ")}\n\n${article.text}\n`);
      }
    });

  addSound(addMedia(addLook(addPlanning(addCommon(program.command("plan"))))))
    .description("write the storyboard (scenes, timing, media) without rendering; edit it, then `reelpress render` it")
    .argument("<source>", "http(s) URL, or a .html, .md or .txt file")
    .option("-o, --output <file.json>", "the storyboard to write (default: out/<title>.storyboard.json)")
    .option("--explain", "print, for every scene, the chosen footage with its score breakdown and the next best")
    .action(async (source: string, flags: PlanFlags) => {
      if (flags.output) requireExtension(flags.output, ".json");
      const s = await settings(flags, io, { script: true, look: true });
      const { onEvent, interrupt } = events(flags, io);
      try {
        const planned = await plan(localSource(io, source), { ...s, signal, onEvent });
        const out = path.resolve(io.cwd, flags.output ?? defaultVideoPath(io, planned.article.title, source).replace(/\.mp4$/, ".storyboard.json"));
        await writeStoryboard(planned.storyboard, out);
        const total = planned.storyboard.scenes.reduce((sum, scene) => sum + scene.durationInFrames, 0) / planned.storyboard.output.fps;
        // A storyboard holds one aspect; the others are made from it when it is rendered.
        const warnings = s.aspects.length > 1
          ? [...planned.warnings, `planned for ${s.aspect} only (a storyboard holds one aspect): \`reelpress render ${path.relative(io.cwd, out)} --aspect ${s.aspects.join(",")}\` makes every one from it`]
          : planned.warnings;
        if (flags.json) printJson(io, { ok: true, files: { storyboard: out }, aspect: s.aspect, template: planned.storyboard.theme.template, durationSeconds: total, scenes: planned.storyboard.scenes.length, script: planned.scriptInfo, media: mediaSummary(planned), timings: planned.timings, warnings });
        else if (flags.explain) io.stdout.write(formatMatches(planned.storyboard));
        if (!flags.json) printSummary(io, [`Wrote ${path.relative(io.cwd, out)} (${planned.storyboard.scenes.length} scenes, ${total.toFixed(1)} s, ${s.aspect}, template ${planned.storyboard.theme.template})`, `Timings: ${formatTimings(planned.timings)}`, ...warnings.map((w) => `warning: ${w}`)]);
      } finally {
        interrupt();
      }
    });

  const media = program.command("media").description("look for footage by hand");
  addCommon(media.command("search"))
    .description("print the ranked footage candidates for a text, with their scores")
    .argument("<text>", "what the footage should show")
    .option("--media <providers>", "providers to search, from library,pexels,pixabay,generated (default: every configured one)", parseProviders)
    .option("--library <dir>", "a folder of your own images and videos")
    .option("--embeddings", "re-rank with an embeddings model (needs OPENAI_API_KEY or --llm-base-url)")
    .option("--llm-base-url <url>", "an OpenAI-compatible server for --embeddings")
    .addOption(new Option("--aspect <ratio>", "16:9, 9:16, 1:1 or 4:5 (default: 16:9)").argParser(parseAspect))
    .option("--limit <n>", "how many candidates to print (default: 10)", parsePositiveInt)
    .action(async (text: string, flags: PlanFlags & { limit?: number }) => {
      if (!text.trim()) throw new UsageError("media search needs a text to look for");
      const s = await settings(flags, io);
      const found = await searchFootage(text, { ...s, limit: flags.limit ?? 10, signal });
      if (flags.json) printJson(io, { ok: true, query: text, candidates: found.candidates, fallbacks: found.fallbacks, warnings: found.warnings });
      else {
        io.stdout.write(formatCandidates(found.candidates));
        for (const f of found.fallbacks) io.stderr.write(`warning: media provider ${f.provider} gave nothing: ${f.reason}\n`);
        for (const w of found.warnings) io.stderr.write(`warning: ${w}\n`);
      }
    });

  addCommon(media.command("swap"))
    .description("put one of a scene's kept alternatives on screen (see plan --explain) and rewrite the storyboard")
    .argument("<storyboard.json>", "a storyboard from reelpress plan")
    .argument("<scene>", "the scene's id (s3) or number (3)")
    .argument("[n]", "which alternative, 1 = the next best (default: 1)", parsePositiveInt)
    .option("--library <dir>", "the media library the storyboard was planned with")
    .action(async (file: string, scene: string, n: number | undefined, flags: PlanFlags) => {
      const s = await settings(flags, io);
      const swapped = await swapFootage(path.resolve(io.cwd, file), scene, n ?? 1, { ...s, signal });
      if (flags.json) printJson(io, { ok: true, scene: swapped.sceneId, chosen: swapped.chosen });
      else printSummary(io, [`Scene ${swapped.scene + 1} (${swapped.sceneId}) now shows ${swapped.chosen.provider} ${swapped.chosen.id}: ${swapped.chosen.title}`]);
    });

  addRendering(addLook(addCommon(program.command("render")), true))
    .description("render a storyboard JSON (from `reelpress plan`, possibly edited) to an MP4 and its companion files")
    .argument("<storyboard.json>", "the storyboard to render")
    .option("-o, --output <file.mp4>", "the video to write (default: the storyboard's name with .mp4; with several aspects NAME-16x9.mp4 and so on)")
    .addOption(new Option("--aspect <ratios>", `${ASPECTS_HELP} (default: the storyboard's aspect)`).argParser(parseAspects))
    .addHelpText(
      "after",
      "\n--template re-styles the storyboard: its theme, caption style and transition length are\nreplaced (the config's templateOverrides and brand, or --brand, apply too); scenes, timing,\nmedia and sound stay. --brand alone changes only the theme: the storyboard's own template\nwith that brand kit (and the config's templateOverrides); caption style and transition stay.",
    )
    .action(async (file: string, flags: PlanFlags) => {
      if (flags.output) requireExtension(flags.output, ".mp4");
      const s = await settings(flags, io);
      const { onEvent, interrupt } = events(flags, io);
      try {
        const { board, userTemplatesDir } = await restyleForRender(await readStoryboard(path.resolve(io.cwd, file)), s.config, s.configFile, flags, io.cwd);
        const out = path.resolve(io.cwd, flags.output ?? file.replace(/(\.storyboard)?\.json$/i, "") + ".mp4");
        // Only an explicit --aspect re-targets: the config's aspect is for planning.
        const result = await render(board, out, { ...s, backend: renderBackend(s.backendName, io.env), userTemplatesDir, aspects: flags.aspect === undefined ? undefined : s.aspects, profile: renderProfile(flags), signal, onEvent });
        if (flags.json) printJson(io, { ok: true, files: result.files, outputs: result.outputs, template: board.theme.template, durationSeconds: result.durationSeconds, draft: result.profile === "draft", scenes: board.scenes.length, loudness: result.loudness, timings: result.timings, warnings: [...board.warnings, ...result.warnings] });
        else printSummary(io, [`Wrote ${wroteVideos(io, result)} (${result.durationSeconds.toFixed(1)} s, template ${board.theme.template})`, `Timings: ${formatTimings(result.timings)}`, ...result.warnings.map((w) => `warning: ${w}`)]);
      } finally {
        interrupt();
      }
    });

  const templates = program.command("templates").description("the looks a video can be made in: list them, see one resolved, copy one to make your own");
  addTemplatesDir(addCommon(templates.command("list")))
    .description("list the templates: the built-in ones and yours (in --templates-dir), with where each lives and the aspect it is made for")
    .action(async (flags: CommonFlags & LookFlags) => {
      const { config, file } = await loadConfig(flags.config, io.cwd);
      const request = lookRequest(config, file, flags, io.cwd);
      const found = await listTemplates(request.dirs, { cwd: io.cwd });
      if (flags.json) printJson(io, { ok: true, templates: found.map(({ name, source, dir, description, aspect, problem }) => ({ name, source, dir, description, aspect, problem })) });
      else io.stdout.write(formatTemplates(found));
    });

  addTemplatesDir(addCommon(templates.command("show")))
    .description("print a template's resolved settings as JSON, with the config's templateOverrides and the brand kit applied")
    .argument("[name]", `a template name or a folder holding a template.json (default: the config's template, else ${DEFAULT_TEMPLATE})`)
    .option("--brand <brand.json>", "a brand kit to apply (default: the config's brand)")
    .action(async (name: string | undefined, flags: CommonFlags & LookFlags) => {
      const { config, file } = await loadConfig(flags.config, io.cwd);
      const look = await loadLook(lookRequest(config, file, { ...flags, template: name }, io.cwd));
      printJson(io, {
        ok: true,
        name: look.location.name,
        source: look.location.source,
        dir: look.location.dir,
        description: look.template.description,
        aspect: look.aspect,
        captionStyle: look.captionStyle,
        musicMood: look.musicMood,
        transitionSeconds: look.transitionSeconds,
        theme: look.theme,
        brand: look.brand,
      });
    });

  addTemplatesDir(addCommon(templates.command("new")))
    .description("start a template of your own: copy one (template.json, components, fonts) into your templates folder")
    .argument("<name>", "the new template's name: lower-case letters, digits and dashes, e.g. my-brand")
    .option("--from <template>", `the template to copy, by name or folder (default: ${DEFAULT_TEMPLATE})`)
    .action(async (name: string, flags: CommonFlags & LookFlags & { from?: string }) => {
      const { config, file } = await loadConfig(flags.config, io.cwd);
      const request = lookRequest(config, file, flags, io.cwd);
      const made = await createTemplate(name, flags.from ?? DEFAULT_TEMPLATE, { dirs: request.dirs, baseDir: io.cwd, cwd: io.cwd });
      if (flags.json) printJson(io, { ok: true, name: made.name, dir: made.dir, from: made.from.name });
      else {
        const where = path.relative(io.cwd, made.file) || made.file;
        // `make` looks in the config's folder (else the default one) unless told otherwise.
        const elsewhere = request.dirs.user !== lookRequest(config, file, {}, io.cwd).dirs.user;
        const dirFlag = elsewhere ? ` --templates-dir ${shellWord(displayPath(request.dirs.user, io.cwd))}` : "";
        printSummary(io, [`Made template ${made.name} from ${made.from.name}: edit ${where}, then run \`reelpress make ARTICLE --template ${made.name}${dirFlag}\``]);
      }
    });

  return program;
}

/** Runs the CLI and returns the exit code; the only place errors are printed. */
export async function runCli(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }): Promise<number> {
  const controller = new AbortController();
  // Every Ctrl-C only asks the run to stop: it then removes its partial files and exits 1.
  const onSignal = () => controller.abort();
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const wantsJson = argv.includes("--json");
  const verbose = argv.includes("--verbose");
  try {
    await buildProgram(io, controller.signal).parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return EXIT.ok;
      // commander has already printed its one-line message.
      return EXIT.usage;
    }
    const known = error instanceof ReelpressError;
    const message = known ? error.message : error instanceof Error ? error.message.split("\n")[0] : String(error);
    const code = known ? error.code : "E_INTERNAL";
    io.stderr.write(`error: ${message}${known && error.hint ? ` (${error.hint})` : ""}\n`);
    if (verbose && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n${error.cause instanceof Error && error.cause.stack ? `caused by: ${error.cause.stack}\n` : ""}`);
    if (wantsJson) printJson(io, { ok: false, error: { code, message, hint: known ? error.hint ?? null : null } });
    return error instanceof UsageError ? EXIT.usage : EXIT.failure;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
