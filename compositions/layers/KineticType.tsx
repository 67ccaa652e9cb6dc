import { useMemo } from "react";
import { AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig } from "remotion";
import type { Theme } from "../../src/schema/storyboard.js";
import type { Box } from "../../src/storyboard/layout.js";
import { splitUnits } from "../../src/text/text-units.js";
import { fitTextBlock } from "../fit-text.js";
import { measureWidth } from "../measure-width.js";

export interface KineticTypeProps {
  keywords: readonly string[];
  /** The band between the headline and the captions that the words move in. */
  band: Box;
  maxFontSize: number;
  theme: Theme;
  /** The headline font's stack. */
  fontFamily: string;
  lang: string;
  fadeInFrames: number;
  durationInFrames: number;
}

const LETTER_SPACING = -0.02;
const LINE_HEIGHT = 1.05;

/** The scene's keywords set large, entering one after another and drifting across the band. */
export function KineticType({ keywords, band, maxFontSize, theme, fontFamily, lang, fadeInFrames, durationInFrames }: KineticTypeProps) {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const words = keywords.slice(0, band.height > band.width * 0.5 ? 4 : 3).map((k) => k.toLocaleUpperCase(lang));
  const weight = theme.fonts.headline.weight;
  const rowHeight = words.length > 0 ? band.height / words.length : 0;
  const rows = useMemo(() => {
    const measure = measureWidth(fontFamily, weight, LETTER_SPACING);
    return words.map((word) =>
      fitTextBlock(splitUnits(word), {
        maxWidth: band.width,
        maxHeight: rowHeight,
        maxFontSize: Math.min(maxFontSize, rowHeight / LINE_HEIGHT),
        maxLines: 1,
        lineHeight: LINE_HEIGHT,
        measure,
      }),
    );
  }, [words.join("\n"), fontFamily, weight, band.width, rowHeight, maxFontSize]);

  const stagger = Math.max(4, Math.min(20, Math.floor((durationInFrames - fadeInFrames) / (words.length + 2))));
  const progress = frame / Math.max(1, durationInFrames);
  return (
    <AbsoluteFill style={{ direction: "ltr" }}>
      {rows.map((row, k) => {
        const enter = spring({ frame: frame - fadeInFrames - 4 - k * stagger, fps, config: { damping: 18, mass: 0.9 } });
        const slack = Math.max(0, band.width - row.width);
        const fromLeft = k % 2 === 0;
        const drift = fromLeft ? slack * (0.04 + 0.3 * progress) : slack * (0.96 - 0.3 * progress);
        const solid = k % 2 === 1;
        return (
          <div
            key={k}
            style={{
              position: "absolute",
              left: band.x + drift,
              top: band.y + k * rowHeight + (rowHeight - row.height) / 2,
              fontSize: row.fontSize,
              lineHeight: LINE_HEIGHT,
              fontFamily,
              fontWeight: weight,
              letterSpacing: `${LETTER_SPACING}em`,
              whiteSpace: "pre",
              // A ghost fill, not an outline: Inter's overlapping contours show through a text stroke.
              color: solid ? theme.colors.accent : `color-mix(in srgb, ${theme.colors.text} 24%, transparent)`,
              opacity: interpolate(enter, [0, 1], [0, solid ? 0.95 : 1]),
              transform: `translateX(${(1 - enter) * (fromLeft ? -1 : 1) * band.width * 0.05}px) scale(${0.88 + 0.12 * enter})`,
              transformOrigin: fromLeft ? "left center" : "right center",
            }}
          >
            {row.lines.join(" ")}
          </div>
        );
      })}
    </AbsoluteFill>
  );
}
