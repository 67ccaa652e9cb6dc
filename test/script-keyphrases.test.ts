import { describe, expect, it } from "vitest";
import { ArticleSchema, type Article } from "../src/schema/index.js";
import { writeScript } from "../src/script/index.js";
import { extractTerms } from "../src/script/extract-terms.js";
import { isAbstractNoun, isAbstractPhrase } from "../src/script/is-abstract-noun.js";
import { isStopword } from "../src/script/is-stopword.js";
import { nounChunks, type NounChunk } from "../src/script/noun-chunks.js";
import { articleKeyphrases, pickKeyphrases } from "../src/script/pick-keyphrases.js";
import { buildKeywordIndex } from "../src/script/pick-keywords.js";
import { pickQueries } from "../src/script/pick-queries.js";

const councilParagraph =
  "The city council approved 4.2 miles of protected bike lanes on Alder Street. Council members said the approval was the result of a long process. The bike lanes will connect the harbour with the central station.";
const otherSentences = ["Mayor Ana Ruiz thanked the council.", "Shop owners on Alder Street worry about parking.", "The budget vote comes in autumn."];

function indexFor(sentences: readonly string[], title: string) {
  return buildKeywordIndex(
    sentences.map((sentence) => extractTerms(sentence, "en")),
    extractTerms(title, "en"),
    "en",
  );
}

const councilIndex = indexFor([...councilParagraph.split(/(?<=\.) /u), ...otherSentences], "Riverside approves bike lanes");

function chunk(text: string, position: number, fields: Partial<NounChunk> = {}): NounChunk {
  return { text, core: text, entity: false, position, ...fields };
}

describe("nounChunks", () => {
  it("finds the noun phrases and names of a paragraph, lowercased and in order", () => {
    expect(nounChunks(councilParagraph).map((found) => found.text)).toEqual([
      "city council",
      "miles",
      "bike lanes",
      "alder street",
      "council members",
      "approval",
      "result",
      "long process",
      "bike lanes",
      "harbour",
      "central station",
    ]);
  });

  it("drops the adjective of a run of several nouns but keeps it on a single noun", () => {
    const found = nounChunks("Crews built protected bike lanes next to local shops.");
    expect(found.find((item) => item.core === "bike lanes")?.text).toBe("bike lanes");
    expect(found.find((item) => item.core === "shops")?.text).toBe("local shops");
  });

  it("marks people, places and organisations and keeps them apart from titles around them", () => {
    const found = nounChunks("Mayor Ana Ruiz met Google engineers on Alder Street.");
    expect(found.map((item) => [item.text, item.entity])).toEqual(
      expect.arrayContaining([
        ["mayor", false],
        ["ana ruiz", true],
        ["google", true],
        ["alder street", true],
      ]),
    );
  });

  it("cuts a chunk at a possessive and keeps hyphenated words whole", () => {
    const texts = nounChunks("The city's council met. Players joined real-time game servers.").map((item) => item.text);
    expect(texts).toEqual(["city", "council", "players", "real-time game servers"]);
  });

  it("drops a hyphenated compound that holds a number or a stopword", () => {
    const texts = nounChunks("The 18-year-old flaw came with proof-of-concept code.").map((item) => item.text);
    expect(texts.some((text) => text.includes("year") || text.includes("proof"))).toBe(false);
    expect(texts).toContain("flaw");
  });

  it("never returns a chunk longer than three words or one with a stopword", () => {
    const found = nounChunks("The European Union data protection regulation enforcement office opened in the old harbour district.");
    for (const item of found) {
      expect(item.text.split(" ").length).toBeLessThanOrEqual(3);
      expect(item.text.split(" ").some((word) => isStopword(word, "en")), item.text).toBe(false);
    }
  });
});

describe("pickKeyphrases", () => {
  const keywords = pickKeyphrases(nounChunks(councilParagraph), extractTerms(councilParagraph, "en"), councilIndex);

  it("ranks the paragraph's concrete noun phrases and names as its keyphrases", () => {
    expect(keywords).toEqual(["bike lanes", "alder street", "central station", "city council", "miles"]);
  });

  it("gives 3–6 lowercase keyphrases that share no word and hold no stopword", () => {
    expect(keywords.length).toBeGreaterThanOrEqual(3);
    expect(keywords.length).toBeLessThanOrEqual(6);
    const words = keywords.flatMap((keyword) => keyword.split(" "));
    expect(new Set(words).size).toBe(words.length);
    for (const word of words) {
      expect(word).toBe(word.toLowerCase());
      expect(isStopword(word, "en")).toBe(false);
    }
  });

  it("pads a scene with too few noun chunks from its word-based keywords", () => {
    const text = "Crews worked quickly.";
    const padded = pickKeyphrases(nounChunks(text), extractTerms(text, "en"), councilIndex);
    expect(padded[0]).toBe("crews");
    expect(padded.length).toBeGreaterThanOrEqual(3);
  });

  it("ranks an article's keyphrases by how often they occur", () => {
    const chunks = [chunk("harbour", 0), chunk("bike lanes", 1), chunk("bike lanes", 2), chunk("alder street", 3, { entity: true })];
    expect(articleKeyphrases(chunks, councilIndex)).toEqual(["bike lanes", "alder street", "harbour"]);
  });
});

