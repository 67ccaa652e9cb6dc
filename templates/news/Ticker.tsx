import { AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig } from "remotion";
import type { Storyboard } from "../../src/schema/storyboard.js";
import type { Box, FrameLayout } from "../../src/storyboard/layout.js";
import type { TemplateLayerProps } from "../../compositions/template-layer-props.js";

/** Band height as a share of the frame's shorter side. */
const BAND = 0.045;
/** Scroll speed, in band heights per second. */
const SPEED = 2.6;
/** An average glyph is about this many ems wide; only the scroll speed depends on it, never the loop. */
const GLYPH_EM = 0.52;
/** The band keeps at least this share of the safe width beside the corner marks, or moves below them. */
const MIN_SHARE = 0.3;
const FADE_FRAMES = 10;

/** The band's place: the top row of the safe area, beside the corner marks that share it. */
export function tickerBox(layout: FrameLayout): Box {
  const { safe } = layout;
  const height = Math.round(Math.min(layout.width, layout.height) * BAND);
  const gap = Math.round(height * 0.5);
  const top = [layout.logo, layout.watermark].filter((b): b is Box => b !== null && b.y < safe.y + safe.height / 2);
  let left = safe.x;
  let right = safe.x + safe.width;
  for (const mark of top) {
    if (mark.x + mark.width / 2 < safe.x + safe.width / 2) left = Math.max(left, mark.x + mark.width + gap);
    else right = Math.min(right, mark.x - gap);
  }
  if (top.length === 0) return { x: safe.x, y: safe.y, width: safe.width, height };
  if (right - left < safe.width * MIN_SHARE) {
    const below = Math.max(...top.map((b) => b.y + b.height)) + gap;
    return { x: safe.x, y: below, width: safe.width, height };
  }
  const row = Math.max(...top.map((b) => b.y + b.height)) - safe.y;
  return { x: left, y: Math.round(safe.y + Math.max(0, (row - height) / 2)), width: right - left, height };
}

/** The frames the ticker shows: from the first scene after the title card to the closing card. */
export function tickerSpan(board: Pick<Storyboard, "scenes">): { from: number; to: number } | null {
  const first = board.scenes.findIndex((s) => s.kind !== "title");
  if (first < 0 || board.scenes[first]!.kind === "closing") return null;
  const closing = board.scenes.findIndex((s, i) => i > first && s.kind === "closing");
  const last = board.scenes.at(-1)!;
  return { from: board.scenes[first]!.startFrame, to: closing < 0 ? last.startFrame + last.durationInFrames : board.scenes[closing]!.startFrame };
}

/** The stories the ticker runs: the video's title, then the content scenes' headlines, each once. */
export function tickerItems(board: Pick<Storyboard, "scenes" | "meta">): string[] {
  const headlines = board.scenes.filter((s) => s.kind === "content").map((s) => s.headline.trim());
  return [...new Set([board.meta.title.trim(), ...headlines])].filter((text) => text.length > 0);
}

/**
 * The news template's ticker: a band across the top of the safe area (beside the logo) with the
 * site's name on an accent label and the video's headlines running past, shown between the
 * title and closing cards.
 */
export function Ticker({ storyboard, layout, fontFamily, headlineFontFamily }: TemplateLayerProps) {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const span = tickerSpan(storyboard);
  if (span === null || frame < span.from || frame >= span.to) return null;

  const { theme, meta } = storyboard;
  const rtl = meta.dir === "rtl";
  const box = tickerBox(layout);
  const fontSize = Math.round(box.height * 0.5);
  const enter = spring({ frame: frame - span.from, fps, config: { damping: 200 }, durationInFrames: 14 });
  const opacity = interpolate(frame, [span.to - FADE_FRAMES, span.to], [1, 0], { extrapolateLeft: "clamp", extrapolateRight: "clamp" });

  const items = tickerItems(storyboard);
  // One copy of the run, repeated until two copies cover the band; the track then loops by
  // moving exactly one copy's width (a percentage of itself), so it never jumps.
  const copyEms = items.reduce((n, item) => n + item.length * GLYPH_EM + 2.4, 0);
  const copyPx = Math.max(1, copyEms * fontSize);
  const copies = Math.max(2, Math.ceil((2 * box.width) / copyPx) + 1);
  const seconds = (frame - span.from) / fps;
  const phase = ((seconds * SPEED * box.height) / copyPx) % 1;
  const shift = (phase / copies) * 100;

  const label = meta.siteName?.trim() || null;
  const fade = rtl ? "to left" : "to right";
  return (
    <AbsoluteFill style={{ opacity }}>
      <div
        style={{
          position: "absolute",
          left: box.x,
          top: box.y,
          width: box.width,
          height: box.height,
          display: "flex",
          flexDirection: rtl ? "row-reverse" : "row",
          alignItems: "stretch",
          overflow: "hidden",
          background: theme.colors.captionBackground,
          boxShadow: `inset 0 ${-Math.max(2, Math.round(box.height * 0.06))}px 0 ${theme.colors.accent}`,
          clipPath: rtl ? `inset(0 0 0 ${(1 - enter) * 100}%)` : `inset(0 ${(1 - enter) * 100}% 0 0)`,
        }}
      >
        {label ? (
          <div
            style={{
              flex: "none",
              maxWidth: "50%",
              display: "flex",
              alignItems: "center",
              padding: `0 ${Math.round(fontSize * 0.8)}px`,
              background: theme.colors.accent,
              color: theme.colors.text,
              fontFamily: headlineFontFamily,
              fontWeight: theme.fonts.headline.weight,
              fontSize,
              letterSpacing: "0.06em",
              textTransform: "uppercase",
              whiteSpace: "nowrap",
            }}
          >
            <span style={{ overflow: "hidden", textOverflow: "ellipsis" }}>{label}</span>
          </div>
        ) : null}
        <div
          style={{
            position: "relative",
            flex: 1,
            overflow: "hidden",
            maskImage: `linear-gradient(${fade}, transparent 0, black ${fontSize}px, black calc(100% - ${fontSize * 2}px), transparent 100%)`,
          }}
        >
          <div
            style={{
              position: "absolute",
              top: 0,
              bottom: 0,
              left: rtl ? undefined : 0,
              right: rtl ? 0 : undefined,
              width: "max-content",
              display: "flex",
              flexDirection: rtl ? "row-reverse" : "row",
              alignItems: "center",
              whiteSpace: "nowrap",
              transform: `translateX(${rtl ? shift : -shift}%)`,
              fontFamily,
              fontWeight: theme.fonts.body.weight,
              fontSize,
              color: theme.colors.captionText,
              direction: rtl ? "rtl" : "ltr",
            }}
          >
            {Array.from({ length: copies }, (_, copy) =>
              items.map((item, i) => (
                <span key={`${copy}-${i}`} style={{ display: "inline-flex", alignItems: "center" }}>
                  <span style={{ padding: `0 ${Math.round(fontSize * 0.9)}px` }}>{item}</span>
                  <span
                    style={{
                      width: Math.round(fontSize * 0.36),
                      height: Math.round(fontSize * 0.36),
                      background: theme.colors.accent,
                      transform: "rotate(45deg)",
                    }}
                  />
                </span>
              )),
            )}
          </div>
        </div>
      </div>
    </AbsoluteFill>
  );
}

// Template components are found by this name (or as the default export).
export { Ticker as Layer };
