import type { FocusPoint } from "./cover-crop.js";
import { decodeThumbnail, DEFAULT_THUMBNAIL_SIDE } from "./decode-thumbnail.js";
import { CENTRE_FOCUS, focusFromPixels } from "./focus-from-pixels.js";
import { probeVideo } from "./probe-media.js";

export interface FindFocusOptions {
  /** A video is read at `atSeconds` (its middle when not given); an image at its only frame. @default "image" */
  kind?: "image" | "video";
  atSeconds?: number;
  signal?: AbortSignal;
}

/**
 * The point of an image (or of a video frame near its middle) that a crop should keep, as
 * fractions of its width and height; see focusFromPixels. Never fails the pipeline: a file that
 * cannot be decoded answers the centre. A cancelled `signal` still rejects.
 */
export async function findFocus(file: string, options: FindFocusOptions = {}): Promise<FocusPoint> {
  try {
    return await detectFocus(file, options);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return CENTRE_FOCUS;
  }
}

/** As findFocus, but throws (E_MEDIA) when the file cannot be read, so a caller can keep a focus it already had. */
export async function detectFocus(file: string, options: FindFocusOptions = {}): Promise<FocusPoint> {
  let atSeconds = options.atSeconds;
  if (options.kind === "video" && atSeconds === undefined) atSeconds = (await probeVideo(file, { signal: options.signal })).durationSeconds / 2;
  const { rgb, width, height } = await decodeThumbnail(file, { longSide: DEFAULT_THUMBNAIL_SIDE, atSeconds: options.kind === "video" ? atSeconds : undefined, signal: options.signal });
  return focusFromPixels(rgb, width, height);
}
