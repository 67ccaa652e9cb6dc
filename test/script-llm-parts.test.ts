import { describe, expect, it } from "vitest";
import { ArticleSchema, type Block } from "../src/schema/article.js";
import { buildRepairMessages, buildScriptMessages } from "../src/script/llm/build-script-messages.js";
import { chunkArticle } from "../src/script/llm/chunk-article.js";
import { estimateTokens } from "../src/script/llm/estimate-tokens.js";
import { parseLlmJson } from "../src/script/llm/parse-llm-json.js";
import { planScenes } from "../src/script/llm/plan-scenes.js";
import { renderBlocks } from "../src/script/llm/render-blocks.js";

describe("estimateTokens", () => {
  it("counts four Latin characters per token and one token per CJK character", () => {
    expect(estimateTokens("abcdefgh")).toBe(2);
    expect(estimateTokens("北京下雨")).toBe(4);
    expect(estimateTokens("ab北京")).toBe(3);
  });
});

describe("parseLlmJson", () => {
  it("reads JSON wrapped in a ```json fence", () => {
    expect(parseLlmJson('```json\n{"a": 1}\n```')).toEqual({ ok: true, value: { a: 1 } });
  });

  it("reads the object out of a sentence around it", () => {
    expect(parseLlmJson('Here is the script: {"a": [1, 2]} Enjoy!')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it("reports text that is not JSON", () => {
    const parsed = parseLlmJson('{"a": 1,');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/not valid JSON/);
  });
});

describe("planScenes", () => {
  it("plans about one scene per 8 seconds with a word budget from the speaking rate", () => {
    expect(planScenes(60, 160)).toEqual({ sceneCount: 8, totalWords: 160, wordsPerScene: 22 });
  });

  it("never plans fewer than three scenes", () => {
    expect(planScenes(10, 150).sceneCount).toBe(3);
  });
});

describe("renderBlocks", () => {
  it("tags each block with its id and leaves out code", () => {
    const blocks: Block[] = [
      { type: "heading", id: "b0", level: 2, text: "Intro" },
      { type: "paragraph", id: "b1", text: "Hello." },
      { type: "code", id: "b2", text: "x = 1" },
      { type: "list", id: "b3", ordered: false, items: ["one", "two"] },
    ];
    expect(renderBlocks(blocks)).toBe("[b0] ## Intro\n[b1] Hello.\n[b3] - one - two");
  });
});

describe("chunkArticle", () => {
  it("cuts at section headings so that each chunk fits the token limit", () => {
    const blocks: Block[] = [];
    for (let s = 0; s < 4; s += 1) {
      blocks.push({ type: "heading", id: `b${blocks.length}`, level: 2, text: `Section ${s}` });
      for (let p = 0; p < 3; p += 1) blocks.push({ type: "paragraph", id: `b${blocks.length}`, text: "word ".repeat(100).trim() });
    }
    const chunks = chunkArticle(blocks, 450);
    expect(chunks).toHaveLength(4);
    chunks.forEach((chunk, s) => {
      expect(chunk.startsWith(`[b${s * 4}] ## Section ${s}`)).toBe(true);
      expect(estimateTokens(chunk)).toBeLessThanOrEqual(450);
    });
  });

  it("splits a section that alone is too big between its blocks", () => {
    const blocks: Block[] = [{ type: "heading", id: "b0", level: 2, text: "Only" }];
    for (let p = 1; p <= 6; p += 1) blocks.push({ type: "paragraph", id: `b${p}`, text: "word ".repeat(100).trim() });
    const chunks = chunkArticle(blocks, 300);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) expect(estimateTokens(chunk)).toBeLessThanOrEqual(300);
  });
});

describe("buildScriptMessages", () => {
  const article = ArticleSchema.parse({
    source: "https://example.com/a", url: "https://example.com/a", title: "T", byline: null, siteName: "Example News", lang: "es",
    dir: "ltr", publishedTime: null, excerpt: null, leadImage: null, blocks: [{ type: "paragraph", id: "b0", text: "Hola." }], text: "Hola.", wordCount: 1,
  });
  const messages = buildScriptMessages({ article, source: "[b0] Hola.", summarised: false, plan: planScenes(60, 150), durationSeconds: 60, site: "Example News", countsCharacters: false });

  it("asks for narration in the article's language, English queries, the budget and the closing site", () => {
    const prompt = messages[1]!.content;
    expect(prompt).toContain("in the article's language (es)");
    expect(prompt).toContain("stock-footage search queries in English");
    expect(prompt).toContain("within 150 words");
    expect(prompt).toContain("exactly 8 scenes");
    expect(prompt).toContain("read the full article on Example News");
    expect(prompt).toContain("[b0] Hola.");
  });

  it("puts the validation problem into the repair request", () => {
    const repair = buildRepairMessages(messages, "{}", '"scenes" expected array');
    expect(repair.at(-2)).toEqual({ role: "assistant", content: "{}" });
    expect(repair.at(-1)!.content).toContain('"scenes" expected array');
  });
});
