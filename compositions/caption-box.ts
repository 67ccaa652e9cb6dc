import { CAPTION_LOOKS } from "../src/captions/caption-looks.js";

/**
 * Subtitle box metrics in em. frameLayout() reserves captionFontSize × (1.3 × maxLines + 0.9) of
 * height and 1.2 em of horizontal padding, so these must stay in step with it.
 */
export const CAPTION_BOX = {
  lineHeight: CAPTION_LOOKS.subtitles.lineHeight,
  paddingX: CAPTION_LOOKS.subtitles.paddingX,
  paddingY: CAPTION_LOOKS.subtitles.paddingY,
} as const;
