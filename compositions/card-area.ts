import type { Box, FrameLayout } from "../src/storyboard/layout.js";

/** Gap kept between a card and the captions box, in caption font sizes. */
const GAP = 0.5;

/** Room for a title or closing card: the content area, less the captions box when it shows. */
export function cardArea(layout: FrameLayout, withCaptions: boolean): Box {
  const { content, captions } = layout;
  const bottom = withCaptions ? captions.y - Math.round(layout.captionFontSize * GAP) : content.y + content.height;
  return { x: content.x, y: content.y, width: content.width, height: bottom - content.y };
}
