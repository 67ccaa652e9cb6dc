import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import OpenAI from "openai";
import pLimit from "p-limit";
import { z } from "zod";
import { LlmError, ReelpressError } from "../errors.js";
import { createOpenAiClient, DEFAULT_OPENAI_BASE_URL, type OpenAiConnectionOptions } from "../openai/openai-client.js";

export interface EmbeddingsOptions extends OpenAiConnectionOptions {
  /** @default "text-embedding-3-small" */
  model?: string;
  /** Vectors are kept under <cacheDir>/embeddings/, one file per (model, text). */
  cacheDir: string;
  /** @default 30000 */
  timeoutMs?: number;
  /** Texts per request. @default 128 */
  batchSize?: number;
  /** Requests in flight at once. @default 2 */
  concurrency?: number;
  signal?: AbortSignal;
}

export interface RerankOptions extends EmbeddingsOptions {
  /**
   * Share of the embedding similarity in the blended score, 0–1; the rest is the lexical score.
   * @default 0.8
   */
  weight?: number;
}

export interface RerankCandidate {
  id: string;
  text: string;
  /** The lexical (e.g. BM25) score, any scale. */
  score: number;
}

export interface RerankedCandidate {
  id: string;
  /** The blended score the list is sorted by, 0–1. */
  score: number;
  /** Cosine similarity of the candidate's text to the query, -1–1. */
  similarity: number;
}

export const DEFAULT_EMBEDDINGS_MODEL = "text-embedding-3-small";
export const DEFAULT_EMBEDDINGS_BASE_URL = DEFAULT_OPENAI_BASE_URL;
export const DEFAULT_EMBEDDINGS_TIMEOUT_MS = 30_000;
export const DEFAULT_EMBEDDINGS_MAX_RETRIES = 2;
export const DEFAULT_EMBEDDINGS_BATCH_SIZE = 128;
export const DEFAULT_EMBEDDINGS_CONCURRENCY = 2;
export const DEFAULT_EMBEDDINGS_WEIGHT = 0.8;
/**
 * Longer texts are cut: the models take at most 8,192 tokens per input, and a CJK character can be
 * a token of its own. Footage descriptions are far shorter.
 */
export const MAX_EMBEDDED_CHARS = 6000;
/** The API takes at most 300,000 tokens per request; characters are a safe upper bound. */
const MAX_BATCH_CHARS = 200_000;

/** What the embeddings endpoint answers: a vector per input (float array, or base64 of little-endian float32). */
const EmbeddingsResponseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.union([z.string(), z.array(z.number())]) })),
});

/**
 * Embeds texts with an OpenAI-compatible embeddings endpoint, in batches, each text once: vectors
 * are cached on disk per (model, text). Returns one vector per text, in order; an empty text gets
 * an empty vector (similar to nothing) and is not sent. Throws LlmError: E_LLM_AUTH (key refused or
 * missing), E_LLM_MODEL (no such model), E_LLM (server down, rate-limited after retries, bad
 * answer); E_ABORTED when the signal fires. Callers fall back to lexical ranking on any of them.
 */
export async function embedTexts(texts: readonly string[], options: EmbeddingsOptions): Promise<Float32Array[]> {
  const model = options.model ?? DEFAULT_EMBEDDINGS_MODEL;
  const inputs = texts.map((text) => text.replace(/\s+/gu, " ").trim().slice(0, MAX_EMBEDDED_CHARS));
  const vectors = new Map<string, Float32Array>([["", new Float32Array(0)]]);
  const missing: string[] = [];
  for (const input of new Set(inputs)) {
    if (vectors.has(input)) continue;
    const cached = await readVector(options.cacheDir, model, input);
    if (cached) vectors.set(input, cached);
    else missing.push(input);
  }
  if (missing.length > 0) {
    const client = createClient(options);
    const limit = pLimit(options.concurrency ?? DEFAULT_EMBEDDINGS_CONCURRENCY);
    await Promise.all(
      batches(missing, options.batchSize ?? DEFAULT_EMBEDDINGS_BATCH_SIZE).map((batch) =>
        limit(async () => {
          const embedded = await requestBatch(client, model, batch, options);
          for (const [i, input] of batch.entries()) {
            vectors.set(input, embedded[i]!);
            await writeVector(options.cacheDir, model, input, embedded[i]!);
          }
        }),
      ),
    );
  }
  return inputs.map((input) => vectors.get(input)!);
}

