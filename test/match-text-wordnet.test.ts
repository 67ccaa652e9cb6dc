import { describe, expect, it } from "vitest";
import { createTextIndex, loadTextModel, openWordNet, type IndexDoc } from "../src/match/text/index.js";

const doc = (id: string, description: string, title = ""): IndexDoc => ({ id, title, description, tags: [] });

describe("WordNet", () => {
  it("opens the dictionary and reads a word's senses, synsets and lemmas", () => {
    const wordNet = openWordNet();
    const dog = wordNet.senses("dog");
    // The animal is the first and by far the most tagged sense.
    expect(dog[0]).toMatchObject({ pos: "n", rank: 0 });
    expect(dog[0]!.count).toBeGreaterThan(10);
    expect(wordNet.synset(dog[0]!.pos, dog[0]!.offset).words).toContain("domestic_dog");
    expect(wordNet.has("fire_hydrant", "n")).toBe(true);
    expect(wordNet.has("qwzx")).toBe(false);
  });

  it("expands a word to synonyms, broader and narrower words, weighted below the word itself", () => {
    const expansions = loadTextModel().expander.expand("puppy");
    expect(expansions.get("puppy")).toBe(1);
    expect(expansions.get("dog")).toBeGreaterThan(0.3);
    expect(expansions.get("dog")).toBeLessThan(1);
    const couch = loadTextModel().expander.expand("couch");
    expect(couch.get("sofa")).toBeGreaterThan(0.9);
  });

  it("does not treat siblings under one parent as related", () => {
    const yellow = loadTextModel().expander.expand("yellow");
    expect(yellow.get("green") ?? 0).toBe(0);
    expect(yellow.get("purple") ?? 0).toBe(0);
  });
});

describe("createTextIndex with WordNet", () => {
  const docs = [doc("dog", "a dog lying on the grass"), doc("cat", "a cat asleep on a sofa"), doc("car", "a red car parked in the street")];

  it("finds a doc about a dog for the query 'puppy'", () => {
    const hits = createTextIndex(docs).search("puppy", 3);
    expect(hits[0]?.id).toBe("dog");
    expect(hits.every((hit) => hit.id === "dog")).toBe(true);
  });

  it("finds nothing for 'puppy' without expansion", () => {
    expect(createTextIndex(docs, { expansion: false }).search("puppy", 3)).toEqual([]);
  });

  it("scores a broader-word match below an exact match", () => {
    const index = createTextIndex([doc("exact", "a puppy on the grass"), doc("broader", "a dog on the grass")]);
    const [exact, broader] = index.score("puppy on the grass", ["exact", "broader"]);
    expect(broader!.score).toBeGreaterThan(0);
    expect(exact!.score).toBeGreaterThan(broader!.score);
  });

  it("follows a word's main sense, not its rare ones", () => {
    // "dog" is also a sausage in WordNet, in a sense almost never used.
    const index = createTextIndex([doc("sausage", "a frankfurter in a bun"), doc("pup", "a puppy in a basket")]);
    const [sausage, pup] = index.score("a dog", ["sausage", "pup"]);
    expect(pup!.score).toBeGreaterThan(sausage!.score);
  });

  it("matches a misspelt word WordNet does not know", () => {
    const index = createTextIndex([doc("typo", "people eating in a restaraunt"), doc("other", "people eating on a bench in a park")]);
    expect(index.search("dinner at a restaurant", 2)[0]?.id).toBe("typo");
  });
});
