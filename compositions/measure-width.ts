import { measureText } from "@remotion/layout-utils";
import type { MeasureWidth } from "./fit-text.js";

const REFERENCE_SIZE = 100;
/** Glyph advances do not scale exactly linearly (hinting, rounding); keep a little slack. */
const SAFETY = 1.03;

/** A browser measurer: width of a text at 1 px, from one measurement at a reference size. */
export function measureWidth(fontFamily: string, fontWeight: number, letterSpacingEm = 0): MeasureWidth {
  return (text) =>
    (measureText({
      text,
      fontFamily,
      fontWeight,
      fontSize: REFERENCE_SIZE,
      letterSpacing: letterSpacingEm ? `${letterSpacingEm * REFERENCE_SIZE}px` : undefined,
    }).width /
      REFERENCE_SIZE) *
    SAFETY;
}