/**
 * Re-ranks candidates for a query by meaning. The blend, per candidate, is
 * `weight × sim′ + (1 − weight) × lex′`, where sim′ is the cosine similarity and lex′ the given
 * lexical score, each min–max normalised over the candidate list (so neither scale matters). With
 * the default weight 0.8 the embeddings decide, and the lexical score moves a candidate only past
 * another whose similarity is within a quarter of the list's similarity range: near-ties. Returns
 * the candidates sorted by the blend, best first (ties: higher similarity, then input order).
 */
export async function rerankWithEmbeddings(query: string, candidates: readonly RerankCandidate[], options: RerankOptions): Promise<RerankedCandidate[]> {
  if (candidates.length === 0) return [];
  const weight = options.weight ?? DEFAULT_EMBEDDINGS_WEIGHT;
  if (!(weight >= 0 && weight <= 1)) throw new ReelpressError("E_USAGE", `"weight" must be between 0 and 1, but is ${weight}`);
  const [queryVector, ...vectors] = await embedTexts([query, ...candidates.map((candidate) => candidate.text)], options);
  const similarities = vectors.map((vector) => cosineSimilarity(queryVector!, vector));
  const sim = minMax(similarities);
  const lex = minMax(candidates.map((candidate) => candidate.score));
  return candidates
    .map((candidate, i) => ({ id: candidate.id, score: weight * sim[i]! + (1 - weight) * lex[i]!, similarity: similarities[i]!, order: i }))
    .sort((a, b) => b.score - a.score || b.similarity - a.similarity || a.order - b.order)
    .map(({ id, score, similarity }) => ({ id, score, similarity }));
}

/** Cosine of the angle between two vectors; 0 when either is empty or zero, or their lengths differ. */
export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return aa === 0 || bb === 0 ? 0 : dot / Math.sqrt(aa * bb);
}

/** Scales values to 0–1 over the list; all equal gives all 1 (nothing to tell them apart). */
function minMax(values: readonly number[]): number[] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return values.map((value) => (high > low ? (value - low) / (high - low) : 1));
}

