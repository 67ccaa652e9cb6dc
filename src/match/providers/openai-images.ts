import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import OpenAI from "openai";
import type { ImageGenerateParamsNonStreaming } from "openai/resources/images";
import pLimit from "p-limit";
import { z } from "zod";
import { ReelpressError } from "../../errors.js";
import type { Mood } from "../../schema/script.js";
import type { Aspect, License, Media } from "../../schema/storyboard.js";
import { cacheImage } from "../cache-image.js";
import { ProviderUnavailable, type MediaCandidate, type MediaProvider, type SceneRequest } from "../media-provider.js";
import { createOpenAiClient, DEFAULT_OPENAI_BASE_URL, type OpenAiConnectionOptions } from "../../openai/openai-client.js";

export type ImageSize = "1024x1024" | "1536x1024" | "1024x1536" | "1792x1024" | "1024x1792";

/** Without a key (and without a base URL for a server that needs none) the provider is unavailable. */
export interface OpenAiImagesOptions extends OpenAiConnectionOptions {
  /** @default "gpt-image-1" */
  model?: string;
  /** Images are kept under <cacheDir>/media (by content) and <cacheDir>/openai-images (by request). */
  cacheDir: string;
  /** Generating one image takes tens of seconds. @default 120000 */
  timeoutMs?: number;
  /** @default the model's size nearest the output aspect (gpt-image-1: 1536x1024, 1024x1536, 1024x1024) */
  size?: ImageSize;
  /** Images generated at once. @default 2 */
  concurrency?: number;
}

export const DEFAULT_IMAGE_MODEL = "gpt-image-1";
export const DEFAULT_IMAGE_BASE_URL = DEFAULT_OPENAI_BASE_URL;
export const DEFAULT_IMAGE_TIMEOUT_MS = 120_000;
export const DEFAULT_IMAGE_MAX_RETRIES = 2;
export const DEFAULT_IMAGE_CONCURRENCY = 2;
/** A decoded image larger than this is refused (a 1536×1024 PNG is 2–4 MB). */
const MAX_IMAGE_BYTES = 32 * 1024 * 1024;
/** An image made for one scene says what the scene needs; only the article's own images know more. */
export const GENERATED_IMAGE_CONTEXT = 0.8;
const MAX_SUBJECT_CHARS = 400;

const SIZES: Record<"gpt" | "dall-e-3" | "dall-e-2", Record<Aspect, ImageSize>> = {
  gpt: { "16:9": "1536x1024", "9:16": "1024x1536", "1:1": "1024x1024", "4:5": "1024x1536" },
  "dall-e-3": { "16:9": "1792x1024", "9:16": "1024x1792", "1:1": "1024x1024", "4:5": "1024x1792" },
  "dall-e-2": { "16:9": "1024x1024", "9:16": "1024x1024", "1:1": "1024x1024", "4:5": "1024x1024" },
};

/** The size a model makes that is nearest the output's shape. */
export function imageSizeFor(model: string, aspect: Aspect): ImageSize {
  const family = model.startsWith("dall-e-3") ? "dall-e-3" : model.startsWith("dall-e-2") ? "dall-e-2" : "gpt";
  return SIZES[family][aspect];
}

const LIGHT: Record<Mood, string> = {
  neutral: "Soft natural daylight, balanced colours.",
  calm: "Quiet, soft morning light, gentle muted colours.",
  upbeat: "Bright sunny light, vivid warm colours.",
  serious: "Overcast, subdued light, restrained colours.",
  inspiring: "Golden-hour light, wide open space, hopeful mood.",
  dramatic: "Low, directional light with deep shadows, high contrast.",
  playful: "Bright, cheerful light, saturated colours.",
};

const FRAMING: Record<Aspect, string> = {
  "16:9": "Wide landscape composition with the subject near the centre.",
  "9:16": "Tall portrait composition with the subject near the centre.",
  "1:1": "Square composition with the subject in the centre.",
  "4:5": "Portrait composition, a little taller than square, with the subject near the centre.",
};

/**
 * A photographic prompt for a scene: what it should show (its visual description, else its
 * headline and keywords), the light for its mood and the framing for the output. It asks for no
 * text at all, because captions and headlines are drawn over the picture.
 */
export function imagePrompt(scene: Pick<SceneRequest, "visual" | "headline" | "keywords" | "mood">, aspect: Aspect): string {
  const subject = (scene.visual?.trim() || [scene.headline, ...scene.keywords.slice(0, 4)].join(", ")).replace(/\s+/gu, " ").slice(0, MAX_SUBJECT_CHARS);
  return [
    `A realistic editorial photograph: ${subject.replace(/[.\s]+$/u, "")}.`,
    LIGHT[scene.mood],
    FRAMING[aspect],
    "Sharp focus, natural textures, shot on a full-frame camera.",
    "No text, letters, numbers, captions, signs, logos or watermarks anywhere in the image.",
  ].join(" ");
}

