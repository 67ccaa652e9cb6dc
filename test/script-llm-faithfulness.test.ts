import { describe, expect, it } from "vitest";
import { articleFacts, checkFaithfulness } from "../src/script/llm/check-faithfulness.js";
import { findNumbers, isKnownNumber, normalizeNumber, numberSet } from "../src/script/llm/extract-numbers.js";
import { findProperNouns } from "../src/script/llm/find-proper-nouns.js";

describe("normalizeNumber", () => {
  it("treats thousands separators of any locale alike", () => {
    expect(normalizeNumber("1,000")).toBe("1000");
    expect(normalizeNumber("1.000")).toBe("1000");
    expect(normalizeNumber("1 000")).toBe("1000");
    expect(normalizeNumber("12,345,678")).toBe("12345678");
  });

  it("reads decimals written with a point or a comma", () => {
    expect(normalizeNumber("3.5")).toBe("3.5");
    expect(normalizeNumber("3,5")).toBe("3.5");
    expect(normalizeNumber("1,234.50")).toBe("1234.5");
    expect(normalizeNumber("1.234,5")).toBe("1234.5");
  });

  it("drops leading zeros and trailing decimal zeros", () => {
    expect(normalizeNumber("007")).toBe("7");
    expect(normalizeNumber("2.0")).toBe("2");
  });
});

describe("findNumbers", () => {
  it("finds integers, decimals and percentages but not the sentence's full stop", () => {
    expect(findNumbers("Sales rose 12.5% to 1,200 units in 2024.")).toEqual(["12.5", "1,200", "2024"]);
  });
});

describe("isKnownNumber", () => {
  it("accepts two numbers separated by a space when the article has each", () => {
    const known = numberSet("In 2019 there were 30 people.");
    expect(isKnownNumber("2019 30", known)).toBe(true);
    expect(isKnownNumber("31", known)).toBe(false);
  });
});

describe("findProperNouns", () => {
  it("returns capitalised words that do not start the sentence", () => {
    expect(findProperNouns("The mayor of Berlin met Angela Merkel's staff.")).toEqual(["Berlin", "Angela", "Merkel"]);
  });

  it("skips the first word, the pronoun I and words after a colon", () => {
    expect(findProperNouns("Today I said: Never again.")).toEqual([]);
  });

  it("ignores non-Latin scripts", () => {
    expect(findProperNouns("今天 北京 下雨")).toEqual([]);
  });
});

describe("checkFaithfulness", () => {
  const facts = articleFacts("Acme Corp hired 1,200 workers in Ohio. Revenue grew 12.5 percent in 2024.");

  it("keeps a narration whose numbers all occur in the article, whatever their formatting", () => {
    const report = checkFaithfulness("Acme hired 1200 workers. Revenue grew 12.5% in 2024.", facts, "en");
    expect(report).toEqual({ narration: "Acme hired 1200 workers. Revenue grew 12.5% in 2024.", inventedNumbers: [], unknownNames: [] });
  });

  it("removes the sentence with an invented number and reports the number", () => {
    const report = checkFaithfulness("Acme hired 1,200 workers. Profits tripled to 40 million.", facts, "en");
    expect(report.narration).toBe("Acme hired 1,200 workers.");
    expect(report.inventedNumbers).toEqual(["40"]);
  });

  it("reports names the article does not mention, and keeps the sentence", () => {
    const report = checkFaithfulness("Workers in Ohio and Texas cheered.", facts, "en");
    expect(report.narration).toBe("Workers in Ohio and Texas cheered.");
    expect(report.unknownNames).toEqual(["Texas"]);
  });

  it("returns an empty narration when every sentence had an invented number", () => {
    expect(checkFaithfulness("It cost 99 dollars.", facts, "en").narration).toBe("");
  });
});
