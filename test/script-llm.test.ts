import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ReelpressError } from "../src/errors.js";
import { ArticleSchema, type Article, type Block } from "../src/schema/article.js";
import { ScriptSchema } from "../src/schema/script.js";
import { writeScriptWithLlm, type LlmWriterOptions } from "../src/script/llm/index.js";
import { startServer, type TestServer } from "./helpers/serve.js";

const API_KEY = "sk-test-SECRET-4f9a8b7c6d5e";

const article: Article = ArticleSchema.parse({
  source: "https://news.example.com/solar",
  url: "https://news.example.com/solar",
  title: "Solar farm opens in Nevada",
  byline: "Jane Doe",
  siteName: "Example News",
  lang: "en",
  dir: "ltr",
  publishedTime: null,
  excerpt: null,
  leadImage: null,
  blocks: [
    { type: "paragraph", id: "b0", text: "A solar farm with 1,200 panels opened near Reno in Nevada on Monday." },
    { type: "heading", id: "b1", level: 2, text: "Power for homes" },
    { type: "paragraph", id: "b2", text: "The farm will power 3,500 homes. It cost 12.5 million dollars to build." },
    { type: "paragraph", id: "b3", text: "Workers from the town of Sparks built it in 9 months." },
  ],
  text: "A solar farm with 1,200 panels opened near Reno in Nevada on Monday.\n\nPower for homes\n\nThe farm will power 3,500 homes. It cost 12.5 million dollars to build.\n\nWorkers from the town of Sparks built it in 9 months.",
  wordCount: 45,
});

interface LlmScene {
  headline: string;
  narration: string;
  queries: string[];
  visual: string;
  mood: string;
  keywords: string[];
  sourceBlockIds: string[];
}

function scene(overrides: Partial<LlmScene> = {}): LlmScene {
  return {
    headline: "Solar farm opens",
    narration: "A solar farm with 1,200 panels opened near Reno.",
    queries: ["solar panels in desert", "workers installing solar panels"],
    visual: "Rows of solar panels glitter in the desert sun.",
    mood: "upbeat",
    keywords: ["solar farm", "panels", "Nevada"],
    sourceBlockIds: ["b0"],
    ...overrides,
  };
}

const VALID = {
  title: "Solar farm opens in Nevada",
  scenes: [
    scene({ headline: "Nevada goes solar" }),
    scene({ headline: "Power for 3,500 homes", narration: "The farm will power 3,500 homes.", queries: ["suburban houses rooftops", "power lines at dusk", "family switching on lights"], sourceBlockIds: ["b2"] }),
    scene({ headline: "Example News", narration: "Read the full article on Example News.", queries: ["person reading news on tablet", "newspaper on table"], sourceBlockIds: [] }),
  ],
};

type Reply = { status?: number; headers?: Record<string, string>; body: unknown } | "hang";

function completion(content: string | null, options: { finishReason?: string; refusal?: string | null } = {}): Reply {
  return {
    body: {
      id: "chatcmpl-abc123",
      object: "chat.completion",
      created: 1764000000,
      model: "gpt-4o-mini-2024-07-18",
      choices: [{ index: 0, message: { role: "assistant", content, refusal: options.refusal ?? null }, finish_reason: options.finishReason ?? "stop", logprobs: null }],
      usage: { prompt_tokens: 900, completion_tokens: 300, total_tokens: 1200 },
      system_fingerprint: "fp_test",
    },
  };
}

function apiError(status: number, message: string, code: string | null, type = "invalid_request_error", param: string | null = null, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: { error: { message, type, param, code } } };
}

interface ChatServer {
  server: TestServer;
  /** Parsed JSON bodies of every chat request, in order. */
  bodies: Array<{ model: string; messages: Array<{ role: string; content: string }>; response_format?: { type: string } }>;
  /** Authorization headers received. */
  auth: string[];
}

