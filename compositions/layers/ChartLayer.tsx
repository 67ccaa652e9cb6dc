import { useMemo } from "react";
import { AbsoluteFill, Easing, interpolate, useCurrentFrame, useVideoConfig } from "remotion";
import { formatChartValue } from "../../src/match/numbers/format-chart-value.js";
import type { Chart, Theme } from "../../src/schema/storyboard.js";
import type { Box } from "../../src/storyboard/layout.js";
import { splitUnits } from "../../src/text/text-units.js";
import { fitTextBlock } from "../fit-text.js";
import { META_WEIGHT } from "../fonts.js";
import { measureWidth } from "../measure-width.js";
import { placeAt } from "../place-at.js";

export interface ChartLayerProps {
  chart: Chart;
  /** Where the chart goes: the band between the headline and the captions. */
  band: Box;
  theme: Theme;
  /** Body font stack, for the bar names. */
  fontFamily: string;
  /** Headline font stack, for the values. */
  headlineFontFamily: string;
  /** Language of the narration, for writing the values ("1,5 Mio. €"). */
  lang: string;
  /** Frame the first bar starts growing at. */
  enterAt: number;
}

export interface BarGeometry {
  /** The bar at full size. */
  bar: Box;
  /** Where its name is set. */
  label: Box;
  /** Where its value is set, at full size: above a column, right of a row. */
  value: Box;
}

export interface ChartGeometry {
  /** Columns side by side in a wide band, rows stacked in a tall one (portrait). */
  orientation: "columns" | "rows";
  bars: BarGeometry[];
  /** The zero line: x for rows, y for columns. */
  zero: number;
  labelFontSize: number;
  valueFontSize: number;
}

/** Seconds a bar takes to grow to its value. */
export const GROW_SECONDS = 0.8;
/** Seconds between one bar starting and the next. */
const STAGGER_SECONDS = 0.1;
const LABEL_LINE_HEIGHT = 1.15;
const LABEL_LINES = 2;

function valueRange(chart: Chart): { low: number; high: number; span: number } {
  const values = chart.bars.map((bar) => bar.value);
  const high = Math.max(0, ...values);
  const low = Math.min(0, ...values);
  // All zeros still draw a baseline; nothing divides by zero.
  return { low, high, span: high - low || 1 };
}

/**
 * Where every bar, name and value goes in the band, at full size. Pure, so tests can check that a
 * chart fits each aspect and where its pixels should be.
 */
export function chartGeometry(chart: Chart, band: Box): ChartGeometry {
  return band.width >= band.height * 1.1 ? columns(chart, band) : rows(chart, band);
}

function columns(chart: Chart, band: Box): ChartGeometry {
  const n = chart.bars.length;
  const slot = band.width / n;
  const valueFontSize = Math.round(Math.min(band.height * 0.1, slot * 0.26));
  const labelFontSize = Math.round(Math.min(valueFontSize * 0.68, band.height * 0.07));
  const valueHeight = Math.round(valueFontSize * 1.3);
  const labelHeight = Math.round(labelFontSize * LABEL_LINE_HEIGHT * LABEL_LINES);
  const gap = Math.round(labelFontSize * 0.5);
  const { low, high, span } = valueRange(chart);
  const top = band.y + valueHeight;
  const labelTop = band.y + band.height - labelHeight;
  // Below-zero bars carry their value under them, above the names.
  const bottom = labelTop - gap - (low < 0 ? valueHeight : 0);
  const plot = Math.max(1, bottom - top);
  const zero = top + (plot * high) / span;
  const barWidth = Math.min(slot * 0.62, plot * 0.9);
  const bars = chart.bars.map((item, i) => {
    const x = band.x + slot * i;
    const length = (plot * Math.abs(item.value)) / span;
    const y = item.value >= 0 ? zero - length : zero;
    const bar = { x: x + (slot - barWidth) / 2, y, width: barWidth, height: length };
    return {
      bar,
      value: { x, y: item.value >= 0 ? y - valueHeight : y + length, width: slot, height: valueHeight },
      label: { x: x + slot * 0.04, y: labelTop, width: slot * 0.92, height: labelHeight },
    };
  });
  return { orientation: "columns", bars, zero, labelFontSize, valueFontSize };
}

function rows(chart: Chart, band: Box): ChartGeometry {
  const n = chart.bars.length;
  // Two bars in a tall band would be slabs; a row is at most a third of the band's width high.
  const rowHeight = Math.min(band.height / n, band.width * 0.34);
  const top = band.y + (band.height - rowHeight * n) / 2;
  const labelFontSize = Math.round(Math.min(rowHeight * 0.24, band.width * 0.06));
  const labelHeight = Math.round(labelFontSize * LABEL_LINE_HEIGHT * LABEL_LINES);
  const gap = Math.round(labelFontSize * 0.3);
  const thickness = Math.max(4, rowHeight - labelHeight - gap * 3);
  const valueFontSize = Math.round(Math.min(thickness * 0.62, band.width * 0.075));
  const valueWidth = Math.round(band.width * 0.3);
  const plot = Math.max(1, band.width - valueWidth - gap);
  const { low, span } = valueRange(chart);
  const zero = band.x + (plot * -low) / span;
  const bars = chart.bars.map((item, i) => {
    const y = top + rowHeight * i;
    const length = (plot * Math.abs(item.value)) / span;
    const x = item.value >= 0 ? zero : zero - length;
    const barY = y + labelHeight + gap;
    const bar = { x, y: barY, width: length, height: thickness };
    return {
      bar,
      label: { x: band.x, y, width: band.width, height: labelHeight },
      value: { x: (item.value >= 0 ? x + length : zero) + gap, y: barY, width: valueWidth, height: thickness },
    };
  });
  return { orientation: "rows", bars, zero, labelFontSize, valueFontSize };
}

