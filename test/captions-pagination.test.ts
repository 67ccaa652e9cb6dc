import { describe, expect, it } from "vitest";
import { placeCaption } from "../compositions/captions/place-caption.js";
import type { MeasureWidth } from "../compositions/fit-text.js";
import { captionMetrics, type RunningCaptionStyle } from "../src/captions/caption-looks.js";
import { captionUnits } from "../src/captions/caption-units.js";
import { breakKind } from "../src/captions/phrase-breaks.js";
import { paginateCaptions, timeCaptions, type CaptionPage } from "../src/storyboard/caption-pages.js";
import { contains, frameLayout, type Box } from "../src/storyboard/layout.js";
import { displayWidth, isWide } from "../src/text/text-units.js";

const STYLES: RunningCaptionStyle[] = ["subtitles", "highlight"];

/** Stand-in for the browser at the bold caption weights: Latin 0.62 em (capitals 0.75), CJK and Hangul 1 em. */
const measure: MeasureWidth = (text) => {
  let width = 0;
  for (const ch of text) width += isWide(ch) ? 1 : /\p{Lu}/u.test(ch) ? 0.75 : 0.62;
  return width;
};

/** Whether `inner` lies inside `outer`, up to floating-point rounding (far below a pixel). */
function inside(outer: Box, inner: Box): boolean {
  const e = 1e-6;
  return contains({ x: outer.x - e, y: outer.y - e, width: outer.width + 2 * e, height: outer.height + 2 * e }, inner);
}

function pagesFor(text: string, style: RunningCaptionStyle, width: number, height: number, lang = "en"): CaptionPage[] {
  const m = captionMetrics(frameLayout(width, height), style);
  return timeCaptions(text, { startMs: 0, endMs: 60_000, maxCharsPerLine: m.maxCharsPerLine, maxLines: m.maxLines, words: m.words, lang });
}

