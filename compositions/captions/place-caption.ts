import type { CaptionMetrics } from "../../src/captions/caption-looks.js";
import type { Box, FrameLayout } from "../../src/storyboard/layout.js";
import { fitCaptionLines, type MeasureWidth } from "../fit-text.js";

export interface CaptionPlacement {
  /** Font size the page is set at: the style's size, or smaller when a line would not fit. */
  fontSize: number;
  /** The caption box, padding included, in frame pixels: centred at the bottom of the captions box. */
  box: Box;
  /**
   * The same box as the fit computed it, before clamping to the captions box: what the text at
   * `fontSize` needs. Tests check this one, since `box` is inside the captions box by construction.
   */
  fitted: Box;
}

function bottomCentred(area: Box, width: number, height: number): Box {
  return { x: area.x + (area.width - width) / 2, y: area.y + area.height - height, width, height };
}

/**
 * Where a caption page goes and how big it is set. The layer draws exactly this box, so a test
 * of this function is a test of what is on screen: it always lies inside layout.captions, and
 * so inside the safe area.
 */
export function placeCaption(lines: readonly string[], layout: FrameLayout, metrics: CaptionMetrics, measure: MeasureWidth): CaptionPlacement {
  const area = layout.captions;
  const { lineHeight, paddingX, paddingY } = metrics.look;
  const fit = fitCaptionLines(lines, { box: area, maxFontSize: metrics.fontSize, lineHeight, paddingX, paddingY, measure });
  // The fit is computed in floating point; clamp so rounding can never put an edge outside.
  const box = bottomCentred(area, Math.min(fit.width, area.width), Math.min(fit.height, area.height));
  return { fontSize: fit.fontSize, box, fitted: bottomCentred(area, fit.width, fit.height) };
}
