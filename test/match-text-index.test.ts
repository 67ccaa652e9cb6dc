import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTextIndex, type IndexDoc } from "../src/match/text/index.js";

const repoRoot = path.resolve(import.meta.dirname, "..");
const doc = (id: string, fields: Partial<IndexDoc>): IndexDoc => ({ id, title: "", description: "", tags: [], ...fields });

describe("createTextIndex", () => {
  it("ranks a title match above a description-only match", () => {
    const index = createTextIndex([
      doc("described", { title: "city walk", description: "people walking along the beach at sunset" }),
      doc("titled", { title: "beach at sunset", description: "people walking in the evening" }),
    ]);
    expect(index.search("beach sunset", 2).map((hit) => hit.id)).toEqual(["titled", "described"]);
  });

  it("ranks a tag match above a description-only match", () => {
    const index = createTextIndex([
      doc("described", { description: "a bicycle in front of a shop window" }),
      doc("tagged", { description: "a shop window at night", tags: ["bicycle"] }),
    ]);
    expect(index.search("bicycle", 2)[0]?.id).toBe("tagged");
  });

  it("gives a doc whose text is the query a normalised score near 1", () => {
    const text = "A man riding a brown horse along the beach";
    const index = createTextIndex([doc("same", { description: text }), doc("other", { description: "a horse in a field" })]);
    const [same, other] = index.score(text, ["same", "other"]);
    expect(same!.normalized).toBeGreaterThan(0.99);
    expect(same!.normalized).toBeLessThanOrEqual(1);
    expect(other!.normalized).toBeGreaterThan(0);
    expect(other!.normalized).toBeLessThan(0.5);
  });

  it("keeps normalised scores in 0..1 on a real library", () => {
    const entries = JSON.parse(readFileSync(path.resolve(repoRoot, "../shared/medialib/captions.json"), "utf8")) as Array<{ file: string; captions: string[] }>;
    const index = createTextIndex(entries.map((entry) => doc(entry.file, { title: path.basename(entry.file), description: entry.captions[0]! })));
    const scores = entries.slice(0, 40).flatMap((entry) => index.search(entry.captions[1]!, 239).map((hit) => hit.normalized));
    expect(scores.length).toBeGreaterThan(1000);
    expect(Math.min(...scores)).toBeGreaterThan(0);
    expect(Math.max(...scores)).toBeLessThanOrEqual(1);
    // A caption's own photo usually clears the "plausibly relevant" line of 0.15; most others do not.
    const own = entries.slice(0, 40).map((entry) => index.score(entry.captions[1]!, [entry.file])[0]!.normalized);
    expect(own.filter((value) => value >= 0.15).length).toBeGreaterThan(30);
    expect(scores.filter((value) => value >= 0.15).length / scores.length).toBeLessThan(0.2);
  });

  it("weighs query parts by their weight", () => {
    const index = createTextIndex([doc("cat", { description: "a cat on a wall" }), doc("dog", { description: "a dog on a lawn" })]);
    expect(index.search([{ text: "cat", weight: 1.5 }, { text: "dog", weight: 0.7 }], 2)[0]?.id).toBe("cat");
    expect(index.search([{ text: "cat", weight: 0.7 }, { text: "dog", weight: 1.5 }], 2)[0]?.id).toBe("dog");
  });

  it("scores the ids asked for, in order, with 0 for unknown ids and misses", () => {
    const index = createTextIndex([doc("a", { description: "red apples" }), doc("b", { description: "green pears" })]);
    const hits = index.score("apple", ["b", "missing", "a"]);
    expect(hits.map((hit) => hit.id)).toEqual(["b", "missing", "a"]);
    expect(hits[0]!.score).toBe(0);
    expect(hits[1]!.score).toBe(0);
    expect(hits[2]!.score).toBeGreaterThan(0);
  });

  it("returns at most `limit` hits and none for an empty or stop-word query", () => {
    const index = createTextIndex(["one", "two", "three"].map((id) => doc(id, { description: `a boat on the lake ${id}` })));
    expect(index.search("boat", 2)).toHaveLength(2);
    expect(index.search("", 5)).toEqual([]);
    expect(index.search("the and of", 5)).toEqual([]);
    expect(createTextIndex([]).search("boat", 5)).toEqual([]);
  });

  it("matches Chinese text by character bigrams", () => {
    const index = createTextIndex([doc("park", { description: "小狗在公园里玩耍" }), doc("kitchen", { description: "厨房里的小猫" })]);
    expect(index.search("公园的小狗", 2)[0]?.id).toBe("park");
    expect(index.search("小猫", 2)[0]?.id).toBe("kitchen");
  });

  it("matches non-English words as they are", () => {
    const index = createTextIndex([doc("de", { description: "Ein Hund läuft über die Wiese" }), doc("ru", { description: "Собака бежит по снегу" })]);
    expect(index.search("Hund Wiese", 2)[0]?.id).toBe("de");
    expect(index.search("собака", 2)[0]?.id).toBe("ru");
  });
});
