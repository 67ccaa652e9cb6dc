import type { OverlayLayer, OverlayTile } from "../../../compositions/overlay/overlay-states-props.js";
import type { Storyboard } from "../../schema/storyboard.js";
import type { Box } from "../../storyboard/layout.js";
import { overlayRegion, regionStep } from "./overlay-region.js";
import { overlayLayerId, overlayStateKeys } from "./overlay-state-keys.js";

/** A layer needed over timeline frames [from, to). */
export interface OverlayRequest {
  layer: OverlayLayer;
  from: number;
  /** Exclusive. */
  to: number;
}

/** Where each frame of a requested layer is found: the page it is drawn on and the tile's top. */
export interface OverlayLayerFrames {
  layer: OverlayLayer;
  /** Storyboard px; the tile is this size, at the page's left edge. */
  region: Box;
  from: number;
  to: number;
  /** Per frame of [from, to): index into the plan's pages, and the tile's top in that page (storyboard px). */
  page: number[];
  y: number[];
}

export interface OverlayPagePlan {
  pageWidth: number;
  pageHeight: number;
  /** What each page draws: frame k of the overlay composition draws pages[k]. */
  pages: OverlayTile[][];
  layers: OverlayLayerFrames[];
  /** Distinct states drawn, and frames they stand for. */
  states: number;
  frames: number;
}

/**
 * Which states to draw and where: each layer's frames are keyed (overlayStateKeys), one tile is
 * drawn per distinct key of a layer (shared by every request for it), and new tiles, of any
 * layer, are stacked down pages as tall as the frame's longer side, so one screenshot holds
 * several states. Pages are filled in request order, so a request's tiles are drawn once the pages
 * up to its last are. With `hold` above 1 the layers' animation moves only every `hold` frames of the video
 * (a draft's economy). Pure.
 */
export function planOverlayPages(board: Storyboard, requests: readonly OverlayRequest[], scale: number, hold = 1): OverlayPagePlan {
  const { width, height } = board.output;
  const step = regionStep(scale);
  const pageHeight = Math.ceil(Math.max(width, height) / step) * step;
  const pages: OverlayTile[][] = [];
  let states = 0;
  let frames = 0;
  const placed = new Map<string, { page: number; y: number }>();
  /** Height of the last page filled so far. */
  let used = Infinity;
  const layers = requests.map((request): OverlayLayerFrames => {
    const region = overlayRegion(board, request.layer, scale);
    const id = overlayLayerId(request.layer);
    const sampled = heldFrames(request.from, request.to, hold);
    const first = sampled[0] ?? request.from;
    const keys = overlayStateKeys(board, request.layer, first, request.to).map((key) => `${id} ${key}`);
    const page: number[] = [];
    const y: number[] = [];
    sampled.forEach((frame) => {
      const key = keys[frame - first]!;
      let at = placed.get(key);
      if (!at) {
        if (used + region.height > pageHeight) {
          pages.push([]);
          used = 0;
        }
        at = { page: pages.length - 1, y: used };
        pages[at.page]!.push({ layer: request.layer, frame, region, y: at.y });
        used += region.height;
        placed.set(key, at);
        states++;
      }
      page.push(at.page);
      y.push(at.y);
    });
    frames += sampled.length;
    return { layer: request.layer, region, from: request.from, to: request.to, page, y };
  });
  return { pageWidth: width, pageHeight, pages, layers, states, frames };
}

/**
 * The frame drawn for each frame of [from, to): itself, or with `hold` > 1 the last multiple of
 * hold (of the whole video) at or before it, but never one before `from` (a segment shows only
 * its own frames' states, which its cache key covers).
 */
export function heldFrames(from: number, to: number, hold: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => {
    const t = from + i;
    return hold > 1 ? Math.max(from, t - (t % hold)) : t;
  });
}
