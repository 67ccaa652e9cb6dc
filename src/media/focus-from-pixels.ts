import type { FocusPoint } from "./cover-crop.js";
import { saliencyMap } from "./saliency-map.js";

/** The point used when a picture gives no answer. */
export const CENTRE_FOCUS: FocusPoint = Object.freeze({ x: 0.5, y: 0.5 });

/** Blur radius as a share of the picture's long side: a subject is a region, not a pixel. */
const BLUR_SHARE = 0.03;
/** How much saliency fades toward the edges (1 at the centre, 1 − this at a border): subjects sit inward more often than not. */
const BORDER_FADE = 0.5;
/** The window searched along the long side is the crop to the opposite orientation (9:16 of a landscape picture, 16:9 of a portrait one). */
const WINDOW_RATIO = 9 / 16;
/** Share of the window's peak below which saliency is left out of the final weighted centre. */
const CENTROID_FLOOR = 0.5;

/** Box blur along one axis with the window cut at the borders (a mean over what is inside), so a flat map stays flat. */
function boxBlurAxis(src: Float32Array, width: number, height: number, radius: number, horizontal: boolean): Float32Array {
  const out = new Float32Array(src.length);
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  const at = (line: number, i: number): number => (horizontal ? line * width + i : i * width + line);
  for (let line = 0; line < lines; line += 1) {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < Math.min(radius, length); i += 1) {
      sum += src[at(line, i)]!;
      count += 1;
    }
    for (let i = 0; i < length; i += 1) {
      const enter = i + radius;
      const leave = i - radius - 1;
      if (enter < length) {
        sum += src[at(line, enter)]!;
        count += 1;
      }
      if (leave >= 0) {
        sum -= src[at(line, leave)]!;
        count -= 1;
      }
      out[at(line, i)] = sum / count;
    }
  }
  return out;
}

/** Three box passes each way: close to a Gaussian, at a cost that does not grow with the radius. */
function blur(map: Float32Array, width: number, height: number, radius: number): Float32Array {
  let out = map;
  for (let pass = 0; pass < 3; pass += 1) {
    out = boxBlurAxis(out, width, height, radius, true);
    out = boxBlurAxis(out, width, height, radius, false);
  }
  return out;
}

const fade = (t: number): number => 1 - BORDER_FADE * (2 * t - 1) ** 2;

/**
 * The point a crop should keep, as fractions of the picture (0,0 top-left): see saliencyMap for
 * what counts. Pure. A picture with nothing standing out answers the centre.
 */
export function focusFromPixels(rgb: Uint8Array, width: number, height: number): FocusPoint {
  if (!(width > 0 && height > 0) || rgb.length < width * height * 3) return CENTRE_FOCUS;
  return focusFromSaliency(saliencyMap(rgb, width, height), width, height);
}

/**
 * The focus for a per-pixel saliency map: blurred to regions and faded toward the borders, the
 * window of the narrowest crop (the opposite orientation) that holds the most saliency is found
 * along the long side, and the answer is the saliency-weighted centre inside it, so the subject
 * itself lands at the crop's centre. Pure; the map is not changed.
 */
export function focusFromSaliency(saliency: Float32Array, width: number, height: number): FocusPoint {
  if (!(width > 0 && height > 0) || saliency.length < width * height) return CENTRE_FOCUS;
  const map = blur(saliency, width, height, Math.max(1, Math.round(BLUR_SHARE * Math.max(width, height))));
  const landscape = width >= height;
  const length = landscape ? width : height;
  const across = landscape ? height : width;
  // Saliency summed per position along the long side.
  const along = new Float64Array(length);
  for (let y = 0; y < height; y += 1) {
    const fy = fade((y + 0.5) / height);
    for (let x = 0; x < width; x += 1) {
      const i = y * width + x;
      map[i] = map[i]! * fy * fade((x + 0.5) / width);
      const a = landscape ? x : y;
      along[a] = along[a]! + map[i]!;
    }
  }
  const span = Math.max(1, Math.min(length, Math.round(WINDOW_RATIO * across)));
  let start = 0;
  let best = -1;
  let sum = 0;
  for (let i = 0; i < length; i += 1) {
    sum += along[i]!;
    if (i >= span) sum -= along[i - span]!;
    // Strictly greater: of windows that tie exactly, the first is kept, so the answer is deterministic.
    if (i >= span - 1 && sum > best) {
      best = sum;
      start = i - span + 1;
    }
  }
  if (!(best > 1e-9)) return CENTRE_FOCUS;
  let peak = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const a = landscape ? x : y;
      if (a >= start && a < start + span && map[y * width + x]! > peak) peak = map[y * width + x]!;
    }
  }
  // Only what stands above a share of the window's peak counts, so faint background spread over
  // the window does not pull the answer toward the middle.
  const floor = CENTROID_FLOOR * peak;
  let mass = 0;
  let alongMoment = 0;
  let acrossMoment = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const a = landscape ? x : y;
      if (a < start || a >= start + span) continue;
      const v = map[y * width + x]! - floor;
      if (v <= 0) continue;
      mass += v;
      alongMoment += v * (a + 0.5);
      acrossMoment += v * ((landscape ? y : x) + 0.5);
    }
  }
  const u = alongMoment / mass / length;
  const v = acrossMoment / mass / across;
  return landscape ? { x: u, y: v } : { x: v, y: u };
}
