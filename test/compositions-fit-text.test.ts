import { describe, expect, it } from "vitest";
import { fitCaptionLines, fitTextBlock, wrapMeasured, type MeasureWidth } from "../compositions/fit-text.js";
import { CAPTION_BOX } from "../compositions/caption-box.js";
import { timeCaptions } from "../src/storyboard/caption-pages.js";
import { frameLayout, OUTPUT_SIZES } from "../src/storyboard/layout.js";
import { isCjk, splitUnits } from "../src/text/text-units.js";

/** Stand-in for the browser: Latin glyphs 0.56 em (capitals 0.7), CJK glyphs 1 em. */
const measure: MeasureWidth = (text) => {
  let width = 0;
  for (const ch of text) width += isCjk(ch) ? 1 : /[A-Z]/.test(ch) ? 0.7 : 0.56;
  return width;
};

const LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitän";

describe("fitTextBlock", () => {
  const base = { maxWidth: 1000, maxHeight: 400, maxFontSize: 100, maxLines: 3, lineHeight: 1.1, measure };

  it("keeps the largest size when the text already fits", () => {
    const block = fitTextBlock(splitUnits("A short headline"), base);
    expect(block.fontSize).toBe(100);
    expect(block.lines).toEqual(["A short headline"]);
  });

  it("shrinks a word wider than the box until it fits on its own line", () => {
    const block = fitTextBlock(splitUnits(`The ${LONG_WORD} speaks`), base);
    expect(block.fontSize).toBeLessThan(100);
    expect(block.lines).toContain(LONG_WORD);
    for (const line of block.lines) expect(measure(line) * block.fontSize).toBeLessThanOrEqual(base.maxWidth);
    expect(block.lines.length * base.lineHeight * block.fontSize).toBeLessThanOrEqual(base.maxHeight);
  });

  it("shrinks text that would need more lines than allowed", () => {
    const text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen";
    const block = fitTextBlock(splitUnits(text), { ...base, maxLines: 2 });
    expect(block.lines.length).toBeLessThanOrEqual(2);
    expect(block.lines.join(" ")).toBe(text);
    expect(block.width).toBeLessThanOrEqual(base.maxWidth);
  });

  it("fits CJK text without spaces and keeps punctuation on the line of its character", () => {
    const text = "在欧洲和亚洲，市议会正在不超过网球场大小的地块上种植茂密的本土树林。";
    const block = fitTextBlock(splitUnits(text), { ...base, maxWidth: 900, maxLines: 2 });
    expect(block.lines.join("")).toBe(text);
    for (const line of block.lines) {
      expect(line).not.toMatch(/^[，。]/u);
      expect(measure(line) * block.fontSize).toBeLessThanOrEqual(900);
    }
  });

  it("balances lines so the last one is not a lone word", () => {
    const units = splitUnits("Tiny forests are cooling down hot cities");
    const greedy = fitTextBlock(units, { ...base, maxWidth: 1900 });
    const balanced = fitTextBlock(units, { ...base, maxWidth: 1900, balance: true });
    expect(balanced.fontSize).toBe(greedy.fontSize);
    expect(greedy.lines).toEqual(["Tiny forests are cooling down hot", "cities"]);
    expect(balanced.lines).toEqual(["Tiny forests are", "cooling down hot cities"]);
    const spread = (lines: string[]) => Math.max(...lines.map(measure)) - Math.min(...lines.map(measure));
    expect(spread(balanced.lines)).toBeLessThan(spread(greedy.lines));
  });
});

describe("wrapMeasured", () => {
  it("gives a unit wider than the line a line of its own instead of splitting it", () => {
    expect(wrapMeasured(["a", LONG_WORD, "b"], 10, 50, measure)).toEqual([["a"], [LONG_WORD], ["b"]]);
  });
});

describe("fitCaptionLines", () => {
  for (const [aspect, { width, height }] of Object.entries(OUTPUT_SIZES)) {
    const layout = frameLayout(width, height);
    const options = { box: layout.captions, maxFontSize: layout.captionFontSize, ...CAPTION_BOX, measure };

    it(`keeps every caption page of long words, long lines and CJK inside the captions box (${aspect})`, () => {
      const narrations = [
        `Der ${LONG_WORD} trägt eine Mütze und ${LONG_WORD}smützenabzeichenherstellungsgenehmigung ist ein Wort.`,
        "WWWWW MMMMM WWWWW MMMMM WWWWW MMMMM WWWWW MMMMM WWWWW MMMMM WWWWW MMMMM",
        "在欧洲和亚洲，市议会正在不超过网球场大小的地块上种植茂密的本土树林。宫胁造林法在每平方米种下三棵树苗。",
      ];
      for (const narration of narrations) {
        const pages = timeCaptions(narration, { startMs: 0, endMs: 10_000, maxCharsPerLine: layout.maxCharsPerLine, maxLines: layout.maxLines });
        for (const page of pages) {
          const fit = fitCaptionLines(page.lines, options);
          expect(fit.fontSize).toBeLessThanOrEqual(layout.captionFontSize);
          expect(fit.width).toBeLessThanOrEqual(layout.captions.width + 1e-9);
          expect(fit.height).toBeLessThanOrEqual(layout.captions.height + 1e-9);
          for (const line of page.lines) {
            expect(measure(line) * fit.fontSize).toBeLessThanOrEqual(fit.width - 2 * CAPTION_BOX.paddingX * fit.fontSize + 1e-9);
          }
        }
      }
    });
  }

  it("uses the layout's caption size for an ordinary page", () => {
    const layout = frameLayout(1920, 1080);
    const fit = fitCaptionLines(["city councils are planting", "dense native woods"], {
      box: layout.captions,
      maxFontSize: layout.captionFontSize,
      ...CAPTION_BOX,
      measure,
    });
    expect(fit.fontSize).toBe(layout.captionFontSize);
  });

  it("shrinks the font for a page with more lines than the box was sized for", () => {
    const layout = frameLayout(1920, 1080);
    const fit = fitCaptionLines(["one", "two", "three", "four"], { box: layout.captions, maxFontSize: layout.captionFontSize, ...CAPTION_BOX, measure });
    expect(fit.fontSize).toBeLessThan(layout.captionFontSize);
    expect(fit.height).toBeLessThanOrEqual(layout.captions.height + 1e-9);
  });
});