const CachedImageSchema = z.object({
  version: z.literal(1),
  file: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/** What the images endpoint answers; `b64_json` is there for the GPT image models and when asked for. */
const ImagesResponseSchema = z.object({
  data: z.array(z.object({ b64_json: z.string().nullish(), url: z.string().nullish() })).min(1),
});

interface Request {
  prompt: string;
  size: ImageSize;
  alt: string;
}

/**
 * `--generate-images`: one still per scene made with the OpenAI images API (or a compatible
 * server), animated with Ken Burns like any photo. Search only writes the prompt (no request);
 * fetch generates the image, once: it is cached by (prompt, model, size), so a re-run sends none.
 */
export function createOpenAiImagesProvider(options: OpenAiImagesOptions): MediaProvider {
  const model = options.model ?? DEFAULT_IMAGE_MODEL;
  const baseURL = options.baseURL || DEFAULT_IMAGE_BASE_URL;
  const timeoutMs = options.timeoutMs ?? DEFAULT_IMAGE_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_IMAGE_MAX_RETRIES;
  const limit = pLimit(options.concurrency ?? DEFAULT_IMAGE_CONCURRENCY);
  const license: License = {
    name: "generated with OpenAI images",
    url: "https://openai.com/policies/terms-of-use",
    attribution: `Image generated for this video with ${model}`,
  };
  const usable = options.apiKey !== null || options.baseURL !== null;
  const client = usable ? createOpenAiClient({ apiKey: options.apiKey, baseURL, timeoutMs, maxRetries }) : null;
  const inFlight = new Map<string, Promise<Extract<Media, { kind: "image" }>>>();

  const generate = async (id: string, request: Request, signal: AbortSignal | undefined): Promise<Extract<Media, { kind: "image" }>> => {
    const record = path.join(options.cacheDir, "openai-images", `${id.slice("openai:".length)}.json`);
    const cached = await readRecord(record, options.cacheDir);
    const image = cached ?? (await limit(() => requestImage(client!, { model, request, record, cacheDir: options.cacheDir, signal, context: { apiKey: options.apiKey, maxRetries, timeoutMs } })));
    return {
      kind: "image",
      file: image.file,
      width: image.width,
      height: image.height,
      alt: request.alt,
      focus: { x: 0.5, y: 0.5 },
      provider: "generated",
      origin: null,
      creator: null,
      sourceId: id,
      license,
    };
  };

  return {
    name: "generated",
    async search(scene, context) {
      if (!usable) throw new ProviderUnavailable("generated", "image generation needs OPENAI_API_KEY (or a base URL for a server that needs no key)");
      const size = options.size ?? imageSizeFor(model, context.aspect);
      const prompt = imagePrompt(scene, context.aspect);
      const id = `openai:${requestKey(model, size, prompt)}`;
      const alt = scene.visual?.trim() || scene.headline;
      const [width, height] = size.split("x").map(Number) as [number, number];
      const candidate: MediaCandidate = {
        provider: "generated",
        id,
        kind: "image",
        text: { title: alt, description: prompt, tags: [...scene.keywords] },
        width,
        height,
        durationSeconds: null,
        fps: null,
        creator: null,
        series: null,
        pageUrl: null,
        license,
        source: null,
        context: GENERATED_IMAGE_CONTEXT,
        forScene: scene.index,
      };
      return [candidate];
    },
    async fetch(candidate, { signal }) {
      if (!client) throw new ProviderUnavailable("generated", "image generation needs OPENAI_API_KEY (or a base URL for a server that needs no key)");
      const request = requestOf(candidate, model);
      if (!request) throw new ReelpressError("E_MEDIA", `"${candidate.id}" is not an image this provider prompted with ${model}`);
      // Two scenes with the same prompt share one request.
      let pending = inFlight.get(candidate.id);
      if (!pending) {
        pending = generate(candidate.id, request, signal).finally(() => inFlight.delete(candidate.id));
        inFlight.set(candidate.id, pending);
      }
      return pending;
    },
  };
}

/**
 * The request a candidate stands for: search puts the prompt in its description and the size in
 * its width and height, and the id is their hash, so a candidate that was changed on the way is refused.
 */
function requestOf(candidate: MediaCandidate, model: string): Request | null {
  const size = `${candidate.width}x${candidate.height}` as ImageSize;
  const prompt = candidate.text.description;
  return candidate.id === `openai:${requestKey(model, size, prompt)}` ? { prompt, size, alt: candidate.text.title } : null;
}

/** The cache key: everything that decides the picture. */
function requestKey(model: string, size: ImageSize, prompt: string): string {
  return createHash("sha256").update(JSON.stringify([model, size, prompt])).digest("hex");
}

/**
 * The cached image for a request, or null when there is none, its file has gone, or the record
 * names a file that is not directly in `<cacheDir>/media/` (the image is then made again). A
 * record is a file anyone can edit, so the path in it is not trusted: it would put that file in the video.
 */
async function readRecord(file: string, cacheDir: string): Promise<z.infer<typeof CachedImageSchema> | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let parsed: z.infer<typeof CachedImageSchema>;
  try {
    const result = CachedImageSchema.safeParse(JSON.parse(text));
    // A torn or hand-edited record is a cache miss, not a failure.
    if (!result.success) return null;
    parsed = result.data;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  if (!path.isAbsolute(parsed.file)) return null;
  const [real, mediaDir] = await Promise.all([realpath(parsed.file).catch(() => null), realpath(path.join(cacheDir, "media")).catch(() => null)]);
  if (real === null || mediaDir === null || path.dirname(real) !== mediaDir) return null;
  // The file may have been deleted by hand, or be a folder now.
  return (await stat(real).catch(() => null))?.isFile() ? parsed : null;
}

interface ErrorContext {
  apiKey: string | null;
  maxRetries: number;
  timeoutMs: number;
}

async function requestImage(
  client: OpenAI,
  job: { model: string; request: Request; record: string; cacheDir: string; signal: AbortSignal | undefined; context: ErrorContext },
): Promise<z.infer<typeof CachedImageSchema>> {
  const { model, request, record, cacheDir, signal, context } = job;
  const body: ImageGenerateParamsNonStreaming = { model, prompt: request.prompt, n: 1, size: request.size };
  // The DALL·E models answer with a URL unless asked; the GPT image models always send base64 and reject the field.
  if (model.startsWith("dall-e")) body.response_format = "b64_json";
  let answer: unknown;
  try {
    answer = await client.images.generate(body, { signal });
  } catch (error) {
    throw imagesError(error, context, signal);
  }
  const parsed = ImagesResponseSchema.safeParse(answer);
  const encoded = parsed.success ? parsed.data.data[0]!.b64_json : null;
  if (!encoded) throw new ReelpressError("E_MEDIA", "the images API answered without image data (b64_json)");
  const bytes = Buffer.from(encoded, "base64");
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_IMAGE_BYTES) throw new ReelpressError("E_MEDIA", `the generated image has ${bytes.byteLength} bytes`);

  await mkdir(path.dirname(record), { recursive: true });
  const temp = `${record}.${randomUUID()}.png`;
  await writeFile(temp, bytes);
  try {
    // cacheImage checks that the bytes are an image and files them by content; a file: URL is read in place.
    const cached = await cacheImage(pathToFileURL(temp).href, { cacheDir, maxBytes: MAX_IMAGE_BYTES, fetchBytes: refuseDownload });
    const entry = { version: 1 as const, file: cached.file, width: cached.width, height: cached.height };
    const recordTemp = `${record}.${randomUUID()}.tmp`;
    await writeFile(recordTemp, `${JSON.stringify(entry, null, 2)}\n`);
    await rename(recordTemp, record);
    return entry;
  } finally {
    await rm(temp, { force: true });
  }
}

function refuseDownload(): never {
  throw new ReelpressError("E_MEDIA", "generated images are never downloaded");
}

/**
 * What the client threw, as the match stage expects it: the key refused, the server rate-limited
 * or down (after the client's retries) or unreachable makes the provider unavailable; a refused
 * prompt (400) fails only this image, so the scene takes its next candidate. Messages never quote
 * the server's text verbatim when it might carry the key.
 */
function imagesError(error: unknown, context: ErrorContext, signal: AbortSignal | undefined): Error {
  if (signal?.aborted || error instanceof OpenAI.APIUserAbortError) return new ReelpressError("E_ABORTED", "image generation was aborted");
  const retries = `after ${context.maxRetries} ${context.maxRetries === 1 ? "retry" : "retries"}`;
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return new ProviderUnavailable("generated", `the images API refused the API key (HTTP ${error.status})`);
  }
  if (error instanceof OpenAI.RateLimitError) return new ProviderUnavailable("generated", `the images API is rate-limited (HTTP 429 ${retries})`);
  if (error instanceof OpenAI.NotFoundError) return new ProviderUnavailable("generated", `the images API has no such model or endpoint (HTTP 404)`);
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new ProviderUnavailable("generated", `the images API did not answer within ${context.timeoutMs} ms`);
  if (error instanceof OpenAI.APIConnectionError) return new ProviderUnavailable("generated", "the images API could not be reached");
  if (error instanceof OpenAI.APIError && (error.status ?? 0) >= 500) {
    return new ProviderUnavailable("generated", `the images API answered HTTP ${error.status} ${retries}`);
  }
  if (error instanceof OpenAI.APIError) {
    return new ReelpressError("E_MEDIA", `the images API refused this prompt (HTTP ${error.status ?? "error"}): ${redact(firstLine(error.message), context.apiKey)}`);
  }
  if (error instanceof Error) return error;
  return new ReelpressError("E_MEDIA", `image generation failed: ${String(error)}`);
}

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? "").replace(/^\d{3}\s+/u, "").slice(0, 200);
}

function redact(text: string, secret: string | null): string {
  return secret ? text.split(secret).join("***") : text;
}
