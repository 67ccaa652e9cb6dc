import type { HeadlineLook, LogoLook, Margins, Placement, SafeMargins, Watermark } from "../schema/look.js";
import { LEGACY_THEME_PARTS, type Aspect } from "../schema/storyboard.js";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type HeadlinePosition = HeadlineLook["position"];

export interface FrameLayout {
  width: number;
  height: number;
  /** 9:16 and 4:5 are portrait (social apps cover their bottom band); 16:9 and 1:1 landscape. */
  orientation: "portrait" | "landscape";
  /** Title-safe area: nothing with text goes outside it. */
  safe: Box;
  /** The safe area less the rows kept for corner marks (logo, watermark): where headlines, captions and cards go. */
  content: Box;
  headline: Box;
  headlinePosition: HeadlinePosition;
  /** Most lines a scene headline is set in. */
  headlineMaxLines: number;
  captions: Box;
  /** Where the logo may draw (its height, and the widest it may be), in its corner; null without one. */
  logo: Box | null;
  /** Where the watermark may draw, in its corner; null without one. */
  watermark: Box | null;
  /** Caption page limits for this aspect. */
  maxCharsPerLine: number;
  maxLines: number;
  captionFontSize: number;
  headlineFontSize: number;
}

/** What a theme decides about the layout; a storyboard's `theme` can be passed as it is. */
export interface FrameLayoutOptions {
  /** @default the margins before templates (6–8% landscape, 7–18% portrait) */
  safeMargins?: SafeMargins;
  /** @default top, scale 1, start */
  headline?: Pick<HeadlineLook, "position" | "scale"> & { align?: HeadlineLook["align"] };
  /** Room is kept for the logo only when it has a placement and (if given) a file. */
  logo?: Pick<LogoLook, "placement" | "size"> & { file?: string | null };
  watermark?: Pick<Watermark, "placement" | "size"> | null;
  /** Whether running captions are drawn; without them a bottom headline sits on the content's bottom. @default true */
  captions?: boolean;
}

export const OUTPUT_SIZES: Record<Aspect, { width: number; height: number }> = {
  "16:9": { width: 1920, height: 1080 },
  "9:16": { width: 1080, height: 1920 },
  "1:1": { width: 1080, height: 1080 },
  "4:5": { width: 1080, height: 1350 },
};

/** A wordmark may be this many times wider than it is high; wider ones are drawn smaller. */
const LOGO_MAX_ASPECT = 4;
/** Share of the safe width a corner mark may take at most. */
const CORNER_MAX_SHARE = 0.4;
/** A watermark text box may be this many times wider than it is high. */
const WATERMARK_MAX_ASPECT = 10;
/** Headline box height per line, and its extra room (box padding, descenders), in headline font sizes. */
const HEADLINE_LINE = 1.2;
const HEADLINE_EXTRA = 0.4;
const LOWER_THIRD_LINES = 2;
const HEADLINE_MAX_SHARE = 0.6;
const HEADLINE_LINES = 3;
/** A top headline moves beside the top corner marks only if it keeps this share of the safe width. */
const BESIDE_MIN_SHARE = 0.7;
/** Gap between stacked boxes (corner marks, headline, captions), in caption font sizes. */
const GAP = 0.5;

function cornerBox(safe: Box, placement: Exclude<Placement, "none">, width: number, height: number, inset: number): Box {
  const right = placement.endsWith("right");
  const bottom = placement.startsWith("bottom");
  return {
    x: right ? safe.x + safe.width - width : safe.x,
    y: bottom ? safe.y + safe.height - height - inset : safe.y + inset,
    width,
    height,
  };
}

/**
 * The span of the safe width left free by marks in the top corners (both sides alike for a
 * centred headline, so it stays centred); null when that would leave less than
 * BESIDE_MIN_SHARE of the width.
 */
function besideMarks(safe: Box, topMarks: readonly Box[], gap: number, centred: boolean): { x: number; width: number } | null {
  if (topMarks.length === 0) return null;
  const inset = Math.max(...topMarks.map((b) => b.width + gap));
  const onLeft = topMarks.some((b) => b.x === safe.x);
  const onRight = topMarks.some((b) => b.x + b.width === safe.x + safe.width);
  const left = onLeft || centred ? inset : 0;
  const right = onRight || centred ? inset : 0;
  const width = safe.width - left - right;
  return width >= safe.width * BESIDE_MIN_SHARE ? { x: safe.x + left, width } : null;
}

/**
 * The boxes text is laid out in, for a frame size and a theme's margins, headline position and
 * corner marks. Pure, so tests can check that every box stays inside the safe area.
 */
