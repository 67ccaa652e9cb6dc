import { describe, expect, it } from "vitest";
import { analyzeText } from "../src/match/text/index.js";

describe("analyzeText", () => {
  it("reduces plurals to their singular", () => {
    expect(analyzeText("dogs children buses boxes berries knives women")).toEqual(["dog", "child", "bus", "box", "berry", "knife", "woman"]);
  });

  it("reduces verb forms to the base verb, including the ones wink-lemmatizer gets wrong", () => {
    expect(analyzeText("running")).toEqual(["run"]);
    expect(analyzeText("rode")).toEqual(["ride"]);
    // wink-lemmatizer alone says "rid"; the more frequent reading in WordNet wins.
    expect(analyzeText("riding")).toEqual(["ride"]);
    expect(analyzeText("sitting sits sat")).toEqual(["sit", "sit", "sit"]);
  });

  it("does not strip an '-es' that is not a suffix", () => {
    expect(analyzeText("planes")).toEqual(["plane"]);
    expect(analyzeText("washes")).toEqual(["wash"]);
  });

  it("puts every form of a gerund noun on one term", () => {
    const [building] = analyzeText("building");
    expect(analyzeText("buildings builds built")).toEqual([building, building, building]);
  });

  it("drops stop words", () => {
    expect(analyzeText("There is a dog on the table and it is not yours")).toEqual(["dog", "table"]);
  });

  it("adds a WordNet compound besides its words", () => {
    expect(analyzeText("two hot dogs")).toEqual(["two", "hot", "dog", "hot_dog"]);
    expect(analyzeText("a T-shirt")).toEqual(["t-shirt"]);
  });

  it("passes non-English words through lower-cased instead of failing", () => {
    expect(analyzeText("Собака бежит по снегу")).toEqual(["собака", "бежит", "по", "снегу"]);
    expect(analyzeText("قطة على السطح")).toEqual(["قطة", "على", "السطح"]);
    expect(analyzeText("")).toEqual([]);
  });

  it("indexes CJK runs by character bigrams", () => {
    expect(analyzeText("小狗在公园")).toEqual(["小狗", "狗在", "在公", "公园"]);
    expect(analyzeText("猫")).toEqual(["猫"]);
    expect(analyzeText("ねこ cat")).toEqual(["ねこ", "cat"]);
  });
});
