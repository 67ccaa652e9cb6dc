import type { Box, FrameLayout } from "../src/storyboard/layout.js";

/** Gap kept from the headline and captions boxes, in caption font sizes. */
const GAP = 0.4;

/**
 * The free band where kinetic type and charts go: between the headline and the captions when
 * the headline is at the top, above it when it sits low, and the larger side when it is centred.
 */
export function kineticBand(layout: FrameLayout): Box {
  const { content, headline, captions } = layout;
  const gap = Math.round(layout.captionFontSize * GAP);
  const below = { top: headline.y + headline.height + gap, bottom: captions.y - gap };
  const above = { top: content.y, bottom: headline.y - gap };
  const pick =
    layout.headlinePosition === "top"
      ? below
      : layout.headlinePosition === "center" && below.bottom - below.top > above.bottom - above.top
        ? below
        : above;
  return { x: content.x, y: pick.top, width: content.width, height: Math.max(0, pick.bottom - pick.top) };
}