describe("pickQueries", () => {
  it("searches for the scene's concrete noun phrases, not for abstract nouns", () => {
    const chunks = nounChunks(councilParagraph);
    expect(pickQueries(chunks, ["bike lanes", "alder street", "city council"])).toEqual(["bike lanes", "city council", "central station"]);
  });

  it("searches for the nouns of a phrase without its adjective when there are several", () => {
    const chunks = [chunk("bike lanes", 0, { core: "bike lanes" }), chunk("local shops", 1, { core: "shops" })];
    expect(pickQueries(chunks, [])).toEqual(["bike lanes", "local shops"]);
  });

  it("puts named things after common nouns", () => {
    const chunks = [chunk("ana ruiz", 0, { entity: true }), chunk("harbour", 1), chunk("ferry", 2)];
    expect(pickQueries(chunks, [])).toEqual(["harbour", "ferry", "ana ruiz"]);
  });

  it("never picks two queries that share a word", () => {
    const chunks = [chunk("bike lanes", 0), chunk("bike parking", 1), chunk("bus lanes", 2), chunk("ferry", 3)];
    expect(pickQueries(chunks, [])).toEqual(["bike lanes", "ferry"]);
  });

  it("pads from the scene's keywords, concrete ones first, when the chunks are all abstract", () => {
    const chunks = nounChunks("Our new strategy shows the importance of innovation.");
    expect(pickQueries(chunks, ["strategy", "laboratory", "engineers"])).toEqual(["laboratory", "engineers"]);
    expect(pickQueries(chunks, ["strategy", "importance"])).toEqual(["strategy", "importance"]);
  });
});

describe("isAbstractNoun", () => {
  it("tells ideas from things", () => {
    for (const word of ["strategy", "approval", "ideas", "frustration", "awareness", "visibility"]) expect(isAbstractNoun(word), word).toBe(true);
    for (const word of ["bike", "station", "university", "apartment", "harbour", "council"]) expect(isAbstractNoun(word), word).toBe(false);
  });

  it("judges a phrase by its head noun", () => {
    expect(isAbstractPhrase("peace process")).toBe(true);
    expect(isAbstractPhrase("process engineers")).toBe(false);
  });
});

function article(lang: string, title: string, paragraphs: string[]): Article {
  const blocks = paragraphs.map((text, i) => ({ type: "paragraph" as const, text, id: `b${i}` }));
  const text = paragraphs.join("\n\n");
  return ArticleSchema.parse({
    source: "file:///tmp/article.html",
    url: null,
    title,
    byline: null,
    siteName: "Riverside Courier",
    lang,
    dir: null,
    publishedTime: null,
    excerpt: null,
    leadImage: null,
    blocks,
    text,
    wordCount: text.split(/\s+/u).length,
  });
}

describe("writeScript keyphrases and queries", () => {
  it("gives every scene of an English article 2–3 concrete queries of 1–3 words", () => {
    const script = writeScript(article("en", "Riverside approves bike lanes on Alder Street", [councilParagraph, ...otherSentences]));
    for (const scene of script.scenes) {
      expect(scene.queries.length, scene.id).toBeGreaterThanOrEqual(2);
      expect(scene.queries.length, scene.id).toBeLessThanOrEqual(3);
      for (const query of scene.queries) {
        expect(query.split(" ").length).toBeLessThanOrEqual(3);
        expect(isAbstractPhrase(query), query).toBe(false);
      }
    }
    expect(script.scenes.flatMap((scene) => scene.keywords)).toContain("bike lanes");
    expect(script.scenes.flatMap((scene) => scene.queries)).toContain("bike lanes");
  });

  it("leaves queries empty and keeps word-based keywords for other languages", () => {
    const script = writeScript(
      article("es", "Carriles bici en la calle Alder", ["El ayuntamiento aprobó siete kilómetros de carriles bici protegidos en la calle Alder. Los ciclistas celebraron la decisión del ayuntamiento."]),
    );
    for (const scene of script.scenes) expect(scene.queries).toEqual([]);
    expect(script.scenes.flatMap((scene) => scene.keywords)).toContain("ayuntamiento");
  });
});
