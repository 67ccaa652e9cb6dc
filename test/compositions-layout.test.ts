import { describe, expect, it } from "vitest";
import { AspectSchema, type Aspect } from "../src/schema/storyboard.js";
import { displayWidth, joinUnits, splitUnits } from "../src/text/text-units.js";
import { captionUnits } from "../src/captions/caption-units.js";
import { paginateCaptions, wrapLines } from "../src/storyboard/caption-pages.js";
import { contains, frameLayout, OUTPUT_SIZES, type Box, type FrameLayout } from "../src/storyboard/layout.js";
import { CAPTION_BOX } from "../compositions/caption-box.js";
import { cardArea } from "../compositions/card-area.js";
import { kineticBand } from "../compositions/kinetic-band.js";

const ASPECTS: Aspect[] = AspectSchema.options;

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const CLOSING = /^[\u3001\u3002\uff0c\uff0e\uff01\uff1f\uff1a\uff1b\u300d\u300f\uff09\u3011\u2019\u201d,.!?:;)\]»]/u;

const TEXTS = {
  "long words": [
    "Der Donaudampfschifffahrtsgesellschaftskapitän trägt eine Mütze.",
    "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsgenehmigung ist ein Wort,",
    "und Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz ist noch eines; Kraftfahrzeughaftpflichtversicherung auch.",
  ].join(" "),
  "long lines": [
    "Across Europe and Asia, city councils are planting dense native woods on plots no bigger than a tennis court,",
    "and because the saplings compete for light they shoot up quickly, so that a young plot can look like a thirty-year-old wood",
    "within a decade while researchers count hundreds of insect species after just two years and residents notice cooler",
    "afternoons on the hottest days of the summer without anyone having to switch on an air conditioner at all.",
  ].join(" "),
  "CJK text": "在欧洲和亚洲，市议会正在不超过网球场大小的地块上种植茂密的本土树林。宫胁造林法在每平方米种下三棵树苗，树苗争夺阳光，因此长得很快！研究人员在两年后就数到了数百种昆虫。",
  "CJK mixed with Latin": "我们使用AI，效果很好。版本2.0发布了！「你好」，他说：“好的。”然后Utrecht的研究人员数到了数百种昆虫。",
  Japanese: "東京は晴れ。明日は雨です。小さな森が都市を冷やしている、と研究者は言う。",
};

describe("frameLayout boxes", () => {
  for (const aspect of ASPECTS) {
    const { width, height } = OUTPUT_SIZES[aspect];
    const layout = frameLayout(width, height);
    const frame = { x: 0, y: 0, width, height };

    it(`keeps the headline and captions boxes inside the safe area and the frame (${aspect})`, () => {
      expect(contains(frame, layout.safe)).toBe(true);
      expect(contains(layout.safe, layout.headline)).toBe(true);
      expect(contains(layout.safe, layout.captions)).toBe(true);
    });

    it(`does not let the headline and captions boxes overlap (${aspect})`, () => {
      expect(overlaps(layout.headline, layout.captions)).toBe(false);
    });

    it(`fits a full caption page at the caption font size in the captions box (${aspect})`, () => {
      const { lineHeight, paddingY, paddingX } = CAPTION_BOX;
      expect((layout.maxLines * lineHeight + 2 * paddingY) * layout.captionFontSize).toBeLessThanOrEqual(layout.captions.height);
      // maxCharsPerLine assumes 0.56 em per character; the padding must still fit beside that.
      expect((layout.maxCharsPerLine * 0.56 + 2 * paddingX) * layout.captionFontSize).toBeLessThanOrEqual(layout.captions.width);
    });

    it(`puts the kinetic band between headline and captions, inside the safe area (${aspect})`, () => {
      const band = kineticBand(layout);
      expect(band.height).toBeGreaterThan(0);
      expect(contains(layout.safe, band)).toBe(true);
      expect(overlaps(band, layout.headline)).toBe(false);
      expect(overlaps(band, layout.captions)).toBe(false);
    });

    it(`keeps title and closing cards off the captions box when captions show (${aspect})`, () => {
      const withCaptions = cardArea(layout, true);
      expect(contains(layout.safe, withCaptions)).toBe(true);
      expect(overlaps(withCaptions, layout.captions)).toBe(false);
      expect(cardArea(layout, false)).toEqual(layout.content);
      expect(layout.content).toEqual(layout.safe);
    });
  }
});

