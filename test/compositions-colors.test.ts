import { describe, expect, it } from "vitest";
import { mixRgba, parseCanvasColor, rgbaString } from "../compositions/parse-color.js";
import { contrastRatio, parseCssColor, readableOn } from "../compositions/readable-on.js";

describe("parseCanvasColor", () => {
  it("reads the hex form a canvas gives for opaque colours", () => {
    expect(parseCanvasColor("#0f172a")).toEqual([15, 23, 42, 1]);
  });

  it("reads the rgba form a canvas gives for translucent colours", () => {
    expect(parseCanvasColor("rgba(15, 23, 42, 0.78)")).toEqual([15, 23, 42, 0.78]);
  });

  it("rejects anything else", () => {
    expect(parseCanvasColor("color-mix(in srgb, red 50%, blue)")).toBeNull();
  });
});

describe("mixRgba and rgbaString", () => {
  it("blends channel by channel and scales alpha when writing", () => {
    expect(mixRgba([0, 0, 0, 1], [100, 200, 50, 0], 0.5)).toEqual([50, 100, 25, 0.5]);
    expect(rgbaString([50, 100, 25, 0.5], 0.5)).toBe("rgba(50, 100, 25, 0.2500)");
  });
});

describe("readableOn", () => {
  it("picks the candidate with the most contrast on the background", () => {
    expect(readableOn("#facc15", ["#ffffff", "#000000"])).toBe("#000000");
    expect(readableOn("#dc2626", ["#111827", "#ffffff"])).toBe("#ffffff");
    expect(readableOn("rgb(11, 31, 58)", ["#0b1f3a", "#f8fafc"])).toBe("#f8fafc");
  });

  it("falls back to the first candidate on a colour it cannot read", () => {
    expect(readableOn("hsl(10, 50%, 50%)", ["#0b1f3a", "#ffffff"])).toBe("#0b1f3a");
  });

  it("measures WCAG contrast: black on white is 21:1", () => {
    expect(contrastRatio(parseCssColor("#000")!, parseCssColor("white")!)).toBeCloseTo(21);
  });
});
