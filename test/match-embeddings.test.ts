import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { LlmError, ReelpressError } from "../src/errors.js";
import { cosineSimilarity, embedTexts, rerankWithEmbeddings, type RerankOptions } from "../src/match/embeddings.js";
import { bagOfWords, DIMENSIONS, embeddingsServer, type EmbeddingsServer, type Reply } from "./helpers/fake-embeddings.js";
import type { TestServer } from "./helpers/serve.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const API_KEY = "sk-test-EMBED-7c1d2e3f4a5b";

function apiError(status: number, message: string, type: string, code: string | null, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: { error: { message, type, param: null, code } } };
}

let cacheDir: string;
let api: EmbeddingsServer | null = null;

beforeEach(async () => {
  cacheDir = await makeTempDir("embeddings");
});

afterEach(async () => {
  await api?.server.close();
  api = null;
});

afterAll(removeTempDirs);

function options(server: TestServer, extra: Partial<RerankOptions> = {}): RerankOptions {
  return { apiKey: API_KEY, baseURL: server.url("/v1"), cacheDir, timeoutMs: 5000, ...extra };
}

const TEXTS = [
  "A dog catches a frisbee in the park.",
  "Two cats sleep on a sofa.",
  "A surfer rides a big wave.",
  "A dog runs on the beach.",
  "A red bus in a city street.",
  "A plate of pasta with tomatoes.",
  "Children play football on grass.",
];

