import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractArticle } from "../src/ingest/index.js";
import type { Article } from "../src/schema/article.js";
import { htmlText, tokenF1 } from "./helpers/ingest-token-f1.js";
import { startServer, type Routes, type TestServer } from "./helpers/serve.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = path.resolve(repoRoot, "../shared/corpus");

interface CorpusEntry {
  name: string;
  lang: string;
  title: string;
}

interface ExpectedMetadata {
  title: string;
  byline: string | null;
  readerable: boolean;
}

interface PageResult {
  article: Article | null;
  error: unknown;
  ms: number;
  cpuMs: number;
  ourF1: number;
  readabilityF1: number;
}

const pages: CorpusEntry[] = JSON.parse(readFileSync(path.join(corpusDir, "index.json"), "utf8"));
const metadata = (name: string): ExpectedMetadata =>
  JSON.parse(readFileSync(path.join(corpusDir, name, "expected-metadata.json"), "utf8"));

/**
 * The requirement is every page well under 5 s on an idle machine (jsdom parsing dominates;
 * the slowest page, cnn, takes about 0.5–1 s). The test checks the CPU time this process spent,
 * which other work on the machine (parallel test files, renders) does not inflate, and allows
 * the wall clock three times as much so a loaded CI box does not fail it.
 */
const MAX_CPU_MS_PER_PAGE = 5000;
const MAX_WALL_MS_PER_PAGE = 15_000;
/** Mean token F1 against Readability's expected output over the whole corpus. */
const MIN_MEAN_F1 = 0.9;
/**
 * How far below plain Readability a page may score. Our text comes from Readability's own
 * content, so it only loses what we drop on purpose: "Advertisement"/"Continue reading"
 * lines, wiki "[edit]" links, tables of contents. That costs at most 0.005 on every page but
 * wikipedia, whose long table of contents costs 0.019.
 */
const F1_SLACK = 0.005;
const F1_SLACK_FOR: Record<string, number> = { wikipedia: 0.025 };

const results = new Map<string, PageResult>();
let server: TestServer;

const normalize = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();
const primary = (tag: string) => tag.toLowerCase().split("-")[0];

beforeAll(async () => {
  const routes: Routes = {};
  for (const page of pages) {
    // Raw bytes and no charset: decoding has to work from the bytes and the page's own claims.
    routes[`/${page.name}/page.html`] = {
      headers: { "content-type": "text/html" },
      body: readFileSync(path.join(corpusDir, page.name, "source.html")),
    };
  }
  server = await startServer(routes);

  for (const page of pages) {
    const url = server.url(`/${page.name}/page.html`);
    const expectedText = htmlText(readFileSync(path.join(corpusDir, page.name, "expected.html"), "utf8"));
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let article: Article | null = null;
    let error: unknown = null;
    try {
      article = await extractArticle(url);
    } catch (caught) {
      error = caught;
    }
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    results.set(page.name, {
      article,
      error,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      ourF1: article ? tokenF1(article.text, expectedText) : 0,
      readabilityF1: tokenF1(plainReadabilityText(page.name, url), expectedText),
    });
  }
}, 600_000);

afterAll(async () => {
  await server?.close();
});

/** What Readability alone extracts, read the way its own tests read the file (UTF-8, trimmed). */
function plainReadabilityText(name: string, url: string): string {
  const html = readFileSync(path.join(corpusDir, name, "source.html"), "utf8").replace(/^\uFEFF/, "").trim();
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  const text = new Readability(dom.window.document, { classesToPreserve: ["caption"] }).parse()?.textContent ?? "";
  dom.window.close();
  return text;
}

function resultFor(name: string): PageResult & { article: Article } {
  const result = results.get(name);
  if (!result) throw new Error(`no result for ${name}`);
  if (result.error) throw result.error;
  expect(result.article).not.toBeNull();
  return result as PageResult & { article: Article };
}

describe.each(pages)("corpus page $name", (page) => {
  const expected = metadata(page.name);

  it(`extracts an article over HTTP in under ${MAX_CPU_MS_PER_PAGE} ms of CPU time`, () => {
    const result = resultFor(page.name);
    expect(result.article.blocks.length).toBeGreaterThan(0);
    expect(result.cpuMs).toBeLessThan(MAX_CPU_MS_PER_PAGE);
    expect(result.ms).toBeLessThan(MAX_WALL_MS_PER_PAGE);
  });

  it("has the expected title and byline", () => {
    const { article } = resultFor(page.name);
    expect(normalize(article.title)).toBe(normalize(expected.title));
    if (expected.byline !== null) expect(normalize(article.byline)).toBe(normalize(expected.byline));
  });

  it(`is in language ${page.lang}`, () => {
    const { article } = resultFor(page.name);
    expect(primary(article.lang)).toBe(primary(page.lang));
    if (primary(page.lang) === "zh") expect(article.lang).toBe(page.lang);
  });

  it("keeps as much of the article text as Readability does", () => {
    const result = resultFor(page.name);
    const slack = F1_SLACK_FOR[page.name] ?? F1_SLACK;
    expect(result.ourF1).toBeGreaterThanOrEqual(result.readabilityF1 - slack);
  });
});

describe("the corpus as a whole", () => {
  it(`reaches a mean token F1 of at least ${MIN_MEAN_F1}`, () => {
    const scores = pages.map((page) => results.get(page.name)?.ourF1 ?? 0);
    const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
    expect(mean).toBeGreaterThanOrEqual(MIN_MEAN_F1);
  });

  it("extracts the page Readability calls not readerable (mathjax) rather than refusing it", () => {
    expect(metadata("mathjax").readerable).toBe(false);
    const { article } = resultFor("mathjax");
    expect(article.text).toContain("MathJax");
    expect(article.wordCount).toBeGreaterThanOrEqual(25);
  });

  it("decodes the mislabelled (qq: UTF-8 declared gb2312) and BOM-prefixed (la-nacion) pages", () => {
    expect(resultFor("qq").article.text).toContain("人工智能");
    expect(resultFor("la-nacion").article.title).toBe("Una solución no violenta para la cuestión mapuche");
  });

  it("gives every image block an absolute http(s) address", () => {
    for (const page of pages) {
      const { article } = resultFor(page.name);
      for (const block of article.blocks) {
        if (block.type === "image") expect(block.src, `${page.name}`).toMatch(/^https?:\/\/[^/]/);
      }
    }
  });
});