/** A stand-in for the chat-completions endpoint: `reply` picks the answer for the n-th request (0-based). */
async function chatServer(reply: (n: number, body: ChatServer["bodies"][number]) => Reply): Promise<ChatServer> {
  const bodies: ChatServer["bodies"] = [];
  const auth: string[] = [];
  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ChatServer["bodies"][number];
    bodies.push(body);
    auth.push(String(req.headers.authorization ?? ""));
    const answer = reply(bodies.length - 1, body);
    if (answer === "hang") return;
    const text = JSON.stringify(answer.body);
    res.writeHead(answer.status ?? 200, { "content-type": "application/json", "x-request-id": `req_${bodies.length}`, ...answer.headers });
    res.end(text);
  };
  const server = await startServer({ "/v1/chat/completions": handler });
  return { server, bodies, auth };
}

let cacheDir: string;
let chat: ChatServer | null = null;

beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), "reelpress-llm-"));
});

afterEach(async () => {
  await chat?.server.close();
  chat = null;
  await rm(cacheDir, { recursive: true, force: true });
});

function options(server: TestServer, extra: Partial<LlmWriterOptions> = {}): LlmWriterOptions {
  return {
    apiKey: API_KEY,
    baseURL: server.url("/v1"),
    model: "gpt-4o-mini",
    durationSeconds: 24,
    wordsPerMinute: 150,
    cacheDir,
    timeoutMs: 5000,
    maxRetries: 2,
    ...extra,
  };
}

async function run(reply: (n: number, body: ChatServer["bodies"][number]) => Reply, extra: Partial<LlmWriterOptions> = {}) {
  chat = await chatServer(reply);
  return writeScriptWithLlm(article, options(chat.server, extra));
}

