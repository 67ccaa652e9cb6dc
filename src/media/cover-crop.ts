/**
 * Where a picture sits when it covers a frame: its drawn size in px and the offset of its top-left
 * corner from the frame's top-left in px (x and y are 0 or negative: the picture never leaves a gap).
 */
export interface CoverCrop {
  width: number;
  height: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A point on a picture as fractions of its width and height (0,0 top-left, 1,1 bottom-right). */
export interface FocusPoint {
  x: number;
  y: number;
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

/** Offset along one axis that puts `focus` (0–1) of a `drawn`-long span at the middle of a `frame`-long span, with no edge showing. */
function placeAxis(drawn: number, frame: number, focus: number): number {
  const wanted = frame / 2 - clamp(Number.isFinite(focus) ? focus : 0.5, 0, 1) * drawn;
  // The + 0 turns a -0 into 0, so callers comparing with 0 are not surprised.
  return clamp(wanted, Math.min(0, frame - drawn), 0) + 0;
}

/**
 * Scales `media` to cover `frame` exactly (the larger of the two ratios, so one side fits and the
 * other overflows) and slides it so the `focus` point lands at the frame's centre as far as the
 * edges allow. Pure and browser-safe: compositions call it for every aspect ratio.
 */
export function coverCrop(media: Size, frame: Size, focus: FocusPoint): CoverCrop {
  if (!(media.width > 0 && media.height > 0)) return { width: frame.width, height: frame.height, x: 0, y: 0 };
  const byWidth = frame.width / media.width;
  const byHeight = frame.height / media.height;
  // The side that fits takes the frame's size as is, so rounding never leaves a sub-pixel gap.
  const width = byWidth >= byHeight ? frame.width : media.width * byHeight;
  const height = byWidth >= byHeight ? media.height * byWidth : frame.height;
  return { width, height, x: placeAxis(width, frame.width, focus.x), y: placeAxis(height, frame.height, focus.y) };
}
