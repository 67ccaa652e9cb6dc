import type { Box, FrameLayout } from "../src/storyboard/layout.js";

/** Gap kept between a card and the captions box, in caption font sizes. */
const GAP = 0.5;

/** Room for a centred card (title, closing): the safe area, less the captions box when it shows. */
export function cardArea(layout: FrameLayout, withCaptions: boolean): Box {
  const { safe, captions } = layout;
  const bottom = withCaptions ? captions.y - Math.round(layout.captionFontSize * GAP) : safe.y + safe.height;
  return { x: safe.x, y: safe.y, width: safe.width, height: bottom - safe.y };
}
