import type { HeadlineLook } from "../src/schema/look.js";
import type { Box, FrameLayout } from "../src/storyboard/layout.js";
import { splitUnits } from "../src/text/text-units.js";
import { fitTextBlock, type MeasureWidth } from "./fit-text.js";

export const HEADLINE_LINE_HEIGHT = 1.12;

export interface HeadlineGeometry {
  /** Where the lines are set, at `fontSize`. */
  text: Box;
  fontSize: number;
  lines: string[];
  /** The filled box behind the text (style "box"), or null. */
  panel: Box | null;
  /** The accent mark: the bar beside (or above) the text, the box's edge, or the rule beneath. */
  accent: Box | null;
  /** Where the accent grows from as it enters. */
  accentAxis: "x" | "y";
}

/** Sizes of the marks, in headline font sizes (the layout's, so they do not change with the fit). */
const BAR = 0.08;
const BAR_GAP = 0.3;
const BOX_PAD_X = 0.42;
const BOX_PAD_Y = 0.2;
const BOX_EDGE = 0.12;
const RULE = 0.07;
const RULE_GAP = 0.28;
const RULE_LENGTH = 2.4;

/** The text of a headline as drawn: upper-cased in the headline's language when the look says so. */
export function headlineText(headline: string, look: Pick<HeadlineLook, "uppercase">, lang: string): string {
  return look.uppercase ? headline.toLocaleUpperCase(lang) : headline;
}

function mirror(box: Box, outer: Box): Box {
  return { ...box, x: outer.x + outer.x + outer.width - (box.x + box.width) };
}

/**
 * Where a scene headline, its box and its accent mark go in the layout's headline box, for the
 * theme's style and alignment. Pure (the measurer is passed in), and everything it returns lies
 * inside layout.headline, so inside the safe area.
 */
export function headlineGeometry(
  text: string,
  layout: FrameLayout,
  look: Pick<HeadlineLook, "style" | "align">,
  measure: MeasureWidth,
  rtl: boolean,
): HeadlineGeometry {
  const box = layout.headline;
  const size = layout.headlineFontSize;
  const centred = look.align === "center";
  const px = (em: number, min = 0) => Math.max(min, Math.round(size * em));
  // Room the text may take, and the offsets of the text block inside the drawn group.
  let maxWidth = box.width;
  let maxHeight = box.height;
  const style = look.style;
  const bar = px(BAR, 4);
  const barGap = px(BAR_GAP);
  const padX = px(BOX_PAD_X);
  const padY = px(BOX_PAD_Y);
  const edge = px(BOX_EDGE, 6);
  const rule = px(RULE, 3);
  const ruleGap = px(RULE_GAP);
  if (style === "bar") {
    if (centred) maxHeight -= bar + barGap;
    else maxWidth -= bar + barGap;
  } else if (style === "box") {
    maxWidth -= 2 * padX + (centred ? 0 : edge);
    maxHeight -= 2 * padY + (centred ? edge : 0);
  } else if (style === "underline") {
    maxHeight -= rule + ruleGap;
  }
  const fit = fitTextBlock(splitUnits(text), {
    maxWidth: Math.max(1, maxWidth),
    maxHeight: Math.max(1, maxHeight),
    maxFontSize: size,
    maxLines: layout.headlineMaxLines,
    lineHeight: HEADLINE_LINE_HEIGHT,
    balance: true,
    measure,
  });
  const textWidth = Math.min(fit.width, maxWidth);
  const textHeight = fit.height;

  // The drawn group (text plus marks), then its place in the box.
  let groupWidth = textWidth;
  let groupHeight = textHeight;
  if (style === "bar") {
    if (centred) groupHeight += bar + barGap;
    else groupWidth += bar + barGap;
  } else if (style === "box") {
    // A lower third is a band across the whole safe width.
    groupWidth = layout.headlinePosition === "lower-third" ? box.width : textWidth + 2 * padX + (centred ? 0 : edge);
    groupHeight = textHeight + 2 * padY + (centred ? edge : 0);
  } else if (style === "underline") {
    groupHeight += rule + ruleGap;
  }
  groupWidth = Math.min(groupWidth, box.width);
  groupHeight = Math.min(groupHeight, box.height);
  const gx = centred ? box.x + (box.width - groupWidth) / 2 : box.x;
  const gy =
    layout.headlinePosition === "top"
      ? box.y
      : layout.headlinePosition === "center"
        ? box.y + (box.height - groupHeight) / 2
        : box.y + box.height - groupHeight;

  let textBox: Box;
  let panel: Box | null = null;
  let accent: Box | null = null;
  let accentAxis: "x" | "y" = "x";
  const centreX = (width: number) => gx + (groupWidth - width) / 2;
  if (style === "bar") {
    if (centred) {
      const length = px(1.2);
      accent = { x: centreX(Math.min(length, groupWidth)), y: gy, width: Math.min(length, groupWidth), height: bar };
      textBox = { x: centreX(textWidth), y: gy + bar + barGap, width: textWidth, height: textHeight };
    } else {
      accent = { x: gx, y: gy, width: bar, height: textHeight };
      accentAxis = "y";
      textBox = { x: gx + bar + barGap, y: gy, width: textWidth, height: textHeight };
    }
  } else if (style === "box") {
    panel = { x: gx, y: gy, width: groupWidth, height: groupHeight };
    if (centred) {
      accent = { x: gx, y: gy, width: groupWidth, height: edge };
      textBox = { x: centreX(textWidth), y: gy + edge + padY, width: textWidth, height: textHeight };
    } else {
      accent = { x: gx, y: gy, width: edge, height: groupHeight };
      accentAxis = "y";
      textBox = { x: gx + edge + padX, y: gy + padY, width: textWidth, height: textHeight };
    }
  } else if (style === "underline") {
    const length = Math.min(px(RULE_LENGTH), groupWidth);
    textBox = { x: centred ? centreX(textWidth) : gx, y: gy, width: textWidth, height: textHeight };
    accent = { x: centred ? centreX(length) : gx, y: gy + textHeight + ruleGap, width: length, height: rule };
  } else {
    textBox = { x: centred ? centreX(textWidth) : gx, y: gy, width: textWidth, height: textHeight };
  }
  if (rtl) {
    textBox = mirror(textBox, box);
    panel = panel && mirror(panel, box);
    accent = accent && mirror(accent, box);
  }
  return { text: textBox, fontSize: fit.fontSize, lines: fit.lines, panel, accent, accentAxis };
}
