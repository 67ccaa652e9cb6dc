import { describe, expect, it } from "vitest";
import { mixRgba, parseCanvasColor, rgbaString } from "../compositions/parse-color.js";

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