describe("writeScriptWithLlm against an OpenAI-compatible server", () => {
  it("uses the LLM's narration, headlines and queries from a valid structured answer", async () => {
    const result = await run(() => completion(JSON.stringify(VALID)));
    expect(result.writer).toBe("openai");
    expect(result.warnings).toEqual([]);
    expect(ScriptSchema.parse(result.script)).toEqual(result.script);
    expect(result.script.scenes.map((s) => [s.id, s.kind, s.headline])).toEqual([
      ["s1", "title", "Nevada goes solar"],
      ["s2", "content", "Power for 3,500 homes"],
      ["s3", "closing", "Example News"],
    ]);
    expect(result.script.scenes[1]!.narration).toBe("The farm will power 3,500 homes.");
    expect(result.script.scenes[1]!.queries).toEqual(["suburban houses rooftops", "power lines at dusk", "family switching on lights"]);
    expect(result.script.scenes[0]!.visual).toBe("Rows of solar panels glitter in the desert sun.");
    expect(result.script.scenes[0]!.mood).toBe("upbeat");
    expect(result.usage).toMatchObject({ model: "gpt-4o-mini", promptTokens: 900, completionTokens: 300, requests: 1, cached: false });
    expect(result.usage!.estimatedPromptTokens).toBeGreaterThan(100);
    const body = chat!.bodies[0]!;
    expect(body.model).toBe("gpt-4o-mini");
    expect(body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "script", strict: true } });
    expect(body.messages[1]!.content).toContain("[b2] The farm will power 3,500 homes.");
    expect(chat!.auth[0]).toBe(`Bearer ${API_KEY}`);
  });

  it("sends a repair request naming the JSON error after a malformed answer, and uses the repaired script", async () => {
    const result = await run((n) => (n === 0 ? completion('{"title": "Solar", "scenes": [') : completion("```json\n" + JSON.stringify(VALID) + "\n```")));
    expect(chat!.bodies).toHaveLength(2);
    expect(chat!.bodies[1]!.messages.at(-1)!.content).toContain("not valid JSON");
    expect(chat!.bodies[1]!.messages.at(-2)).toEqual({ role: "assistant", content: '{"title": "Solar", "scenes": [' });
    expect(result.writer).toBe("openai");
    expect(result.script.scenes[0]!.headline).toBe("Nevada goes solar");
    expect(result.usage!.requests).toBe(2);
  });

  it("fixes a schema-invalid answer with the repair request that quotes the validation error", async () => {
    const invalid = { ...VALID, scenes: [VALID.scenes[0], { ...VALID.scenes[1], headline: "A very long headline with far more than eight words in it" }, VALID.scenes[2]] };
    const result = await run((n) => completion(JSON.stringify(n === 0 ? invalid : VALID)));
    expect(chat!.bodies).toHaveLength(2);
    expect(chat!.bodies[1]!.messages.at(-1)!.content).toContain('"scenes[1].headline" must be at most 8 words');
    expect(result.writer).toBe("openai");
    expect(result.script.scenes[1]!.headline).toBe("Power for 3,500 homes");
  });

  it("falls back to the local writer, saying why, when the repaired answer is still invalid", async () => {
    const result = await run(() => completion(JSON.stringify({ title: "x", scenes: [] })));
    expect(chat!.bodies).toHaveLength(2);
    expect(result.writer).toBe("local");
    expect(result.warnings).toEqual([`the LLM's script was not valid after one repair ("scenes" Too small: expected array to have >=3 items); used the local writer`]);
    expect(ScriptSchema.parse(result.script).scenes.length).toBeGreaterThanOrEqual(2);
  });

  it("falls back to the local writer with a warning when the model refuses", async () => {
    const result = await run(() => completion(null, { refusal: "I'm sorry, I can't help with that." }));
    expect(chat!.bodies).toHaveLength(1);
    expect(result.writer).toBe("local");
    expect(result.warnings).toEqual([`the LLM refused to write the script ("I'm sorry, I can't help with that."); used the local writer`]);
    expect(result.usage!.requests).toBe(1);
  });

  it("falls back to the local writer without a repair when the answer was cut off (finish_reason length)", async () => {
    const result = await run(() => completion('{"title": "Solar", "scenes": [{"headline": "Nev', { finishReason: "length" }));
    expect(chat!.bodies).toHaveLength(1);
    expect(result.writer).toBe("local");
    expect(result.warnings[0]).toBe("the LLM's answer was cut off at its length limit; used the local writer");
  });

  it("retries after a 429 with retry-after-ms and then uses the answer", async () => {
    const result = await run((n) =>
      n === 0 ? apiError(429, "Rate limit reached for gpt-4o-mini", "rate_limit_exceeded", "requests", null, { "retry-after-ms": "10" }) : completion(JSON.stringify(VALID)),
    );
    expect(chat!.bodies).toHaveLength(2);
    expect(result.writer).toBe("openai");
  });

  it("retries after a 500 and then uses the answer", async () => {
    const result = await run((n) => (n === 0 ? apiError(500, "The server had an error while processing your request.", null, "server_error", null, { "retry-after-ms": "10" }) : completion(JSON.stringify(VALID))));
    expect(chat!.bodies).toHaveLength(2);
    expect(result.writer).toBe("openai");
  });

  it("falls back to the local writer when the server keeps answering 500", async () => {
    const result = await run(() => apiError(500, "The server had an error while processing your request.", null, "server_error", null, { "retry-after-ms": "10" }));
    expect(chat!.bodies).toHaveLength(3);
    expect(result.writer).toBe("local");
    expect(result.warnings).toEqual(["the LLM server answered HTTP 500 after 2 retries: The server had an error while processing your request.; used the local writer"]);
  });

  it("throws E_LLM_AUTH on 401 without the key anywhere in the error", async () => {
    const error = await run(() => apiError(401, `Incorrect API key provided: ${API_KEY}. You can find your API key at https://platform.openai.com/account/api-keys.`, "invalid_api_key")).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ReelpressError);
    const e = error as ReelpressError;
    expect(e.code).toBe("E_LLM_AUTH");
    expect(e.message).toBe("the LLM server refused the API key (HTTP 401)");
    const texts: string[] = [];
    for (let link: unknown = e; link instanceof Error; link = link.cause) texts.push(link.message, String(link.stack));
    texts.push(e.hint ?? "");
    expect(texts.join("\n")).not.toContain(API_KEY);
    expect(chat!.bodies).toHaveLength(1);
  });

  it("keeps the key out of the warning when another error echoes it, and falls back", async () => {
    const result = await run(() => apiError(400, `Bad request for key ${API_KEY}: temperature must be at most 2`, null));
    expect(result.writer).toBe("local");
    expect(result.warnings).toEqual(["the LLM server answered HTTP 400: Bad request for key ***: temperature must be at most 2; used the local writer"]);
  });

  it("sends a placeholder key to a local server that needs none", async () => {
    const result = await run(() => completion(JSON.stringify(VALID)), { apiKey: null });
    expect(result.writer).toBe("openai");
    expect(chat!.auth).toEqual(["Bearer not-needed"]);
  });

  it("throws E_ABORTED when the caller aborts", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await run(() => completion(JSON.stringify(VALID)), { signal: controller.signal }).catch((caught: unknown) => caught);
    expect((error as ReelpressError).code).toBe("E_ABORTED");
  });

  it("throws E_LLM_AUTH on 403 too", async () => {
    const error = await run(() => apiError(403, "You are not allowed to sample from this model", "model_not_allowed")).catch((caught: unknown) => caught);
    expect((error as ReelpressError).code).toBe("E_LLM_AUTH");
  });

  it("throws E_LLM_MODEL naming the model when the server does not know it", async () => {
    const error = await run(() => apiError(404, "The model `gpt-9-turbo` does not exist or you do not have access to it.", "model_not_found"), { model: "gpt-9-turbo" }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ReelpressError);
    expect((error as ReelpressError).code).toBe("E_LLM_MODEL");
    expect((error as ReelpressError).message).toBe('the LLM server has no model "gpt-9-turbo"');
  });

  it("falls back to the local writer quickly when the server never answers", async () => {
    const started = performance.now();
    const result = await run(() => "hang", { timeoutMs: 300, maxRetries: 0 });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result.writer).toBe("local");
    expect(result.warnings).toEqual(["the LLM server did not answer within 300 ms; used the local writer"]);
  });

  it("steps down to JSON mode when the server rejects json_schema, then to plain text when it rejects that too", async () => {
    const rejectSchema = await run((_n, body) =>
      body.response_format?.type === "json_schema"
        ? apiError(400, "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.", null, "invalid_request_error", "response_format")
        : completion(JSON.stringify(VALID)),
    );
    expect(chat!.bodies.map((b) => b.response_format?.type)).toEqual(["json_schema", "json_object"]);
    expect(rejectSchema.writer).toBe("openai");
    await chat!.server.close();

    chat = await chatServer((_n, body) =>
      body.response_format ? apiError(400, `response_format ${body.response_format.type} is not supported`, null, "invalid_request_error", "response_format") : completion("Sure! " + JSON.stringify(VALID)),
    );
    const plain = await writeScriptWithLlm(article, options(chat.server, { cacheDir: path.join(cacheDir, "second") }));
    expect(chat.bodies.map((b) => b.response_format?.type ?? "text")).toEqual(["json_schema", "json_object", "text"]);
    expect(plain.writer).toBe("openai");
    expect(plain.script.scenes[1]!.narration).toBe("The farm will power 3,500 homes.");
  });

  it("serves an identical request from the cache without any HTTP request, and the cache holds no key", async () => {
    const first = await run(() => completion(JSON.stringify(VALID)));
    expect(chat!.bodies).toHaveLength(1);
    const second = await writeScriptWithLlm(article, options(chat!.server));
    expect(chat!.bodies).toHaveLength(1);
    expect(second.script).toEqual(first.script);
    expect(second.usage).toMatchObject({ cached: true, requests: 0, promptTokens: 0 });
    const files = await readdir(path.join(cacheDir, "llm"));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(await readFile(path.join(cacheDir, "llm", files[0]!), "utf8")).not.toContain(API_KEY);

    await writeScriptWithLlm(article, options(chat!.server, { model: "gpt-4o" }));
    expect(chat!.bodies).toHaveLength(2);
  });

  it("removes a narration sentence with a number the article does not contain and warns", async () => {
    const invented = {
      ...VALID,
      scenes: [VALID.scenes[0], { ...VALID.scenes[1], narration: "The farm will power 3,500 homes. It saves 40% on bills." }, VALID.scenes[2]],
    };
    const result = await run(() => completion(JSON.stringify(invented)));
    expect(result.writer).toBe("openai");
    expect(result.script.scenes[1]!.narration).toBe("The farm will power 3,500 homes.");
    expect(result.warnings).toEqual(["scene s2: removed narration with numbers the article does not contain (40)"]);
  });

  it("uses the local narration for a scene whose every sentence had an invented number, and reports unknown names", async () => {
    const invented = {
      ...VALID,
      scenes: [VALID.scenes[0], { ...VALID.scenes[1], narration: "Governor Smith said it cost 99 million." }, { ...VALID.scenes[2], narration: "Read more from Example News and Reuters." }],
    };
    const result = await run(() => completion(JSON.stringify(invented)));
    expect(result.writer).toBe("openai");
    expect(result.script.scenes[1]!.narration.length).toBeGreaterThan(0);
    expect(article.text).toContain(result.script.scenes[1]!.narration.split(". ")[0]!.replace(/\.$/, ""));
    expect(result.warnings).toEqual([
      "scene s2: removed narration with numbers the article does not contain (99)",
      "scene s2: no faithful narration was left; used the local writer's narration",
      "scene s3: names not found in the article: Reuters",
    ]);
  });
});