/** How far bar `i` has grown at `frame`, 0–1, easing out. */
export function barProgress(frame: number, i: number, enterAt: number, fps: number): number {
  const start = enterAt + i * STAGGER_SECONDS * fps;
  return interpolate(frame, [start, start + GROW_SECONDS * fps], [0, 1], {
    extrapolateLeft: "clamp",
    extrapolateRight: "clamp",
    easing: Easing.out(Easing.cubic),
  });
}

/** The scene's numbers as bars growing in one after another, named and valued, in the theme's colours. */
export function ChartLayer({ chart, band, theme, fontFamily, headlineFontFamily, lang, enterAt }: ChartLayerProps) {
  const labelWeight = Math.max(META_WEIGHT, theme.fonts.body.weight);
  const valueWeight = theme.fonts.headline.weight;
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const geometry = useMemo(() => chartGeometry(chart, { x: band.x, y: band.y, width: band.width, height: band.height }), [chart, band.x, band.y, band.width, band.height]);
  const values = useMemo(() => chart.bars.map((bar) => formatChartValue(bar.value, chart.unit, lang)), [chart, lang]);
  // One size for all names and one for all values, the largest at which every one fits.
  const text = useMemo(() => {
    const labelMeasure = measureWidth(fontFamily, labelWeight);
    const valueMeasure = measureWidth(headlineFontFamily, valueWeight);
    const labels = geometry.bars.map((bar, i) =>
      fitTextBlock(splitUnits(chart.bars[i]!.label), {
        maxWidth: bar.label.width,
        maxHeight: bar.label.height,
        maxFontSize: geometry.labelFontSize,
        maxLines: LABEL_LINES,
        lineHeight: LABEL_LINE_HEIGHT,
        balance: true,
        measure: labelMeasure,
      }),
    );
    const valueSize = Math.min(
      geometry.valueFontSize,
      ...geometry.bars.map((bar, i) => bar.value.width / Math.max(0.01, valueMeasure(values[i]!))),
    );
    return { labels, labelSize: Math.min(...labels.map((label) => label.fontSize)), valueSize };
  }, [geometry, chart, values, fontFamily, headlineFontFamily, labelWeight, valueWeight]);

  const columns = geometry.orientation === "columns";
  const labelsIn = interpolate(frame, [enterAt, enterAt + 0.3 * fps], [0, 1], { extrapolateLeft: "clamp", extrapolateRight: "clamp" });
  const radius = Math.round(Math.min(12, (columns ? geometry.bars[0]!.bar.width : geometry.bars[0]!.bar.height) * 0.08));
  return (
    <AbsoluteFill style={{ direction: "ltr" }}>
      <div
        style={{
          position: "absolute",
          backgroundColor: theme.colors.text,
          opacity: 0.35 * labelsIn,
          ...(columns
            ? { left: band.x, top: geometry.zero - 1, width: band.width, height: 2 }
            : { left: geometry.zero - 1, top: geometry.bars[0]!.label.y, width: 2, height: geometry.bars.at(-1)!.bar.y + geometry.bars.at(-1)!.bar.height - geometry.bars[0]!.label.y }),
        }}
      />
      {geometry.bars.map((bar, i) => {
        const grown = barProgress(frame, i, enterAt, fps);
        const positive = chart.bars[i]!.value >= 0;
        const box = columns
          ? { ...bar.bar, height: bar.bar.height * grown, y: positive ? bar.bar.y + bar.bar.height * (1 - grown) : bar.bar.y }
          : { ...bar.bar, width: bar.bar.width * grown, x: positive ? bar.bar.x : bar.bar.x + bar.bar.width * (1 - grown) };
        // The value rides on the end of its bar.
        const shift = columns
          ? { top: bar.value.y + (positive ? 1 : -1) * bar.bar.height * (1 - grown) }
          : { left: bar.value.x - (positive ? bar.bar.width * (1 - grown) : 0) };
        const corners = columns ? (positive ? `${radius}px ${radius}px 0 0` : `0 0 ${radius}px ${radius}px`) : positive ? `0 ${radius}px ${radius}px 0` : `${radius}px 0 0 ${radius}px`;
        return (
          <div key={i}>
            <div style={{ ...placeAt(box), backgroundColor: theme.colors.accent, borderRadius: corners }} />
            <div
              style={{
                ...placeAt(bar.value),
                ...shift,
                display: "flex",
                alignItems: columns ? (positive ? "flex-end" : "flex-start") : "center",
                justifyContent: columns ? "center" : "flex-start",
                fontFamily: headlineFontFamily,
                fontWeight: valueWeight,
                fontSize: text.valueSize,
                lineHeight: 1,
                whiteSpace: "pre",
                color: theme.colors.text,
                opacity: interpolate(grown, [0.5, 1], [0, 1], { extrapolateLeft: "clamp" }),
              }}
            >
              {values[i]}
            </div>
            <div
              style={{
                ...placeAt(bar.label),
                display: "flex",
                flexDirection: "column",
                justifyContent: columns ? "flex-start" : "flex-end",
                alignItems: columns ? "center" : "flex-start",
                textAlign: columns ? "center" : "left",
                fontFamily,
                fontWeight: labelWeight,
                fontSize: text.labelSize,
                lineHeight: LABEL_LINE_HEIGHT,
                color: theme.colors.text,
                opacity: 0.9 * labelsIn,
              }}
            >
              {text.labels[i]!.lines.map((line, k) => (
                <div key={k} style={{ whiteSpace: "pre" }}>
                  {line}
                </div>
              ))}
            </div>
          </div>
        );
      })}
    </AbsoluteFill>
  );
}
