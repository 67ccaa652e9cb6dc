import { describe, expect, it } from "vitest";
import { burnedCaptionStyle } from "../compositions/captions/burned-caption-style.js";
import { placeCaption } from "../compositions/captions/place-caption.js";
import { popScale } from "../compositions/captions/pop-scale.js";
import type { MeasureWidth } from "../compositions/fit-text.js";
import { CAPTION_LOOKS, captionFontWeight, captionMetrics, type RunningCaptionStyle } from "../src/captions/caption-looks.js";
import { timeCaptions } from "../src/storyboard/caption-pages.js";
import { contains, frameLayout, OUTPUT_SIZES, type Box } from "../src/storyboard/layout.js";
import { isWide } from "../src/text/text-units.js";

/** Stand-in for the browser, a little wide on purpose: Latin 0.62 em (capitals and W/M 0.8), CJK and Hangul 1 em. */
const measure: MeasureWidth = (text) => {
  let width = 0;
  for (const ch of text) width += isWide(ch) ? 1 : /[\p{Lu}wm]/u.test(ch) ? 0.8 : 0.62;
  return width;
};

/** Floating-point slack for box edges, far below a pixel. */
const EPSILON = 1e-6;

/** Whether `inner` lies inside `outer`, up to floating-point rounding. */
function inside(outer: Box, inner: Box): boolean {
  return contains({ x: outer.x - EPSILON, y: outer.y - EPSILON, width: outer.width + 2 * EPSILON, height: outer.height + 2 * EPSILON }, inner);
}

const SIZES: Record<string, { width: number; height: number }> = {
  ...OUTPUT_SIZES,
  // Not an output aspect, but frameLayout takes any size; 4:5 is the other common feed format.
  "4:5": { width: 1080, height: 1350 },
};
const STYLES: RunningCaptionStyle[] = ["subtitles", "highlight"];

const TEXTS: Record<string, { text: string; lang: string }> = {
  "long words": {
    text: "Der Donaudampfschifffahrtsgesellschaftskapitän trägt eine Mütze. Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz ist ein Wort, und Wärmedämmverbundsystemförderungsprogramm auch.",
    lang: "de",
  },
  "long lines": {
    text: "Across Europe and Asia, city councils are planting dense native woods on plots no bigger than a tennis court, and because the saplings compete for light they shoot up quickly, so that a young plot can look like a thirty-year-old wood within a decade while researchers count hundreds of insect species.",
    lang: "en",
  },
  "wide glyphs": { text: "WWWWW MMMMM WWWWW MMMMM WWWWW MMMMM WWWWW MMMMM WWWWW MMMMM WWWWW MMMMM.", lang: "en" },
  "a URL": { text: "Read it at https://www.urbanreview.example/2024/07/tiny-forests-cooling-hot-cities-and-more today.", lang: "en" },
  CJK: { text: "在欧洲和亚洲，市议会正在不超过网球场大小的地块上种植茂密的本土树林。宫胁造林法在每平方米种下三棵树苗，树苗争夺阳光，因此长得很快！", lang: "zh" },
  "CJK with Latin": { text: "我们使用AI，效果很好。版本2.0发布了！「你好」，他说：“好的。”然后Utrecht的研究人员数到了数百种昆虫。", lang: "zh" },
  Japanese: { text: "東京は晴れ。ちょっとした森がシャッター街を冷やしている、と研究者は言う。", lang: "ja" },
  Korean: { text: "서울시는 월요일에 자전거 도로 12킬로미터를 새로 열었고, 시민들은 환호했다. 도시숲조성사업추진위원회는 내년 봄까지 네트워크를 두 배로 늘리겠다고 밝혔다.", lang: "ko" },
  Arabic: { text: "تقوم المجالس البلدية في أوروبا وآسيا بزراعة غابات محلية كثيفة على قطع أراض صغيرة.", lang: "ar" },
};