describe("embedTexts against an OpenAI-compatible server", () => {
  it("returns the server's vector for each text, in order, asking once per distinct text", async () => {
    api = await embeddingsServer();
    const texts = [TEXTS[0]!, TEXTS[1]!, TEXTS[0]!];
    const vectors = await embedTexts(texts, options(api.server));
    expect(vectors).toHaveLength(3);
    expect([...vectors[0]!]).toEqual(bagOfWords(TEXTS[0]!));
    expect([...vectors[1]!]).toEqual(bagOfWords(TEXTS[1]!));
    expect(vectors[2]).toEqual(vectors[0]);
    expect(api.bodies).toHaveLength(1);
    expect(api.bodies[0]).toEqual({ model: "text-embedding-3-small", input: [TEXTS[0], TEXTS[1]], encoding_format: "base64" });
    expect(api.auth[0]).toBe(`Bearer ${API_KEY}`);
  });

  it("sends the texts in batches of batchSize", async () => {
    api = await embeddingsServer();
    const vectors = await embedTexts(TEXTS, options(api.server, { batchSize: 3, concurrency: 1 }));
    expect(api.bodies.map((body) => body.input.length)).toEqual([3, 3, 1]);
    expect(api.bodies.flatMap((body) => body.input)).toEqual(TEXTS);
    expect(vectors.map((vector) => [...vector])).toEqual(TEXTS.map(bagOfWords));
  });

  it("embeds each text once: a second call is answered from the disk cache, a new text alone is sent", async () => {
    api = await embeddingsServer();
    const first = await embedTexts(TEXTS.slice(0, 4), options(api.server, { model: "nomic-embed-text" }));
    expect(api.bodies).toHaveLength(1);
    const again = await embedTexts(TEXTS.slice(0, 4), options(api.server, { model: "nomic-embed-text" }));
    expect(api.bodies).toHaveLength(1);
    expect(again).toEqual(first);
    await embedTexts([TEXTS[4]!, TEXTS[0]!], options(api.server, { model: "nomic-embed-text" }));
    expect(api.bodies).toHaveLength(2);
    expect(api.bodies[1]!.input).toEqual([TEXTS[4]]);
    // Another model is another cache entry.
    await embedTexts([TEXTS[0]!], options(api.server, { model: "text-embedding-3-large" }));
    expect(api.bodies[2]).toMatchObject({ model: "text-embedding-3-large", input: [TEXTS[0]] });
    const shards = await readdir(path.join(cacheDir, "embeddings"));
    expect(shards.length).toBeGreaterThan(0);
  });

  it("reads float arrays from a server that ignores encoding_format", async () => {
    api = await embeddingsServer(() => "embed", { ignoreFormat: true });
    const [vector] = await embedTexts([TEXTS[2]!], options(api.server));
    expect([...vector!]).toEqual(bagOfWords(TEXTS[2]!));
  });

  it("gives an empty text an empty vector without sending it", async () => {
    api = await embeddingsServer();
    const [empty, full] = await embedTexts(["   ", TEXTS[3]!], options(api.server));
    expect(empty!.length).toBe(0);
    expect(full!.length).toBe(DIMENSIONS);
    expect(api.bodies[0]!.input).toEqual([TEXTS[3]]);
  });

  it("retries a 429 and uses the answer that follows", async () => {
    api = await embeddingsServer((n) => (n === 0 ? apiError(429, "Rate limit reached for requests", "requests", "rate_limit_exceeded", { "retry-after-ms": "5" }) : "embed"));
    const vectors = await embedTexts([TEXTS[0]!], options(api.server));
    expect(api.bodies).toHaveLength(2);
    expect([...vectors[0]!]).toEqual(bagOfWords(TEXTS[0]!));
  });

  it("throws E_LLM after the retries when the server keeps answering 500, and caches nothing", async () => {
    api = await embeddingsServer(() => apiError(500, "The server had an error while processing your request.", "server_error", null, { "retry-after-ms": "5" }));
    const error = await embedTexts([TEXTS[0]!], options(api.server, { maxRetries: 2 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ code: "E_LLM", message: "the embeddings server answered HTTP 500 after 2 retries: The server had an error while processing your request." });
    expect(api.bodies).toHaveLength(3);
    await expect(readdir(path.join(cacheDir, "embeddings"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("throws E_LLM after a 429 that does not clear", async () => {
    api = await embeddingsServer(() => apiError(429, "Rate limit reached", "requests", "rate_limit_exceeded", { "retry-after-ms": "5" }));
    await expect(embedTexts([TEXTS[0]!], options(api.server, { maxRetries: 1 }))).rejects.toMatchObject({ code: "E_LLM", message: expect.stringContaining("HTTP 429 after 1 retry") });
    expect(api.bodies).toHaveLength(2);
  });

  it("throws E_LLM_AUTH on 401 without quoting the key", async () => {
    api = await embeddingsServer(() => apiError(401, `Incorrect API key provided: ${API_KEY}.`, "invalid_request_error", "invalid_api_key"));
    const error = (await embedTexts([TEXTS[0]!], options(api.server)).catch((e: unknown) => e)) as ReelpressError;
    expect(error).toMatchObject({ code: "E_LLM_AUTH", message: "the embeddings server refused the API key (HTTP 401)" });
    expect(JSON.stringify({ message: error.message, hint: error.hint, cause: String(error.cause) })).not.toContain(API_KEY);
    expect(api.bodies).toHaveLength(1);
  });

  it("throws E_LLM_MODEL when the server has no such model", async () => {
    api = await embeddingsServer(() => apiError(404, "The model `text-embedding-9` does not exist", "invalid_request_error", "model_not_found"));
    await expect(embedTexts([TEXTS[0]!], options(api.server, { model: "text-embedding-9" }))).rejects.toMatchObject({ code: "E_LLM_MODEL" });
  });

  it("throws E_LLM_AUTH without any request when there is neither a key nor a server", async () => {
    await expect(embedTexts([TEXTS[0]!], { apiKey: null, baseURL: null, cacheDir })).rejects.toMatchObject({ code: "E_LLM_AUTH" });
  });

  it("works with a local server that needs no key", async () => {
    api = await embeddingsServer();
    const [vector] = await embedTexts([TEXTS[0]!], options(api.server, { apiKey: null }));
    expect([...vector!]).toEqual(bagOfWords(TEXTS[0]!));
    expect(api.auth[0]).toBe("Bearer not-needed");
  });
});

describe("rerankWithEmbeddings", () => {
  const query = "dog catching a frisbee in the park";
  const candidates = [
    { id: "beach", text: "A dog runs on the beach.", score: 9 },
    { id: "frisbee", text: "A dog catches a frisbee in the park.", score: 4 },
    { id: "bus", text: "A red bus in a city street.", score: 1 },
  ];

  it("puts the candidate closest in meaning first even when its lexical score is lower", async () => {
    api = await embeddingsServer();
    const ranked = await rerankWithEmbeddings(query, candidates, options(api.server));
    expect(ranked.map((r) => r.id)).toEqual(["frisbee", "beach", "bus"]);
    expect(ranked[0]!.similarity).toBeCloseTo(cosineSimilarity(Float32Array.from(bagOfWords(query)), Float32Array.from(bagOfWords(candidates[1]!.text))), 5);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    // Query and candidates went in one request.
    expect(api.bodies).toHaveLength(1);
    expect(api.bodies[0]!.input).toHaveLength(4);
  });

  it("lets the lexical score break a tie in similarity", async () => {
    api = await embeddingsServer();
    const twins = [
      { id: "low", text: "A dog catches a frisbee.", score: 2 },
      { id: "high", text: "a DOG catches a Frisbee", score: 7 },
    ];
    const ranked = await rerankWithEmbeddings(query, twins, options(api.server));
    expect(ranked[0]!.similarity).toBeCloseTo(ranked[1]!.similarity, 6);
    expect(ranked.map((r) => r.id)).toEqual(["high", "low"]);
  });

  it("keeps the lexical order with weight 0, and makes no request for an empty list", async () => {
    api = await embeddingsServer();
    const ranked = await rerankWithEmbeddings(query, candidates, options(api.server, { weight: 0 }));
    expect(ranked.map((r) => r.id)).toEqual(["beach", "frisbee", "bus"]);
    const before = api.bodies.length;
    expect(await rerankWithEmbeddings(query, [], options(api.server))).toEqual([]);
    expect(api.bodies.length).toBe(before);
  });
});