export function frameLayout(width: number, height: number, options: FrameLayoutOptions = {}): FrameLayout {
  const portrait = height > width * 1.2;
  const square = !portrait && height > width * 0.8;
  const margins: Margins = (options.safeMargins ?? LEGACY_THEME_PARTS.safeMargins)[portrait ? "portrait" : "landscape"];
  const marginX = Math.round(width * margins.x);
  const marginTop = Math.round(height * margins.top);
  const marginBottom = Math.round(height * margins.bottom);
  const safe: Box = { x: marginX, y: marginTop, width: width - 2 * marginX, height: height - marginTop - marginBottom };
  const shorter = Math.min(width, height);
  const captionFontSize = Math.round((portrait ? 0.06 : square ? 0.052 : 0.045) * width * (portrait ? 1 : square ? 1 : 0.6));
  const gap = Math.round(captionFontSize * GAP);

  // Corner marks: the logo on the edge of its corner, a watermark in the same corner stacked inward.
  const logoSpec = options.logo;
  const hasLogo = !!logoSpec && logoSpec.placement !== "none" && logoSpec.file !== null;
  let logo: Box | null = null;
  if (hasLogo) {
    const h = Math.round(logoSpec.size * shorter);
    const w = Math.round(Math.min(h * LOGO_MAX_ASPECT, safe.width * CORNER_MAX_SHARE));
    logo = cornerBox(safe, logoSpec.placement as Exclude<Placement, "none">, w, h, 0);
  }
  let watermark: Box | null = null;
  if (options.watermark) {
    const { placement, size } = options.watermark;
    const h = Math.round(size * shorter);
    const w = Math.round(Math.min(h * WATERMARK_MAX_ASPECT, safe.width * CORNER_MAX_SHARE));
    const shared = hasLogo && logoSpec.placement === placement;
    watermark = cornerBox(safe, placement, w, h, shared && logo ? logo.height + gap : 0);
  }
  const marks = [logo, watermark].filter((b): b is Box => b !== null);
  const mid = safe.y + safe.height / 2;
  const keptTop = Math.max(0, ...marks.filter((b) => b.y < mid).map((b) => b.y + b.height - safe.y + gap));
  const keptBottom = Math.max(0, ...marks.filter((b) => b.y >= mid).map((b) => safe.y + safe.height - b.y + gap));
  const content: Box = { x: safe.x, y: safe.y + keptTop, width: safe.width, height: Math.max(0, safe.height - keptTop - keptBottom) };

  const maxLines = 2;
  const captionsHeight = Math.min(content.height, Math.round(captionFontSize * 1.3 * maxLines + captionFontSize * 0.9));
  const captions: Box = { x: content.x, y: content.y + content.height - captionsHeight, width: content.width, height: captionsHeight };

  const position = options.headline?.position ?? "top";
  const scale = options.headline?.scale ?? 1;
  const headlineFontSize = Math.round(captionFontSize * 1.7 * scale);
  const headlineMaxLines = position === "lower-third" ? LOWER_THIRD_LINES : HEADLINE_LINES;
  // A top headline shares the row of the top marks when it keeps most of the width beside them.
  const beside = position === "top" ? besideMarks(safe, marks.filter((b) => b.y < mid), gap, options.headline?.align === "center") : null;
  const textTop = beside ? safe.y : content.y;
  const textBottom = options.captions === false ? content.y + content.height : captions.y - gap;
  const room = Math.max(0, textBottom - textTop);
  // Never more than HEADLINE_MAX_SHARE of the room, so charts and kinetic type keep a band beside it.
  const headlineHeight = Math.min(Math.round(room * HEADLINE_MAX_SHARE), Math.round(headlineFontSize * (HEADLINE_LINE * headlineMaxLines + HEADLINE_EXTRA)));
  const headlineY =
    position === "top" ? textTop : position === "center" ? Math.round(textTop + (room - headlineHeight) / 2) : textBottom - headlineHeight;
  const headline: Box = { x: beside?.x ?? content.x, y: headlineY, width: beside?.width ?? content.width, height: headlineHeight };

  // An average Latin glyph is about 0.55 em wide in Inter; leave room for the box padding.
  const maxCharsPerLine = Math.floor((captions.width - captionFontSize * 1.2) / (captionFontSize * 0.56));
  return {
    width,
    height,
    orientation: portrait ? "portrait" : "landscape",
    safe,
    content,
    headline,
    headlinePosition: position,
    headlineMaxLines,
    captions,
    logo,
    watermark,
    maxCharsPerLine,
    maxLines,
    captionFontSize,
    headlineFontSize,
  };
}

export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
