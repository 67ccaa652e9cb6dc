import { useMemo } from "react";
import { AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig } from "remotion";
import type { Theme } from "../../src/schema/storyboard.js";
import type { FrameLayout } from "../../src/storyboard/layout.js";
import { splitUnits } from "../../src/text/text-units.js";
import { fitTextBlock } from "../fit-text.js";
import { WEIGHT } from "../fonts.js";
import { measureWidth } from "../measure-width.js";

export interface HeadlineLayerProps {
  headline: string;
  layout: FrameLayout;
  theme: Theme;
  fontFamily: string;
  rtl: boolean;
  /** Frame the entrance starts at (after the cross-fade has mostly happened). */
  enterAt: number;
}

const LINE_HEIGHT = 1.12;
const LETTER_SPACING = -0.015;
const MAX_LINES = 3;

/** The scene headline in the layout's headline box, behind an accent bar, springing in line by line. */
export function HeadlineLayer({ headline, layout, theme, fontFamily, rtl, enterAt }: HeadlineLayerProps) {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const box = layout.headline;
  const barWidth = Math.max(4, Math.round(layout.headlineFontSize * 0.08));
  const gap = Math.round(layout.headlineFontSize * 0.3);
  const fit = useMemo(
    () =>
      fitTextBlock(splitUnits(headline), {
        maxWidth: box.width - barWidth - gap,
        maxHeight: box.height,
        maxFontSize: layout.headlineFontSize,
        maxLines: MAX_LINES,
        lineHeight: LINE_HEIGHT,
        balance: true,
        measure: measureWidth(fontFamily, WEIGHT.heavy, LETTER_SPACING),
      }),
    [headline, box.width, box.height, barWidth, gap, layout.headlineFontSize, fontFamily],
  );
  const bar = spring({ frame: frame - enterAt, fps, config: { damping: 200 }, durationInFrames: 14 });
  const side = rtl ? 1 : -1;
  return (
    <AbsoluteFill>
      <div
        style={{
          position: "absolute",
          left: box.x,
          top: box.y,
          width: box.width,
          height: box.height,
          display: "flex",
          flexDirection: rtl ? "row-reverse" : "row",
          alignItems: "flex-start",
          gap,
        }}
      >
        <div
          style={{
            flex: "none",
            width: barWidth,
            height: fit.height,
            borderRadius: barWidth / 2,
            background: theme.colors.accent,
            transform: `scaleY(${bar})`,
            transformOrigin: "top",
          }}
        />
        <div
          style={{
            fontSize: fit.fontSize,
            lineHeight: LINE_HEIGHT,
            fontWeight: WEIGHT.heavy,
            letterSpacing: `${LETTER_SPACING}em`,
            color: theme.colors.text,
            direction: rtl ? "rtl" : "ltr",
            textAlign: rtl ? "right" : "left",
            textShadow: "0 1px 3px rgba(0,0,0,0.35), 0 2px 24px rgba(0,0,0,0.35)",
          }}
        >
          {fit.lines.map((line, i) => {
            const enter = spring({ frame: frame - enterAt - 3 - i * 4, fps, config: { damping: 20, mass: 0.8 } });
            return (
              <div
                key={i}
                style={{
                  whiteSpace: "pre",
                  opacity: interpolate(enter, [0, 0.6], [0, 1], { extrapolateRight: "clamp" }),
                  transform: `translate(${side * (1 - enter) * 0.6}em, ${(1 - enter) * 0.25}em)`,
                }}
              >
                {line}
              </div>
            );
          })}
        </div>
      </div>
    </AbsoluteFill>
  );
}
