import type { Aspect } from "../schema/storyboard.js";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FrameLayout {
  width: number;
  height: number;
  /** Title-safe area: nothing with text goes outside it. */
  safe: Box;
  headline: Box;
  captions: Box;
  /** Caption page limits for this aspect. */
  maxCharsPerLine: number;
  maxLines: number;
  captionFontSize: number;
  headlineFontSize: number;
}

export const OUTPUT_SIZES: Record<Aspect, { width: number; height: number }> = {
  "16:9": { width: 1920, height: 1080 },
  "9:16": { width: 1080, height: 1920 },
  "1:1": { width: 1080, height: 1080 },
  "4:5": { width: 1080, height: 1350 },
};

/** The boxes text is laid out in, for a frame size. Pure, so tests can check it directly. */
export function frameLayout(width: number, height: number): FrameLayout {
  const portrait = height > width * 1.2;
  const square = !portrait && height > width * 0.8;
  // 5% action-safe each side, plus the bottom band that social apps cover in portrait.
  const marginX = Math.round(width * (portrait ? 0.07 : 0.06));
  const marginTop = Math.round(height * (portrait ? 0.1 : 0.07));
  const marginBottom = Math.round(height * (portrait ? 0.18 : 0.08));
  const safe: Box = { x: marginX, y: marginTop, width: width - 2 * marginX, height: height - marginTop - marginBottom };
  const captionFontSize = Math.round((portrait ? 0.06 : square ? 0.052 : 0.045) * width * (portrait ? 1 : square ? 1 : 0.6));
  const maxLines = 2;
  const captionsHeight = Math.round(captionFontSize * 1.3 * maxLines + captionFontSize * 0.9);
  const captions: Box = {
    x: safe.x,
    y: safe.y + safe.height - captionsHeight,
    width: safe.width,
    height: captionsHeight,
  };
  const headlineFontSize = Math.round(captionFontSize * 1.7);
  const headline: Box = {
    x: safe.x,
    y: safe.y,
    width: safe.width,
    height: Math.round(headlineFontSize * 1.2 * 3 + headlineFontSize * 0.4),
  };
  // An average Latin glyph is about 0.55 em wide in Inter; leave room for the box padding.
  const maxCharsPerLine = Math.floor((captions.width - captionFontSize * 1.2) / (captionFontSize * 0.56));
  return { width, height, safe, headline, captions, maxCharsPerLine, maxLines, captionFontSize, headlineFontSize };
}

export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}