describe("every caption box inside the safe area", () => {
  for (const [aspect, { width, height }] of Object.entries(SIZES)) {
    const layout = frameLayout(width, height);

    it(`reserves a captions box inside the safe area (${aspect})`, () => {
      expect(contains(layout.safe, layout.captions)).toBe(true);
    });

    for (const style of STYLES) {
      const metrics = captionMetrics(layout, style);

      it(`fits a full page at the style's size in the captions box (${aspect}, ${style})`, () => {
        const { lineHeight, paddingX, paddingY, emPerChar } = metrics.look;
        expect((metrics.maxLines * lineHeight + 2 * paddingY) * metrics.fontSize).toBeLessThanOrEqual(layout.captions.height);
        expect((metrics.maxCharsPerLine * emPerChar + 2 * paddingX) * metrics.fontSize).toBeLessThanOrEqual(layout.captions.width);
      });

      for (const [name, { text, lang }] of Object.entries(TEXTS)) {
        it(`keeps every page of ${name} inside the safe area, popped words included (${aspect}, ${style})`, () => {
          const pages = timeCaptions(text, { startMs: 0, endMs: 30_000, ...metrics, lang });
          expect(pages.length).toBeGreaterThan(0);
          for (const page of pages) {
            // The box the text needs at its fitted size, before placeCaption clamps it to the captions area.
            const { fitted, fontSize } = placeCaption(page.lines, layout, metrics, measure);
            expect(fontSize).toBeLessThanOrEqual(metrics.fontSize);
            expect(fitted.width).toBeCloseTo((Math.max(...page.lines.map(measure)) + 2 * metrics.look.paddingX) * fontSize, 6);
            expect(fitted.height).toBeCloseTo((page.lines.length * metrics.look.lineHeight + 2 * metrics.look.paddingY) * fontSize, 6);
            expect(inside(layout.safe, fitted)).toBe(true);
            expect(inside(layout.captions, fitted)).toBe(true);
            // Every line fits between the paddings.
            const inner = fitted.width - 2 * metrics.look.paddingX * fontSize;
            for (const line of page.lines) expect(measure(line) * fontSize).toBeLessThanOrEqual(inner + EPSILON);
            // A popped word grows into the padding at most, so even at a line's edge it stays in the box.
            for (const word of page.words.flat()) {
              const wordWidth = measure(word.text) * fontSize;
              const grow = (popScale(wordWidth, fontSize, metrics.look) - 1) / 2;
              expect(grow * wordWidth).toBeLessThanOrEqual(metrics.look.paddingX * fontSize);
              expect(grow * metrics.look.lineHeight * fontSize).toBeLessThanOrEqual(metrics.look.paddingY * fontSize);
            }
          }
        });
      }
    }
  }

  it("sets highlight captions bigger and bolder than subtitles, in fewer characters per line", () => {
    for (const { width, height } of Object.values(SIZES)) {
      const layout = frameLayout(width, height);
      const subtitles = captionMetrics(layout, "subtitles");
      const highlight = captionMetrics(layout, "highlight");
      expect(highlight.fontSize).toBeGreaterThan(subtitles.fontSize);
      expect(highlight.look.fontWeight).toBeGreaterThan(subtitles.look.fontWeight);
      expect(highlight.maxCharsPerLine).toBeLessThan(subtitles.maxCharsPerLine);
    }
  });

  it("sets subtitles in the theme's body weight and highlight captions never lighter than heavy", () => {
    expect(captionFontWeight(CAPTION_LOOKS.subtitles, 500)).toBe(500);
    expect(captionFontWeight(CAPTION_LOOKS.subtitles, 600)).toBe(600);
    expect(captionFontWeight(CAPTION_LOOKS.highlight, 500)).toBe(800);
    expect(captionFontWeight(CAPTION_LOOKS.highlight, 900)).toBe(900);
  });

  it("pops a short word by the look's full scale and a line-wide word less", () => {
    const look = CAPTION_LOOKS.highlight;
    expect(popScale(100, 80, look)).toBe(look.popScale);
    expect(popScale(900, 80, look)).toBeLessThan(look.popScale);
    expect(popScale(900, 80, look)).toBeGreaterThan(1);
  });

  it("never lets a popped word grow over more than half of the spaces beside it", () => {
    const look = CAPTION_LOOKS.highlight;
    const fontSize = 80;
    for (const wordWidth of [120, 300, 480, 700]) {
      const growEachSide = ((popScale(wordWidth, fontSize, look) - 1) * wordWidth) / 2;
      expect(growEachSide).toBeLessThanOrEqual(0.5 * 0.26 * fontSize + 1e-9);
    }
  });
});

describe("which captions are burned in", () => {
  it("draws the running styles only when burn is on, and never for headline", () => {
    expect(burnedCaptionStyle({ style: "highlight", burn: true })).toBe("highlight");
    expect(burnedCaptionStyle({ style: "subtitles", burn: true })).toBe("subtitles");
    expect(burnedCaptionStyle({ style: "headline", burn: true })).toBeNull();
    expect(burnedCaptionStyle({ style: "highlight", burn: false })).toBeNull();
  });
});
