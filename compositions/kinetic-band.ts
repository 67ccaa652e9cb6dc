import type { Box, FrameLayout } from "../src/storyboard/layout.js";

/** Gap kept from the headline and captions boxes, in caption font sizes. */
const GAP = 0.4;

/** The free band between the headline box and the captions box, where kinetic type moves. */
export function kineticBand(layout: FrameLayout): Box {
  const { safe, headline, captions } = layout;
  const gap = Math.round(layout.captionFontSize * GAP);
  const top = headline.y + headline.height + gap;
  const bottom = captions.y - gap;
  return { x: safe.x, y: top, width: safe.width, height: Math.max(0, bottom - top) };
}
