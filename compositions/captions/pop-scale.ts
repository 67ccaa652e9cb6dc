import type { CaptionLook } from "../../src/captions/caption-looks.js";

/** Share of the box padding a popped word may grow into. */
const PADDING_SHARE = 0.8;
/** A space is about 0.26 em wide; a popped word may grow into at most half of the space each side. */
const SPACE_EM = 0.26;
const SPACE_SHARE = 0.5;

/**
 * How much the spoken word may grow: the look's pop, but never so much that a word at the
 * edge of the widest line (or of a line's height) grows past the box padding, nor so much that a
 * long word closes the spaces beside it.
 */
export function popScale(wordWidthPx: number, fontSize: number, look: Pick<CaptionLook, "popScale" | "paddingX" | "paddingY" | "lineHeight">): number {
  const byWidth = wordWidthPx > 0 ? 1 + (2 * PADDING_SHARE * look.paddingX * fontSize) / wordWidthPx : Infinity;
  const byGap = wordWidthPx > 0 ? 1 + (2 * SPACE_SHARE * SPACE_EM * fontSize) / wordWidthPx : Infinity;
  const byHeight = 1 + (2 * PADDING_SHARE * look.paddingY) / look.lineHeight;
  return Math.max(1, Math.min(look.popScale, byWidth, byGap, byHeight));
}
