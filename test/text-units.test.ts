import { describe, expect, it } from "vitest";
import { displayWidth, isCjk, joinUnits, needsSpace, readingWords, splitUnits } from "../src/text/text-units.js";

const KOREAN = "서울시는 월요일에 자전거 도로 12킬로미터를 새로 열었고, 시민들은 환호했다.";

describe("Korean is a spaced script", () => {
  it("splits into words at spaces, not into syllables", () => {
    expect(splitUnits("서울시는 월요일에 자전거 도로")).toEqual(["서울시는", "월요일에", "자전거", "도로"]);
  });

  it("keeps the space between two Korean words", () => {
    expect(needsSpace("서울시는", "월요일에")).toBe(true);
    expect(joinUnits(splitUnits(KOREAN))).toBe(KOREAN);
  });

  it("counts a Korean word as one reading word", () => {
    expect(readingWords("서울시는 월요일에 자전거 도로")).toBe(4);
  });

  it("still counts a Hangul syllable two wide on screen", () => {
    expect(displayWidth("서울")).toBe(4);
    expect(displayWidth("도로 12")).toBe(4 + 1 + 2);
  });

  it("is not written without spaces the way Chinese and Japanese are", () => {
    expect(isCjk("서")).toBe(false);
    expect(isCjk("中")).toBe(true);
    expect(isCjk("か")).toBe(true);
  });
});

describe("Chinese and Japanese stay unspaced", () => {
  it("splits into characters with closing punctuation attached, and joins without spaces", () => {
    expect(splitUnits("我们使用AI，效果很好。")).toEqual(["我", "们", "使", "用", "AI，", "效", "果", "很", "好。"]);
    expect(joinUnits(splitUnits("我们使用AI，效果很好。"))).toBe("我们使用AI，效果很好。");
    expect(needsSpace("东", "京")).toBe(false);
  });
});