describe("writeScriptWithLlm with a long article", () => {
  it("summarises a 20,000-word article part by part, then scripts from the summaries", async () => {
    const blocks: Block[] = [];
    const texts: string[] = [];
    for (let section = 0; section < 20; section += 1) {
      blocks.push({ type: "heading", id: `b${blocks.length}`, level: 2, text: `Chapter ${section + 1}` });
      for (let p = 0; p < 10; p += 1) {
        const text = `Paragraph ${p + 1} of chapter ${section + 1} tells how the solar farm grew. ` + "The panels track the sun across the valley all day long. ".repeat(9);
        blocks.push({ type: "paragraph", id: `b${blocks.length}`, text });
        texts.push(text);
      }
    }
    const long = ArticleSchema.parse({ ...article, blocks, text: texts.join("\n\n"), wordCount: 20_000 });
    expect(texts.join(" ").split(/\s+/).length).toBeGreaterThan(20_000);
    chat = await chatServer((_n, body) =>
      body.response_format ? completion(JSON.stringify({ ...VALID, scenes: VALID.scenes.map((s) => ({ ...s, narration: "The panels track the sun across the valley all day long." })) })) : completion("The farm grew chapter by chapter [b1]."),
    );
    const result = await writeScriptWithLlm(long, options(chat.server));
    const summaries = chat.bodies.filter((b) => !b.response_format);
    const scripts = chat.bodies.filter((b) => b.response_format);
    expect(summaries.length).toBeGreaterThanOrEqual(3);
    expect(scripts).toHaveLength(1);
    expect(chat.bodies.at(-1)!.response_format).toBeDefined();
    expect(summaries[0]!.messages[1]!.content).toContain("[b0] ## Chapter 1");
    expect(scripts[0]!.messages[1]!.content).toContain("Summaries of the article's parts");
    expect(scripts[0]!.messages[1]!.content).not.toContain("[b5] Paragraph");
    for (const body of chat.bodies) expect(JSON.stringify(body.messages).length / 4).toBeLessThan(12_000);
    expect(result.writer).toBe("openai");
    expect(result.usage!.requests).toBe(chat.bodies.length);
    expect(result.usage!.promptTokens).toBe(900 * chat.bodies.length);
    expect(result.usage!.estimatedPromptTokens).toBeGreaterThan(25_000);
  });
});
