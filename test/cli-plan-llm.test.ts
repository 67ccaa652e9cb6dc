import type { IncomingMessage, ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoryboardSchema } from "../src/schema/index.js";
import { cli } from "./helpers/run-cli.js";
import { serveDirectory, startServer, type TestServer } from "./helpers/serve.js";
import { removeTempDirs } from "./helpers/temp-dir.js";

const repo = path.resolve(import.meta.dirname, "..");
let server: TestServer;
const requests: { authorization: string | undefined; model: string }[] = [];

const scene = (headline: string, narration: string, queries: string[]) => ({
  headline,
  narration,
  queries,
  visual: `A wide shot for "${headline}".`,
  mood: "upbeat",
  keywords: ["bike lanes", "council", "street"],
  sourceBlockIds: [],
});

/** A chat-completions endpoint as an OpenAI-compatible server (Ollama, vLLM…) answers it. */
async function chat(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body = "";
  for await (const chunk of req) body += chunk;
  const request = JSON.parse(body) as { model: string };
  requests.push({ authorization: req.headers.authorization, model: request.model });
  const content = JSON.stringify({
    title: "Council approves bike lanes",
    scenes: [
      scene("Protected lanes for Alder Street", "The council approved 4.2 miles of protected bike lanes.", ["bike lane", "city street cyclists"]),
      scene("Construction starts in spring", "Work on Alder Street and Canal Road begins in the spring.", ["road construction crew", "traffic cones"]),
      scene("Read it on Riverside Courier", "Read the full story on Riverside Courier.", ["newspaper website", "reading phone"]),
    ],
  });
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: "chatcmpl-test1",
      object: "chat.completion",
      created: 1_764_000_000,
      model: request.model,
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
      usage: { prompt_tokens: 1234, completion_tokens: 210, total_tokens: 1444 },
    }),
  );
}

beforeAll(async () => {
  server = await startServer({ "/v1/chat/completions": chat }, { serveDirectory: path.join(repo, "samples/articles") });
});

afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

describe("reelpress plan with an OpenAI-compatible server", () => {
  it("writes a storyboard whose scenes carry the LLM's narration, headlines and queries", async () => {
    const run = await cli(
      ["plan", server.url("/city-bike-lanes.html"), "--script", "openai", "--llm-base-url", server.url("/v1"), "--llm-model", "llama3.1", "-o", "story.json", "--json", "--duration", "30"],
      undefined,
      {},
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.script).toMatchObject({ writer: "openai", usage: { model: "llama3.1", promptTokens: 1234, completionTokens: 210, cached: false } });
    const board = StoryboardSchema.parse(JSON.parse(await readFile(path.join(run.cwd, "story.json"), "utf8")));
    const narrations = board.scenes.map((s) => s.narration);
    expect(narrations).toContain("The council approved 4.2 miles of protected bike lanes.");
    expect(board.scenes.map((s) => s.headline)).toContain("Construction starts in spring");
    expect(board.scenes.flatMap((s) => s.queries)).toContain("road construction crew");
    expect(board.scenes.some((s) => s.mood === "upbeat" && s.visual?.startsWith("A wide shot"))).toBe(true);
    expect(requests.at(-1)).toEqual({ authorization: "Bearer not-needed", model: "llama3.1" });
  });

  it("uses OPENAI_API_KEY and OPENAI_BASE_URL from the environment and never prints the key", async () => {
    const key = "sk-test-0123456789abcdef";
    const run = await cli(["plan", server.url("/city-bike-lanes.html"), "-o", "story.json", "--json"], undefined, {
      OPENAI_API_KEY: key,
      OPENAI_BASE_URL: server.url("/v1"),
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).script.writer).toBe("openai");
    expect(requests.at(-1)!.authorization).toBe(`Bearer ${key}`);
    expect(run.stdout + run.stderr).not.toContain(key);
    expect(await readFile(path.join(run.cwd, "story.json"), "utf8")).not.toContain(key);
  });
});
