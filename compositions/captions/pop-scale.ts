import type { CaptionLook } from "../../src/captions/caption-looks.js";

/** Share of the box padding a popped word may grow into. */
const PADDING_SHARE = 0.8;

/**
 * How much the spoken word may grow: the look's pop, but never so much that a word at the
 * edge of the widest line (or of a line's height) grows past the box padding.
 */
export function popScale(wordWidthPx: number, fontSize: number, look: Pick<CaptionLook, "popScale" | "paddingX" | "paddingY" | "lineHeight">): number {
  const byWidth = wordWidthPx > 0 ? 1 + (2 * PADDING_SHARE * look.paddingX * fontSize) / wordWidthPx : Infinity;
  const byHeight = 1 + (2 * PADDING_SHARE * look.paddingY) / look.lineHeight;
  return Math.max(1, Math.min(look.popScale, byWidth, byHeight));
}