describe("page breaks at phrase boundaries", () => {
  it("starts every sentence on a new page", () => {
    const text = "Riders cheered. The council voted seven to two on Monday night after a long debate. Work starts in May.";
    for (const style of STYLES) {
      const pages = pagesFor(text, style, 1920, 1080);
      for (const first of ["The", "Work"]) expect(pages.some((page) => page.text.startsWith(first))).toBe(true);
      for (const page of pages) expect(page.text.slice(0, -1)).not.toMatch(/[.!?] /);
    }
  });

  it("does not take an abbreviation for the end of a sentence", () => {
    expect(breakKind("Dr.", "Lee", "en")).not.toBe("sentence");
    expect(breakKind("e.g.", "trees", "en")).not.toBe("sentence");
    expect(breakKind("z.", "B.", "de")).not.toBe("sentence");
    expect(breakKind("Monday.", "Riders", "en")).toBe("sentence");
  });

  it("breaks a long sentence after a comma rather than in the middle of a phrase", () => {
    const text = "Across Europe and Asia, city councils are planting dense native woods on plots no bigger than a tennis court.";
    const pages = pagesFor(text, "subtitles", 1920, 1080);
    expect(pages.length).toBe(2);
    expect(pages[0]!.text).toBe("Across Europe and Asia,");
  });

  it("breaks lines before a conjunction or preposition, never right after an article", () => {
    const text = "The Miyawaki method packs three saplings into every square metre of the plot.";
    const pages = pagesFor(text, "subtitles", 1080, 1920);
    const lines = pages.flatMap((page) => page.lines);
    for (const line of lines) expect(line).not.toMatch(/\b(the|a|an|of|into)$/i);
    expect(lines.some((line) => /^(into|of)\b/.test(line))).toBe(true);
  });

  it("keeps highlight pages to 1–2 lines and 3–7 words, unless the sentence itself is shorter", () => {
    const text =
      "Because the saplings compete for light, they shoot up quickly, and a young plot can look like a thirty-year-old wood within a decade. Riders cheered.";
    for (const [width, height] of [[1920, 1080], [1080, 1920], [1080, 1080]] as const) {
      const pages = pagesFor(text, "highlight", width, height);
      for (const page of pages) {
        const words = page.text.split(" ").length;
        expect(page.lines.length).toBeGreaterThanOrEqual(1);
        expect(page.lines.length).toBeLessThanOrEqual(2);
        expect(words).toBeLessThanOrEqual(7);
        if (page.text !== "Riders cheered.") expect(words).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe("CJK pages", () => {
  const OPENING = /[「『（【〔《〈“‘]$/u;
  const CLOSING_START = /^[、。，．！？：；」』）】〕》〉”’]/u;
  const SMALL_KANA_START = /^[ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮーゝゞヽヾ々]/u;
  const TEXTS = {
    chinese: "在欧洲和亚洲，市议会正在不超过网球场大小的地块上种植茂密的本土树林。宫胁造林法在每平方米种下三棵树苗，树苗争夺阳光，因此长得很快！研究人员在两年后就数到了数百种昆虫。",
    quotes: "他说：“好的。”然后她回答：「我们明天再来。」（这是第二次。）《城市森林》这本书很受欢迎。我们使用AI，效果很好。版本2.0发布了！",
    japanese: "東京はとても暑い。ちょっとした森がシャッター街を冷やしている、と研究者は言う。コーヒーショップのメニューも変わった。",
  };

  for (const [name, text] of Object.entries(TEXTS)) {
    for (const style of STYLES) {
      for (const [width, height] of [[1080, 1920], [1920, 1080]] as const) {
        const m = captionMetrics(frameLayout(width, height), style);
        const pages = pagesFor(text, style, width, height, name === "japanese" ? "ja" : "zh");
        const lines = pages.flatMap((page) => page.lines);
        const tag = `${name}, ${style}, ${width}×${height}`;

        it(`adds no spaces and loses no characters (${tag})`, () => {
          expect(lines.join("")).toBe(text);
        });

        it(`keeps closing punctuation with the character before it and opening brackets with the one after (${tag})`, () => {
          for (const line of lines) {
            expect(line).not.toMatch(CLOSING_START);
            expect(line).not.toMatch(OPENING);
            expect(line).not.toMatch(SMALL_KANA_START);
          }
        });

        it(`fits each line in the width, counting CJK glyphs as two (${tag})`, () => {
          for (const page of pages) {
            expect(page.lines.length).toBeLessThanOrEqual(m.maxLines);
            for (const line of page.lines) expect(displayWidth(line)).toBeLessThanOrEqual(m.maxCharsPerLine);
          }
        });
      }
    }
  }

  it("joins an opening bracket or quote to the character after it", () => {
    expect(captionUnits("他说：“好的。”「你好」（注）")).toEqual(["他", "说：", "“好", "的。”", "「你", "好」", "（注）"]);
  });

  it("joins small kana and the long vowel mark to the character before it", () => {
    expect(captionUnits("シャッター")).toEqual(["シャッ", "ター"]);
    expect(captionUnits("ちょっと")).toEqual(["ちょっ", "と"]);
  });
});

describe("Korean pages", () => {
  const TEXT =
    "서울시는 월요일에 자전거 도로 12킬로미터를 새로 열었고, 시민들은 환호했다. 시의회는 내년 봄까지 네트워크를 두 배로 늘리겠다고 밝혔지만, 예산은 아직 확정되지 않았다.";

  for (const style of STYLES) {
    for (const [width, height] of [[1080, 1920], [1920, 1080], [1080, 1080]] as const) {
      const tag = `${style}, ${width}×${height}`;
      const m = captionMetrics(frameLayout(width, height), style);
      const pages = pagesFor(TEXT, style, width, height, "ko");

      it(`keeps every space: page texts joined with spaces give the input back (${tag})`, () => {
        expect(pages.map((page) => page.text).join(" ")).toBe(TEXT);
        for (const page of pages) expect(page.lines.join(" ")).toBe(page.text);
      });

      it(`never splits a word, and fits each line counting Hangul as two wide (${tag})`, () => {
        const words = new Set(TEXT.split(" "));
        for (const page of pages) {
          for (const word of page.text.split(" ")) expect(words.has(word)).toBe(true);
          for (const line of page.lines) expect(displayWidth(line)).toBeLessThanOrEqual(m.maxCharsPerLine);
        }
        expect(pages.some((page) => page.text.startsWith("시의회는"))).toBe(true);
      });
    }
  }
});

describe("a word longer than a line", () => {
  const WORD = "Wärmedämmverbundsystemförderungsprogramm";
  const text = `Das neue ${WORD} startet im Mai.`;

  it("is forty characters long", () => {
    expect([...WORD]).toHaveLength(40);
  });

  for (const style of STYLES) {
    it(`is never split, and the font shrinks so its box stays in the 9:16 safe area (${style})`, () => {
      const layout = frameLayout(1080, 1920);
      const m = captionMetrics(layout, style);
      expect(displayWidth(WORD)).toBeGreaterThan(m.maxCharsPerLine);
      expect(paginateCaptions(text, { maxCharsPerLine: m.maxCharsPerLine, maxLines: m.maxLines, words: m.words, lang: "de" }).flat()).toContain(WORD);
      const pages = pagesFor(text, style, 1080, 1920, "de");
      const page = pages.find((p) => p.lines.includes(WORD))!;
      expect(page).toBeDefined();
      const placed = placeCaption(page.lines, layout, m, measure);
      expect(placed.fontSize).toBeLessThan(m.fontSize);
      // The box the fit needs, before placeCaption clamps it to the captions area.
      expect(measure(WORD) * placed.fontSize).toBeLessThanOrEqual(placed.fitted.width);
      expect(inside(layout.safe, placed.fitted)).toBe(true);
      expect(inside(layout.captions, placed.fitted)).toBe(true);
      // The other pages keep the full size.
      for (const other of pages.filter((p) => p !== page)) expect(placeCaption(other.lines, layout, m, measure).fontSize).toBe(m.fontSize);
    });
  }
});
