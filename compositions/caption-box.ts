/**
 * Caption box metrics in em. frameLayout() reserves captionFontSize × (1.3 × maxLines + 0.9) of
 * height and 1.2 em of horizontal padding, so these must stay in step with it.
 */
export const CAPTION_BOX = {
  lineHeight: 1.3,
  paddingX: 0.6,
  paddingY: 0.45,
} as const;
