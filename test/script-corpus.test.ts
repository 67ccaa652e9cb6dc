import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../src/ingest/index.js";
import { ScriptSchema, type Article, type Script } from "../src/schema/index.js";
import { DEFAULT_SCRIPT_OPTIONS, splitSentences, writeScript } from "../src/script/index.js";
import { readingWords } from "../src/text/text-units.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.resolve(repoRoot, "../shared/corpus");
const pages = (JSON.parse(readFileSync(path.join(corpus, "index.json"), "utf8")) as { name: string }[]).map((page) => page.name);

/** Reading a page with jsdom and Readability takes up to a few seconds on a slow machine. */
const PAGE_TIMEOUT_MS = 60_000;

function normalize(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** Problems with one script, as readable strings, so a failure names the page, the scene and the sentence. */
function problems(article: Article, script: Script, durationSeconds: number): string[] {
  const found: string[] = [];
  const text = normalize(article.text);
  const blockIds = new Set(article.blocks.map((block) => block.id));
  const budget = (durationSeconds * DEFAULT_SCRIPT_OPTIONS.wordsPerMinute) / 60;
  const kinds = script.scenes.map((scene) => scene.kind);
  if (kinds[0] !== "title" || kinds.at(-1) !== "closing" || !kinds.includes("content")) found.push(`scene kinds ${kinds.join(",")}`);

  let total = 0;
  let longest = 0;
  for (const scene of script.scenes) {
    if (!scene.narration.trim() || !scene.headline.trim()) found.push(`${scene.id} is empty`);
    total += readingWords(scene.narration);
    const sentences = splitSentences(scene.narration, article.lang);
    for (const sentence of sentences) longest = Math.max(longest, readingWords(sentence));
    for (const id of scene.sourceBlockIds) if (!blockIds.has(id)) found.push(`${scene.id} points at missing block ${id}`);
    if (scene.kind !== "content") continue;
    if (sentences.length < 1 || sentences.length > 3) found.push(`${scene.id} has ${sentences.length} sentences`);
    for (const sentence of sentences) {
      // A fragment without a full stop is read with one added.
      if (!text.includes(sentence) && !text.includes(sentence.replace(/[.。]$/u, ""))) found.push(`${scene.id} sentence not in article: ${sentence}`);
    }
  }
  if (total > budget + longest) found.push(`narration ${total.toFixed(1)} words over budget ${budget} + ${longest.toFixed(1)}`);
  return found;
}

describe("writeScript over the corpus", () => {
  it("finds the corpus", () => {
    expect(pages.length).toBeGreaterThanOrEqual(30);
  });

  it.each(pages)("writes a valid script within budget for %s", async (name) => {
    const article = await extractArticle(path.join(corpus, name, "source.html"));
    for (const durationSeconds of [60, 30]) {
      const script = writeScript(article, { durationSeconds });
      expect(() => ScriptSchema.parse(script)).not.toThrow();
      expect(problems(article, script, durationSeconds), `${name} at ${durationSeconds} s`).toEqual([]);
    }
  }, PAGE_TIMEOUT_MS);
});
