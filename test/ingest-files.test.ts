import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ReelpressError } from "../src/errors.js";
import { extractArticle } from "../src/ingest/index.js";

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "fixtures/ingest-local");
const fixture = (name: string) => path.join(fixtures, name);
const fileUrl = (name: string) => pathToFileURL(fixture(name)).href;

async function failure(input: string): Promise<ReelpressError> {
  try {
    await extractArticle(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ReelpressError);
    return error as ReelpressError;
  }
  throw new Error(`expected ${input} to fail`);
}

describe("Markdown files", () => {
  it("honours front matter for title, author, date, language, site, image and excerpt", async () => {
    const article = await extractArticle(fixture("article.md"));
    expect(article).toMatchObject({
      source: fileUrl("article.md"),
      url: null,
      title: "Bread, Salt and Time: Notes from a Village Bakery",
      byline: "Marta Kowalska",
      publishedTime: "2024-03-18",
      lang: "en-GB",
      siteName: "Slow Food Notes",
      leadImage: { src: fileUrl("images/loaf.jpg"), alt: "" },
      excerpt: "How a village bakery still bakes the way it did a century ago.",
    });
  });

  it("turns headings, paragraphs, images, lists, quotes, code and tables into ordered blocks", async () => {
    const article = await extractArticle(fixture("article.md"));
    expect(article.blocks.map((block) => block.type)).toEqual([
      "paragraph",
      "heading",
      "paragraph",
      "image",
      "paragraph",
      "image",
      "heading",
      "list",
      "quote",
      "code",
      "paragraph",
      "paragraph",
    ]);
    expect(article.blocks.map((block) => block.id)).toEqual(article.blocks.map((_, index) => `b${index}`));
    expect(article.blocks[0]).toMatchObject({
      type: "paragraph",
      text: "The bakery opens at four in the morning, when the village is still dark and the only light on the main street comes from the window where the first loaves cool on wooden racks.",
    });
    expect(article.blocks[1]).toEqual({ type: "heading", id: "b1", level: 2, text: "The starter" });
    expect(article.blocks[7]).toEqual({
      type: "list",
      id: "b7",
      ordered: true,
      items: ["Flour from the mill down the valley", "Water from the village well", "Salt, and nothing else not even yeast"],
    });
    expect(article.blocks[8]).toEqual({ type: "quote", id: "b8", text: "Bread is the one thing we sell that we would also give away.", cite: null });
    expect(article.blocks[9]).toEqual({ type: "code", id: "b9", text: "bake --temperature 250 --minutes 45" });
    expect(article.blocks[11]).toMatchObject({ type: "paragraph", text: "Rye | 1 kg" });
  });

  it("takes an image caption from its title or from the emphasised line under it, with file: URLs", async () => {
    const article = await extractArticle(fixture("article.md"));
    const images = article.blocks.filter((block) => block.type === "image");
    expect(images).toEqual([
      { type: "image", id: "b3", src: fileUrl("images/loaf.jpg"), alt: "A round loaf with a dark crust", caption: "The morning's first loaf" },
      {
        type: "image",
        id: "b5",
        src: fileUrl("images/flour.jpg"),
        alt: "Flour on the wooden table",
        caption: "Rye and wheat flour, milled ten kilometres away.",
      },
    ]);
  });

  it("drops the h1 that repeats the front-matter title and counts words", async () => {
    const article = await extractArticle(fixture("article.md"));
    expect(article.blocks.some((block) => block.type === "heading" && block.level === 1)).toBe(false);
    expect(article.text.startsWith("The bakery opens at four")).toBe(true);
    expect(article.wordCount).toBe(article.text.match(/[\p{L}\p{N}]+/gu)!.length);
  });

  it("uses the first h1 as title and detects the language when there is no front matter", async () => {
    const article = await extractArticle(fixture("notes.md"));
    expect(article.title).toBe("Die Brücke über den Fluss");
    expect(article.lang).toBe("de");
    expect(article.blocks).toHaveLength(2);
  });
});