/** Groups of at most `size` texts and MAX_BATCH_CHARS characters. */
function batches(texts: readonly string[], size: number): string[][] {
  const out: string[][] = [];
  let batch: string[] = [];
  let chars = 0;
  for (const text of texts) {
    if (batch.length > 0 && (batch.length >= size || chars + text.length > MAX_BATCH_CHARS)) {
      out.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(text);
    chars += text.length;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

function createClient(options: EmbeddingsOptions): OpenAI {
  if (options.apiKey === null && options.baseURL === null) {
    throw new LlmError("E_LLM_AUTH", "embeddings need an API key", { hint: "set OPENAI_API_KEY, or pass --llm-base-url for a server that needs none" });
  }
  return createOpenAiClient({
    apiKey: options.apiKey,
    baseURL: options.baseURL || DEFAULT_EMBEDDINGS_BASE_URL,
    timeoutMs: options.timeoutMs ?? DEFAULT_EMBEDDINGS_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_EMBEDDINGS_MAX_RETRIES,
  });
}

async function requestBatch(client: OpenAI, model: string, batch: readonly string[], options: EmbeddingsOptions): Promise<Float32Array[]> {
  let answer: unknown;
  try {
    // Asked for explicitly: a server that ignores the field and sends floats is read as well.
    answer = await client.embeddings.create({ model, input: [...batch], encoding_format: "base64" }, { signal: options.signal });
  } catch (error) {
    throw embeddingsError(error, model, options);
  }
  const parsed = EmbeddingsResponseSchema.safeParse(answer);
  if (!parsed.success) throw new LlmError("E_LLM", "the embeddings server sent an answer without embeddings");
  const vectors = new Array<Float32Array | undefined>(batch.length);
  for (const item of parsed.data.data) if (item.index < batch.length) vectors[item.index] = decodeVector(item.embedding);
  const dimensions = vectors[0]?.length ?? 0;
  if (dimensions === 0 || vectors.some((vector) => vector === undefined || vector.length !== dimensions)) {
    throw new LlmError("E_LLM", `the embeddings server sent ${parsed.data.data.length} vectors of uneven size for ${batch.length} texts`);
  }
  return vectors as Float32Array[];
}

function decodeVector(embedding: string | number[]): Float32Array {
  if (Array.isArray(embedding)) return Float32Array.from(embedding);
  const bytes = Buffer.from(embedding, "base64");
  return fromBytes(bytes);
}

/** Little-endian float32 bytes (the wire's base64 format and the cache's file format) to a vector. */
function fromBytes(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector = new Float32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < vector.length; i += 1) vector[i] = view.getFloat32(i * 4, true);
  return vector;
}

function toBytes(vector: Float32Array): Buffer {
  const bytes = Buffer.alloc(vector.length * 4);
  for (let i = 0; i < vector.length; i += 1) bytes.writeFloatLE(vector[i]!, i * 4);
  return bytes;
}

function vectorFile(cacheDir: string, model: string, text: string): string {
  const key = createHash("sha256").update(JSON.stringify([model, text])).digest("hex");
  return path.join(cacheDir, "embeddings", key.slice(0, 2), `${key}.f32`);
}

/** The cached vector, or null when there is none or the file is torn (the text is then embedded again). */
async function readVector(cacheDir: string, model: string, text: string): Promise<Float32Array | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(vectorFile(cacheDir, model, text));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return bytes.byteLength > 0 && bytes.byteLength % 4 === 0 ? fromBytes(bytes) : null;
}

/** Written to a temporary name and renamed, so a reader never sees half a vector. */
async function writeVector(cacheDir: string, model: string, text: string, vector: Float32Array): Promise<void> {
  const file = vectorFile(cacheDir, model, text);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomUUID()}.tmp`;
  await writeFile(temp, toBytes(vector));
  await rename(temp, file);
}

/**
 * The client's error as a ReelpressError. The client's own error is never kept as `cause`:
 * servers quote the key in their messages ("Incorrect API key provided: sk-…").
 */
function embeddingsError(error: unknown, model: string, options: EmbeddingsOptions): ReelpressError {
  if (options.signal?.aborted || error instanceof OpenAI.APIUserAbortError) return new ReelpressError("E_ABORTED", "the embeddings request was aborted");
  const retries = options.maxRetries ?? DEFAULT_EMBEDDINGS_MAX_RETRIES;
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return new LlmError("E_LLM_AUTH", `the embeddings server refused the API key (HTTP ${error.status})`, {
      hint: "check OPENAI_API_KEY (and --llm-base-url), or run without --embeddings",
    });
  }
  if (error instanceof OpenAI.NotFoundError || (error instanceof OpenAI.BadRequestError && /model/iu.test(error.message))) {
    return new LlmError("E_LLM_MODEL", `the embeddings server has no model "${model}"`, { hint: "pick an embeddings model the server offers" });
  }
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new LlmError("E_LLM", `the embeddings server did not answer within ${options.timeoutMs ?? DEFAULT_EMBEDDINGS_TIMEOUT_MS} ms`);
  }
  if (error instanceof OpenAI.APIConnectionError) return new LlmError("E_LLM", "the embeddings server could not be reached");
  if (error instanceof OpenAI.APIError) {
    const retried = error.status === 429 || (error.status ?? 0) >= 500 ? ` after ${retries} ${retries === 1 ? "retry" : "retries"}` : "";
    const text = (error.message.split("\n")[0] ?? "").replace(/^\d{3}\s+/u, "").slice(0, 200);
    return new LlmError("E_LLM", `the embeddings server answered HTTP ${error.status ?? "error"}${retried}: ${options.apiKey ? text.split(options.apiKey).join("***") : text}`);
  }
  if (error instanceof OpenAI.OpenAIError) return new LlmError("E_LLM", "the embeddings request failed");
  throw error;
}
