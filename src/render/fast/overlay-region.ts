import { burnedCaptionStyle } from "../../../compositions/captions/burned-caption-style.js";
import type { OverlayLayer } from "../../../compositions/overlay/overlay-states-props.js";
import { storyboardLayout } from "../../../compositions/storyboard-layout.js";
import { captionMetrics } from "../../captions/caption-looks.js";
import type { Storyboard } from "../../schema/storyboard.js";
import type { Box } from "../../storyboard/layout.js";

/**
 * How far a headline may draw outside its layout box, in headline font sizes: a line enters from
 * 0.6 em aside and 0.25 em below, the plain style's shadow blurs 0.6 em, and springs overshoot.
 */
const HEADLINE_REACH_EM = 1.25;
/** The box style's panel shadow (40 px blur, 10 px down), in px. */
const HEADLINE_REACH_PX = 56;
/** A caption's shadows (0.25 em glow, the subtitle box's 30 px blur 8 px down). */
const CAPTIONS_REACH_EM = 0.6;
const CAPTIONS_REACH_PX = 44;

/**
 * The smallest step (px of the storyboard's frame) such that every multiple of it is an even whole
 * number of output pixels at `scale`: regions and tiles on this lattice crop cleanly out of the
 * rendered pages, chroma planes included, and the text is rasterised at the same sub-pixel phase as
 * in a full frame.
 */
export function regionStep(scale: number): number {
  for (let step = 1; step <= 4000; step++) {
    const out = scale * step;
    if (Math.abs(out - Math.round(out)) < 1e-9 && Math.round(out) % 2 === 0) return step;
  }
  return 2;
}

/** The part of the frame (storyboard px, on the regionStep lattice) a layer can draw in. */
export function overlayRegion(board: Storyboard, layer: OverlayLayer, scale: number): Box {
  const { width, height } = board.output;
  const full = { x: 0, y: 0, width, height };
  switch (layer.kind) {
    case "scrim":
    case "marks":
      return full;
    case "headline": {
      const layout = storyboardLayout(board, board.scenes[layer.scene]!);
      return align(grow(layout.headline, layout.headlineFontSize * HEADLINE_REACH_EM + HEADLINE_REACH_PX), width, height, regionStep(scale));
    }
    case "captions": {
      const layout = storyboardLayout(board);
      const running = burnedCaptionStyle(board.captions);
      const fontSize = running ? captionMetrics(layout, running).fontSize : layout.captionFontSize;
      return align(grow(layout.captions, fontSize * CAPTIONS_REACH_EM + CAPTIONS_REACH_PX), width, height, regionStep(scale));
    }
  }
}

function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

function align(box: Box, width: number, height: number, step: number): Box {
  const x0 = Math.max(0, Math.floor(box.x / step) * step);
  const y0 = Math.max(0, Math.floor(box.y / step) * step);
  const x1 = Math.min(width, Math.ceil((box.x + box.width) / step) * step);
  const y1 = Math.min(height, Math.ceil((box.y + box.height) / step) * step);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