describe("text files", () => {
  it("uses the first line as title and blank lines as paragraph breaks", async () => {
    const article = await extractArticle(fixture("plain.txt"));
    expect(article.title).toBe("La huerta de mi abuela");
    expect(article.lang).toBe("es");
    expect(article.blocks).toHaveLength(2);
    expect(article.blocks[0]).toMatchObject({
      type: "paragraph",
      text: "Mi abuela tenía una huerta detrás de la casa, donde cultivaba tomates, pimientos y calabazas. Cada verano pasábamos las tardes con ella, regando las plantas y recogiendo la cosecha.",
    });
    expect(article.text).toBe(article.blocks.map((block) => (block.type === "paragraph" ? block.text : "")).join("\n\n"));
  });

  it("refuses a file with too little text as E_NOT_READABLE", async () => {
    const error = await failure(fixture("short.txt"));
    expect(error.code).toBe("E_NOT_READABLE");
    expect(error.hint).toContain("pass a Markdown or text file instead");
  });
});

describe("HTML files", () => {
  it("resolves relative images to absolute file: URLs and protocol-relative ones to https", async () => {
    const article = await extractArticle(fixture("page.html"));
    expect(article.source).toBe(fileUrl("page.html"));
    expect(article.title).toBe("Le marché du samedi");
    expect(article.lang).toBe("fr");
    expect(article.leadImage).toEqual({ src: fileUrl("images/market.jpg"), alt: "" });
    expect(article.blocks.filter((block) => block.type === "image")).toEqual([
      { type: "image", id: "b1", src: fileUrl("images/market.jpg"), alt: "Les étals du marché", caption: "Les étals du marché, à sept heures du matin." },
      { type: "image", id: "b3", src: "https://cdn.example.org/photos/cheese.jpg", alt: "Fromages", caption: null },
    ]);
  });

  it("decodes a windows-1252 file by its <meta charset>", async () => {
    const article = await extractArticle(fixture("legacy.html"));
    expect(article.title).toBe("Café – a legacy page");
    expect(article.text).toContain("“curly quotes”, an en dash –, a euro sign € and naïve café owners");
  });
});

describe("file errors", () => {
  it("refuses an unsupported extension as E_UNSUPPORTED_FILE", async () => {
    const error = await failure(fixture("notes.rtf"));
    expect(error.code).toBe("E_UNSUPPORTED_FILE");
    expect(error.message).toBe(`Cannot read ${fixture("notes.rtf")}: ".rtf" files are not supported`);
    expect(error.hint).toMatch(/\.html.*\.md.*\.txt/);
  });

  it("refuses a directory as E_UNSUPPORTED_FILE", async () => {
    const error = await failure(fixtures);
    expect(error.code).toBe("E_UNSUPPORTED_FILE");
    expect(error.message).toBe(`Cannot read ${fixtures}: it is not a regular file`);
  });

  it("refuses an empty input as E_INVALID_INPUT", async () => {
    expect((await failure("  ")).code).toBe("E_INVALID_INPUT");
  });

  it("reports a missing file as E_FILE_NOT_FOUND with a hint about URLs", async () => {
    const missing = fixture("no-such-article.md");
    const error = await failure(missing);
    expect(error.code).toBe("E_FILE_NOT_FOUND");
    expect(error.message).toBe(`File not found: ${missing}`);
    expect(error.hint).toContain("http://");
  });

  it("treats a bare host name without a scheme as a path, not a URL", async () => {
    const error = await failure("example.com/blog/post");
    expect(error.code).toBe("E_FILE_NOT_FOUND");
  });

  it("refuses a file larger than maxBytes", async () => {
    await expect(extractArticle(fixture("article.md"), { maxBytes: 100 })).rejects.toMatchObject({ code: "E_TOO_LARGE" });
  });
});
