import { z } from "zod";
import { AspectSchema, CaptionStyleSchema, ProviderNameSchema } from "./storyboard.js";
import { BrandSchema, TemplateOverridesSchema } from "./template.js";

/** Defaults for every setting, in one place. */
export const DEFAULT_CONFIG = {
  aspect: "16:9",
  duration: 60,
  fps: 30,
  wordsPerMinute: 160,
  cacheDir: ".reelpress-cache",
  browserExecutable: null,
  concurrency: null,
  render: { backend: "local", compositor: "auto", segmentWorkers: null, cache: true, cacheMaxMegabytes: 4096 },
  fetch: { timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5, maxRetries: 2 },
  llm: { model: "gpt-4o-mini", baseUrl: null, timeoutMs: 60_000 },
  voice: { engine: "auto", name: null, model: "gpt-4o-mini-tts", speed: 1, baseUrl: null, espeakPath: null, timeoutMs: 60_000, maxRetries: 2 },
  music: "auto",
  // The template's default is DEFAULT_TEMPLATE in src/templates/template-dirs.ts, the one place that names it.
  /** Not "templates": in the reelpress checkout that is the built-in templates folder. */
  templatesDir: "my-templates",
  captions: { style: "subtitles", burn: true },
  media: {
    library: null,
    perQuery: 8,
    concurrency: 4,
    timeoutMs: 20_000,
    maxRetries: 2,
    cacheMaxMegabytes: 2048,
    generateImages: false,
    imageModel: "gpt-image-1",
    embeddings: false,
    embeddingModel: "text-embedding-3-small",
  },
} as const;

export const ScriptWriterSchema = z.enum(["local", "openai"]);

