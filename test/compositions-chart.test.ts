import { describe, expect, it } from "vitest";
import { barProgress, chartGeometry, GROW_SECONDS } from "../compositions/layers/ChartLayer.js";
import { kineticBand } from "../compositions/kinetic-band.js";
import { AspectSchema, type Aspect, type Chart } from "../src/schema/storyboard.js";
import { contains, frameLayout, OUTPUT_SIZES, type Box } from "../src/storyboard/layout.js";

const ASPECTS: Aspect[] = AspectSchema.options;

const THREE: Chart = { bars: [{ label: "Germany", value: 67 }, { label: "France", value: 45 }, { label: "Spain", value: 38 }], unit: "%" };
const EIGHT: Chart = { bars: Array.from({ length: 8 }, (_, i) => ({ label: `Region ${i + 1}`, value: (i + 1) * 5 })), unit: "km" };
const MIXED: Chart = { bars: [{ label: "2021", value: -12 }, { label: "2022", value: 4 }, { label: "2023", value: 18 }], unit: "%" };

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function expectInside(outer: Box, inner: Box): void {
  const slack = 0.001;
  expect(contains({ x: outer.x - slack, y: outer.y - slack, width: outer.width + 2 * slack, height: outer.height + 2 * slack }, inner), JSON.stringify({ outer, inner })).toBe(true);
}

describe("chartGeometry", () => {
  for (const aspect of ASPECTS) {
    const { width, height } = OUTPUT_SIZES[aspect];
    const band = kineticBand(frameLayout(width, height));

    for (const [name, chart] of [["three", THREE], ["eight", EIGHT], ["mixed-sign", MIXED]] as const) {
      it(`keeps every bar, name and value of the ${name}-bar chart inside the band, apart from each other (${aspect})`, () => {
        const geometry = chartGeometry(chart, band);
        for (const bar of geometry.bars) {
          expectInside(band, bar.bar);
          expectInside(band, bar.label);
          expectInside(band, bar.value);
          expect(overlaps(bar.bar, bar.label)).toBe(false);
        }
        geometry.bars.forEach((a, i) =>
          geometry.bars.slice(i + 1).forEach((b) => {
            expect(overlaps(a.bar, b.bar)).toBe(false);
            expect(overlaps(a.label, b.label)).toBe(false);
          }),
        );
        expect(geometry.labelFontSize).toBeGreaterThanOrEqual(12);
        expect(geometry.valueFontSize).toBeGreaterThanOrEqual(geometry.labelFontSize);
      });
    }

    it(`makes bar lengths proportional to the values (${aspect})`, () => {
      const geometry = chartGeometry(THREE, band);
      const length = (i: number) => (geometry.orientation === "columns" ? geometry.bars[i]!.bar.height : geometry.bars[i]!.bar.width);
      expect(length(1) / length(0)).toBeCloseTo(45 / 67, 6);
      expect(length(2) / length(0)).toBeCloseTo(38 / 67, 6);
      expect(length(0)).toBeGreaterThan(band.height * 0.3);
    });
  }

  it("stands columns on the zero line, negative ones hanging below it", () => {
    const band = kineticBand(frameLayout(1920, 1080));
    const geometry = chartGeometry(MIXED, band);
    expect(geometry.orientation).toBe("columns");
    const [down, up] = geometry.bars;
    expect(down!.bar.y).toBeCloseTo(geometry.zero, 6);
    expect(up!.bar.y + up!.bar.height).toBeCloseTo(geometry.zero, 6);
    expect(down!.value.y).toBeGreaterThanOrEqual(down!.bar.y + down!.bar.height);
  });

  it("stacks rows in a tall band, each name above its bar and the value after it", () => {
    const band: Box = { x: 80, y: 400, width: 900, height: 1200 };
    const geometry = chartGeometry(THREE, band);
    expect(geometry.orientation).toBe("rows");
    for (const bar of geometry.bars) {
      expectInside(band, bar.bar);
      expectInside(band, bar.value);
      expect(bar.label.y + bar.label.height).toBeLessThanOrEqual(bar.bar.y);
      expect(bar.value.x).toBeGreaterThan(bar.bar.x + bar.bar.width);
    }
    expect(geometry.bars[1]!.bar.width / geometry.bars[0]!.bar.width).toBeCloseTo(45 / 67, 6);
  });
});

describe("barProgress", () => {
  it("grows each bar from 0 to 1 over 0.8 s from its start, one bar after another", () => {
    const fps = 30;
    expect(barProgress(5, 0, 6, fps)).toBe(0);
    expect(barProgress(6, 0, 6, fps)).toBe(0);
    expect(barProgress(6 + GROW_SECONDS * fps, 0, 6, fps)).toBe(1);
    const mid = barProgress(6 + (GROW_SECONDS * fps) / 2, 0, 6, fps);
    expect(mid).toBeGreaterThan(0.5);
    expect(mid).toBeLessThan(1);
    expect(barProgress(12, 1, 6, fps)).toBeLessThan(barProgress(12, 0, 6, fps));
  });
});
