import type { CaptionStyle } from "../schema/storyboard.js";
import type { FrameLayout } from "../storyboard/layout.js";
import type { PageRules } from "./paginate-atoms.js";

/** The styles that draw running captions ("headline" draws none). */
export type RunningCaptionStyle = Exclude<CaptionStyle, "headline">;

export interface CaptionLook {
  /** Font size as a multiple of the layout's caption size, before fitting shrinks it. */
  fontScale: number;
  /** The lightest weight the style is set in; a heavier body font weight of the theme wins. */
  fontWeight: number;
  /** Line height, and the box padding around the text, in em. */
  lineHeight: number;
  paddingX: number;
  paddingY: number;
  /** Average advance of a glyph in em, for turning the box width into characters per line. */
  emPerChar: number;
  maxLines: number;
  words: PageRules["words"];
  /** Largest scale of the word being spoken (highlight); 1 = no pop. */
  popScale: number;
}

/**
 * "subtitles": classic two-line subtitles on a dark box (the box frameLayout() reserves is
 * sized for these numbers). "highlight": the short-form social look, a few large bold words
 * at a time with the spoken one lit; it fills the same box with fewer, bigger lines.
 * Subtitles take the theme's body weight; highlight captions are always heavy.
 */
export const CAPTION_LOOKS: Record<RunningCaptionStyle, CaptionLook> = {
  subtitles: { fontScale: 1, fontWeight: 400, lineHeight: 1.3, paddingX: 0.6, paddingY: 0.45, emPerChar: 0.56, maxLines: 2, words: { min: 3, target: null, max: null }, popScale: 1 },
  highlight: { fontScale: 1.2, fontWeight: 800, lineHeight: 1.15, paddingX: 0.5, paddingY: 0.3, emPerChar: 0.62, maxLines: 2, words: { min: 3, target: 5, max: 7 }, popScale: 1.1 },
};

export interface CaptionMetrics extends PageRules {
  style: RunningCaptionStyle;
  look: CaptionLook;
  /** Largest font size of a page, px; a page with a too-wide word is set smaller. */
  fontSize: number;
}

/** Page limits and font size of a caption style in a frame layout. Pure. */
export function captionMetrics(layout: FrameLayout, style: RunningCaptionStyle): CaptionMetrics {
  const look = CAPTION_LOOKS[style];
  if (style === "subtitles") {
    return { style, look, fontSize: layout.captionFontSize, maxCharsPerLine: layout.maxCharsPerLine, maxLines: layout.maxLines, words: look.words };
  }
  const byHeight = layout.captions.height / (look.maxLines * look.lineHeight + 2 * look.paddingY);
  const fontSize = Math.floor(Math.min(layout.captionFontSize * look.fontScale, byHeight));
  const maxCharsPerLine = Math.max(8, Math.floor((layout.captions.width - 2 * look.paddingX * fontSize) / (look.emPerChar * fontSize)));
  return { style, look, fontSize, maxCharsPerLine, maxLines: look.maxLines, words: look.words };
}

/** The weight a caption style is set in with a theme's body font weight. */
export function captionFontWeight(look: Pick<CaptionLook, "fontWeight">, bodyWeight: number): number {
  return Math.max(look.fontWeight, bodyWeight);
}