describe("caption pages within each layout", () => {
  for (const aspect of ASPECTS) {
    const { width, height } = OUTPUT_SIZES[aspect];
    const { maxCharsPerLine, maxLines } = frameLayout(width, height);
    const options = { maxCharsPerLine, maxLines };

    for (const [name, text] of Object.entries(TEXTS)) {
      const pages = paginateCaptions(text, options);

      it(`never puts more than ${maxLines} lines on a page: ${name} (${aspect})`, () => {
        for (const page of pages) expect(wrapLines(page, maxCharsPerLine).length).toBeLessThanOrEqual(maxLines);
      });

      it(`keeps lines within ${maxCharsPerLine} characters unless one unit is longer alone: ${name} (${aspect})`, () => {
        for (const page of pages) {
          for (const line of wrapLines(page, maxCharsPerLine)) {
            if (line.length === 1) continue;
            expect(displayWidth(joinUnits(line))).toBeLessThanOrEqual(maxCharsPerLine);
          }
        }
      });

      it(`never splits a word, so the pages read back as the text: ${name} (${aspect})`, () => {
        expect(pages.flat()).toEqual(captionUnits(text));
        expect(joinUnits(pages.flat()).replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
        const words = text.split(/\s+/);
        const spaced = pages.flat().filter((unit) => !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u.test(unit));
        for (const unit of spaced) expect(words.some((word) => word.includes(unit))).toBe(true);
      });

      it(`never starts a page or a line with closing punctuation: ${name} (${aspect})`, () => {
        for (const page of pages) {
          for (const line of wrapLines(page, maxCharsPerLine)) expect(joinUnits(line)).not.toMatch(CLOSING);
        }
      });
    }
  }

  it("keeps a full-width comma after Latin letters with them", () => {
    expect(splitUnits("我们使用AI，效果很好。")).toEqual(["我", "们", "使", "用", "AI，", "效", "果", "很", "好。"]);
  });

  it("keeps CJK punctuation attached to the character before it", () => {
    expect(splitUnits("在欧洲和亚洲，市议会。「你好」，他说！")).toEqual(["在", "欧", "洲", "和", "亚", "洲，", "市", "议", "会。", "「", "你", "好」，", "他", "说！"]);
  });

  it("gives a word longer than a line a page line of its own", () => {
    const word = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsgenehmigung";
    const pages = paginateCaptions(`Das ${word} ist lang.`, { maxCharsPerLine: 23, maxLines: 2 });
    const lines = pages.flatMap((page) => wrapLines(page, 23));
    expect(lines).toContainEqual([word]);
  });
});

describe("frameLayout headline positions", () => {
  const { width, height } = OUTPUT_SIZES["16:9"];
  const at = (position: "top" | "bottom" | "lower-third" | "center") => frameLayout(width, height, { headline: { position, scale: 1 } });
  const gapAbove = (layout: FrameLayout) => layout.captions.y - (layout.headline.y + layout.headline.height);

  it("keeps the look before templates when given no options", () => {
    expect(frameLayout(width, height, {})).toEqual(frameLayout(width, height));
    expect(at("top").headline.y).toBe(frameLayout(width, height).safe.y);
  });

  it("sets a bottom headline and a lower third just above the captions box", () => {
    for (const position of ["bottom", "lower-third"] as const) {
      const layout = at(position);
      expect(gapAbove(layout)).toBeGreaterThan(0);
      expect(gapAbove(layout)).toBeLessThanOrEqual(layout.captionFontSize);
    }
    expect(at("lower-third").headlineMaxLines).toBe(2);
    expect(at("lower-third").headline.height).toBeLessThan(at("bottom").headline.height);
  });

  it("centres a centre headline between the top of the safe area and the captions", () => {
    const layout = at("center");
    const above = layout.headline.y - layout.safe.y;
    expect(Math.abs(above - gapAbove(layout))).toBeLessThanOrEqual(layout.captionFontSize);
  });

  it("sets a bottom headline on the safe area's bottom when no captions are drawn", () => {
    const layout = frameLayout(width, height, { headline: { position: "bottom", scale: 1 }, captions: false });
    expect(layout.headline.y + layout.headline.height).toBe(layout.safe.y + layout.safe.height);
  });

  it("scales the headline font with the look's scale", () => {
    const big = frameLayout(width, height, { headline: { position: "top", scale: 1.5 } });
    expect(big.headlineFontSize).toBe(Math.round(at("top").captionFontSize * 1.7 * 1.5));
  });

  it("sets a top headline beside a top-corner logo when most of the width is left, and below it when not", () => {
    const logo = { placement: "top-right" as const, size: 0.07, file: "/logo.svg" };
    const wide = frameLayout(1920, 1080, { logo, headline: { position: "top", scale: 1 } });
    expect(wide.headline.y).toBe(wide.safe.y);
    expect(wide.headline.x + wide.headline.width).toBeLessThanOrEqual(wide.logo!.x);
    const tall = frameLayout(1080, 1920, { logo, headline: { position: "top", scale: 1, align: "center" } });
    expect(tall.headline.y).toBeGreaterThanOrEqual(tall.logo!.y + tall.logo!.height);
    expect(tall.headline.width).toBe(tall.safe.width);
  });

  it("keeps no room for a logo without a file or with placement none", () => {
    expect(frameLayout(width, height, { logo: { placement: "top-left", size: 0.1, file: null } }).logo).toBeNull();
    expect(frameLayout(width, height, { logo: { placement: "none", size: 0.1, file: "/logo.svg" } }).logo).toBeNull();
  });

  it("lifts the captions above a logo in a bottom corner", () => {
    const layout = frameLayout(width, height, { logo: { placement: "bottom-right", size: 0.08, file: "/logo.png" } });
    expect(layout.captions.y + layout.captions.height).toBeLessThan(layout.logo!.y);
    expect(contains(layout.safe, layout.logo!)).toBe(true);
  });
});
