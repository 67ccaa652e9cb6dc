import { useMemo } from "react";
import { AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig } from "remotion";
import type { Theme } from "../../src/schema/storyboard.js";
import type { FrameLayout } from "../../src/storyboard/layout.js";
import { HEADLINE_LINE_HEIGHT, headlineGeometry, headlineText } from "../headline-geometry.js";
import { headlineTracking } from "../headline-tracking.js";
import { measureWidth } from "../measure-width.js";
import { placeAt } from "../place-at.js";

export interface HeadlineLayerProps {
  headline: string;
  layout: FrameLayout;
  theme: Theme;
  /** The headline font's stack. */
  fontFamily: string;
  lang: string;
  rtl: boolean;
  /** Frame the entrance starts at (after the transition has mostly happened). */
  enterAt: number;
}

/** Shadows in the theme's background colour: dark under light text, a soft glow under dark text on a light theme. */
function shadow(style: Theme["headline"]["style"], color: string): string {
  const c = (percent: number) => `color-mix(in srgb, ${color} ${percent}%, transparent)`;
  switch (style) {
    case "bar":
      return `0 1px 3px ${c(40)}, 0 2px 24px ${c(40)}`;
    case "underline":
      return `0 1px 3px ${c(30)}, 0 2px 20px ${c(30)}`;
    case "plain":
      return `0 0.03em 0.05em ${c(80)}, 0 0.02em 0.6em ${c(60)}`;
    case "box":
      return "none";
  }
}

/**
 * The scene headline in the layout's headline box, in the theme's style: beside an accent bar,
 * on a filled box with an accent edge, above an accent rule, or as plain shadowed text.
 */
export function HeadlineLayer({ headline, layout, theme, fontFamily, lang, rtl, enterAt }: HeadlineLayerProps) {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const look = theme.headline;
  const weight = theme.fonts.headline.weight;
  const tracking = headlineTracking(look.uppercase);
  const text = headlineText(headline, look, lang);
  const geometry = useMemo(
    () => headlineGeometry(text, layout, look, measureWidth(fontFamily, weight, tracking), rtl),
    [text, layout, look, fontFamily, weight, tracking, rtl],
  );
  const grow = spring({ frame: frame - enterAt, fps, config: { damping: 200 }, durationInFrames: 14 });
  const side = rtl ? 1 : -1;
  const { panel, accent } = geometry;
  const onPanel = panel !== null;
  // Marks grow from the start side (the top for a vertical bar).
  const accentOrigin = geometry.accentAxis === "y" ? "top" : rtl ? "right" : "left";
  const panelOrigin = look.align === "center" ? "center" : rtl ? "right" : "left";
  return (
    <AbsoluteFill>
      {panel ? (
        <div
          style={{
            ...placeAt(panel),
            background: theme.colors.captionBackground,
            boxShadow: "0 10px 40px rgba(0,0,0,0.28)",
            transform: `scaleX(${grow})`,
            transformOrigin: panelOrigin,
          }}
        />
      ) : null}
      {accent ? (
        <div
          style={{
            ...placeAt(accent),
            background: theme.colors.accent,
            borderRadius: onPanel ? 0 : Math.min(accent.width, accent.height) / 2,
            transform: geometry.accentAxis === "y" ? `scaleY(${grow})` : `scaleX(${grow})`,
            transformOrigin: accentOrigin,
          }}
        />
      ) : null}
      <div
        style={{
          position: "absolute",
          left: geometry.text.x,
          top: geometry.text.y,
          width: geometry.text.width,
          fontFamily,
          fontSize: geometry.fontSize,
          lineHeight: HEADLINE_LINE_HEIGHT,
          fontWeight: weight,
          letterSpacing: `${tracking}em`,
          color: onPanel ? theme.colors.captionText : theme.colors.text,
          direction: rtl ? "rtl" : "ltr",
          textAlign: look.align === "center" ? "center" : rtl ? "right" : "left",
          textShadow: shadow(look.style, theme.colors.background),
        }}
      >
        {geometry.lines.map((line, i) => {
          const enter = spring({ frame: frame - enterAt - 3 - i * 4, fps, config: { damping: 20, mass: 0.8 } });
          const offset = look.align === "center" ? `0, ${(1 - enter) * 0.4}em` : `${side * (1 - enter) * 0.6}em, ${(1 - enter) * 0.25}em`;
          return (
            <div
              key={i}
              style={{
                whiteSpace: "pre",
                opacity: interpolate(enter, [0, 0.6], [0, 1], { extrapolateRight: "clamp" }),
                transform: `translate(${offset})`,
              }}
            >
              {line}
            </div>
          );
        })}
      </div>
    </AbsoluteFill>
  );
}