/** What `reelpress.config.json` (or `--config FILE`) may hold; every field optional. */
export const ConfigSchema = z
  .object({
    /** The aspect to plan for; `--aspect` on the command line may name several. @default the template's aspect, else "16:9" */
    aspect: AspectSchema.optional(),
    /** Target video length in seconds. @default 60 */
    duration: z.number().min(5).max(3600).optional(),
    /** @default 30 */
    fps: z.number().int().min(1).max(60).optional(),
    /** Narration reading speed used for timing. @default 160 */
    wordsPerMinute: z.number().min(60).max(400).optional(),
    /** Where downloads and bundles are kept. @default ".reelpress-cache" */
    cacheDir: z.string().min(1).optional(),
    /** Chromium or Chrome binary to render with. @default null (search the machine) */
    browserExecutable: z.string().min(1).nullable().optional(),
    /** Frames rendered at once. @default null (Remotion's choice) */
    concurrency: z.number().int().min(1).max(64).nullable().optional(),
    render: z
      .object({
        /** Where segments are rendered: this machine, or Remotion Lambda (set up by REELPRESS_LAMBDA_* variables). @default "local" */
        backend: z.enum(["local", "lambda"]).optional(),
        /**
         * Who draws a local render's frames: "auto" lets ffmpeg composite the footage under text
         * drawn by the browser wherever it can (needs an ffmpeg with overlay and perspective),
         * "remotion" draws every frame in the browser. @default "auto"
         */
        compositor: z.enum(["auto", "remotion"]).optional(),
        /** Segments rendered at the same time. @default null (2 with the fast path; without it 1 below 4 cores, else 2) */
        segmentWorkers: z.number().int().min(1).max(16).nullable().optional(),
        /** Keep rendered segments, so a scene that did not change is not drawn again. @default true */
        cache: z.boolean().optional(),
        /** Largest size of the rendered-segment cache. @default 4096 */
        cacheMaxMegabytes: z.number().min(10).optional(),
      })
      .strict()
      .optional(),
    /** Who writes the scene script. @default "openai" when OPENAI_API_KEY is set, else "local" */
    script: z.enum(["local", "openai"]).optional(),
    llm: z
      .object({
        /** @default "gpt-4o-mini" */
        model: z.string().min(1).optional(),
        /** An OpenAI-compatible server, e.g. "http://localhost:11434/v1". @default OPENAI_BASE_URL, else OpenAI */
        baseUrl: z.url().nullable().optional(),
        /** @default 60000 */
        timeoutMs: z.number().int().min(100).optional(),
      })
      .strict()
      .optional(),
    voice: z
      .object({
        /** Who speaks the narration. "auto": espeak-ng when it is installed, else none. @default "auto" */
        engine: z.enum(["auto", "none", "espeak", "openai"]).optional(),
        /** An espeak-ng voice ("en-us", "de") or an OpenAI voice ("alloy", "nova"). @default the article's language / "alloy" */
        name: z.string().min(1).nullable().optional(),
        /** OpenAI speech model. @default "gpt-4o-mini-tts" */
        model: z.string().min(1).optional(),
        /** Speaking rate, 1 = normal. @default 1 */
        speed: z.number().min(0.5).max(2).optional(),
        /** An OpenAI-compatible speech server for the openai engine. @default OPENAI_BASE_URL, else OpenAI */
        baseUrl: z.url().nullable().optional(),
        /** The espeak-ng binary. @default found on the PATH */
        espeakPath: z.string().min(1).nullable().optional(),
        /** @default 60000 */
        timeoutMs: z.number().int().min(100).optional(),
        /** @default 2 */
        maxRetries: z.number().int().min(0).max(10).optional(),
      })
      .strict()
      .optional(),
    /** A template name (looked up in `templatesDir`, then among the built-in ones) or a folder holding a template.json, relative to this file. @default "clean" */
    template: z.string().min(1).optional(),
    /** Your own templates, one folder each; relative to this file. @default "my-templates" (in the working directory) */
    templatesDir: z.string().min(1).optional(),
    /** A brand kit: a brand.json path relative to this file, or the kit itself (its paths relative to this file). Applies to any template. */
    brand: z.union([z.string().min(1), BrandSchema]).optional(),
    /** Any template field, e.g. { "colors": { "accent": "#e11d48" }, "transition": { "seconds": 0.3 } }; font files relative to this file. */
    templateOverrides: TemplateOverridesSchema.optional(),
    /** "auto" (a bed reelpress synthesises for the script's mood), "auto:MOOD", "none", or an audio file. @default "auto" */
    music: z.string().min(1).optional(),
    captions: z
      .object({
        /** highlight (word by word), subtitles (two lines) or headline (no running captions). @default the template's */
        style: CaptionStyleSchema.optional(),
        /** Draw captions into the picture; .srt and .vtt are written either way. @default true */
        burn: z.boolean().optional(),
      })
      .strict()
      .optional(),
    media: z
      .object({
        /** Providers to use, in order of preference. @default every configured one: article, library, pexels, pixabay, generated */
        providers: z.array(ProviderNameSchema).min(1).optional(),
        /** A folder of your own images and videos. @default null */
        library: z.string().min(1).nullable().optional(),
        /** Results asked of a stock API per query. @default 8 */
        perQuery: z.number().int().min(1).max(80).optional(),
        /** Provider requests in flight at once. @default 4 */
        concurrency: z.number().int().min(1).max(16).optional(),
        /** @default 20000 */
        timeoutMs: z.number().int().min(100).optional(),
        /** Retries on 429 and 5xx, honouring rate-limit headers. @default 2 */
        maxRetries: z.number().int().min(0).max(10).optional(),
        /** Downloaded footage kept in the cache; least recently used goes first. @default 2048 */
        cacheMaxMegabytes: z.number().min(10).optional(),
        /** Make a still per scene with the OpenAI images API. @default false */
        generateImages: z.boolean().optional(),
        /** @default "gpt-image-1" */
        imageModel: z.string().min(1).optional(),
        /** Re-rank candidates with an embeddings model (OpenAI or a compatible server). @default false */
        embeddings: z.boolean().optional(),
        /** @default "text-embedding-3-small" */
        embeddingModel: z.string().min(1).optional(),
        /** A Pexels-compatible API. @default "https://api.pexels.com" */
        pexelsBaseUrl: z.url().optional(),
        /** A Pixabay-compatible API. @default "https://pixabay.com/api" */
        pixabayBaseUrl: z.url().optional(),
      })
      .strict()
      .optional(),
    fetch: z
      .object({
        timeoutMs: z.number().int().min(100).optional(),
        maxBytes: z.number().int().min(1024).optional(),
        maxRedirects: z.number().int().min(0).max(20).optional(),
        /** Retries on 408, 429 and 5xx, with backoff that honours Retry-After. @default 2 */
        maxRetries: z.number().int().min(0).max(10).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
export type ScriptWriter = z.infer<typeof ScriptWriterSchema>;
