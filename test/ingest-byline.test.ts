import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bylineNames } from "../src/ingest/byline-names.js";
import type { DraftBlock } from "../src/ingest/draft-block.js";
import { finishArticle, type ArticleDraft } from "../src/ingest/finish-article.js";
import { extractArticle } from "../src/ingest/index.js";
import { isBylineBlock } from "../src/ingest/is-byline-block.js";
import { stripDateTimes } from "../src/ingest/strip-date-times.js";
import { startServer, type TestServer } from "./helpers/serve.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const samplesDir = path.join(repoRoot, "samples/articles");

const LONG =
  "The council voted on Tuesday night to build protected bike lanes along two of the busiest streets in the city, the largest change to the street layout in twenty years.";

function draft(blocks: DraftBlock[], byline: string | null): ArticleDraft {
  return {
    source: "https://news.example/story",
    url: "https://news.example/story",
    titles: ["Council approves bike lanes"],
    byline,
    siteName: null,
    lang: "en",
    dir: null,
    publishedTime: null,
    excerpt: null,
    leadImage: null,
    blocks,
  };
}

const paragraph = (text: string): DraftBlock => ({ type: "paragraph", text });

describe("isBylineBlock", () => {
  it.each<[string, string | null]>([
    ["By Maya Castellanos, City Hall reporter · February 19, 2025.", "Maya Castellanos"],
    ["By Maya Castellanos, City Hall reporter · February 19, 2025.", null],
    ["Words and pictures by Elin Marsh · 12 March 2025", "Elin Marsh"],
    ["By Tomasz Reed · January 26, 2025 · 9 min read", null],
    ["Maya Castellanos, City Hall reporter", "Maya Castellanos"],
    ["Written by Rob Ewaschuk, edited by Betsy Beyer", "Written by Rob Ewaschuk Edited by Betsy Beyer"],
    ["Posted by kovarex, TOGos, Ernestas, Albert on 2019-02-15, all posts", null],
    ["By Joshua Sokol", null],
    ["Published March 3, 2024", null],
    ["Updated 10:42 AM", null],
    ["Last updated: Tuesday, March 3, 2024 at 10:42 a.m. ET", null],
    ["2024-03-03", null],
    ["3 hours ago", null],
  ])("drops %j (byline %j)", (text, byline) => {
    expect(isBylineBlock(text, byline)).toBe(true);
  });

  it.each<[string, string | null]>([
    ["Maya Castellanos, who covers City Hall, asked the mayor about the lanes on Tuesday.", "Maya Castellanos"],
    ["Maya Castellanos is a City Hall reporter for the Riverside Courier.", "Maya Castellanos"],
    ["By March 2025, the council will have finished the lanes.", null],
    ["By Tuesday, the council had voted.", null],
    ["By the end of the week the starter will have doubled.", "Tomasz Reed"],
    ["The town was hit by Storm Ciarán on Tuesday.", null],
    ["Hit by Storm Ciarán.", null],
    ["The meeting ran until 10:42 PM.", null],
    ["Mac users rejoice.", "Mac & i"],
    ["Feb. 23, 2015 -- Life-threatening peanut allergies have been on the rise for a decade.", null],
    [`By Maya Castellanos · February 19, 2025. ${LONG}`, "Maya Castellanos"],
  ])("keeps %j (byline %j)", (text, byline) => {
    expect(isBylineBlock(text, byline)).toBe(false);
  });
});

describe("bylineNames", () => {
  it("splits a byline into the names it credits", () => {
    expect(bylineNames("Written by Rob Ewaschuk Edited by Betsy Beyer")).toEqual(["Rob Ewaschuk", "Betsy Beyer"]);
    expect(bylineNames("Martin Untersinger (avec Damien Leloup et Morgane Tual)")).toEqual(["Martin Untersinger", "Damien Leloup", "Morgane Tual"]);
    expect(bylineNames("By Nathan Willis March 25, 2015")).toEqual(["Nathan Willis"]);
    expect(bylineNames("José Ruiz y Ana Pérez")).toEqual(["José Ruiz", "Ana Pérez"]);
    expect(bylineNames("Mac & i")).toEqual(["Mac"]);
    expect(bylineNames(null)).toEqual([]);
  });
});

describe("stripDateTimes", () => {
  it("removes dates and times and counts them", () => {
    expect(stripDateTimes("Published March 3, 2024 at 10:42 a.m. ET")).toEqual({ text: "Published   at  ", found: 2 });
    expect(stripDateTimes("Posted on 2019-02-15T08:00:00Z, all posts")).toEqual({ text: "Posted on  , all posts", found: 1 });
    expect(stripDateTimes("12 March 2025 · 03/12/2025")).toEqual({ text: "  ·  ", found: 2 });
  });

  it("leaves words that only look like month names alone", () => {
    expect(stripDateTimes("May we all march on")).toEqual({ text: "May we all march on", found: 0 });
  });
});

describe("finishArticle and bylines", () => {
  it("drops a leading byline paragraph but keeps the article's metadata", () => {
    const article = finishArticle(
      draft([paragraph("By Maya Castellanos, City Hall reporter · February 19, 2025."), paragraph(LONG)], "Maya Castellanos"),
    );
    expect(article.blocks).toEqual([{ type: "paragraph", id: "b0", text: LONG }]);
    expect(article.byline).toBe("Maya Castellanos");
    expect(article.excerpt).toBe(LONG);
  });

  it("looks only at the first four text blocks, whatever images come between", () => {
    const image: DraftBlock = { type: "image", src: "https://news.example/a.jpg", alt: "", caption: null };
    const blocks = [image, paragraph(LONG), image, paragraph(LONG), paragraph(LONG), paragraph("Updated 10:42 AM"), paragraph("Updated 11:00 AM")];
    const texts = finishArticle(draft(blocks, null)).blocks.flatMap((block) => (block.type === "paragraph" ? [block.text] : []));
    expect(texts).toEqual([LONG, LONG, LONG, "Updated 11:00 AM"]);
  });

  it("keeps a sentence that mentions the author", () => {
    const mention = "Maya Castellanos asked the mayor about the lanes after the vote.";
    const article = finishArticle(draft([paragraph(mention), paragraph(LONG)], "Maya Castellanos"));
    expect(article.blocks.map((block) => (block.type === "paragraph" ? block.text : ""))).toEqual([mention, LONG]);
  });
});

describe("the sample articles", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({}, { serveDirectory: samplesDir });
  });

  afterAll(async () => {
    await server.close();
  });

  it("reads city-bike-lanes.html over HTTP without its byline line", async () => {
    const article = await extractArticle(server.url("/city-bike-lanes.html"));
    expect(article.text).not.toContain("Maya Castellanos");
    expect(article.text).not.toContain("February 19, 2025");
    const firstText = article.blocks.find((block) => block.type === "paragraph");
    expect(firstText).toMatchObject({ text: expect.stringMatching(/^HARLOW BAY — The Harlow Bay City Council voted 7–2/) });
    expect(article.byline).toBe("Maya Castellanos");
    expect(article.publishedTime).toBe("2025-02-19T08:15:00-05:00");
  });

  it.each([
    ["northern-lights-photo-diary.html", "Words and pictures by Elin Marsh"],
    ["sourdough-starter-guide.html", "By Tomasz Reed"],
  ])("reads %s without its byline line", async (name, byline) => {
    const article = await extractArticle(path.join(samplesDir, name));
    expect(article.text).not.toContain(byline);
    expect(article.blocks[0]?.type).toBe("paragraph");
  });
});
