import { useMemo } from "react";
import { AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig } from "remotion";
import type { Theme } from "../../src/schema/storyboard.js";
import type { Box, FrameLayout } from "../../src/storyboard/layout.js";
import { splitUnits } from "../../src/text/text-units.js";
import { fitTextBlock } from "../fit-text.js";
import { WEIGHT } from "../fonts.js";
import { measureWidth } from "../measure-width.js";

export interface TitleCardProps {
  title: string;
  siteName: string | null;
  byline: string | null;
  layout: FrameLayout;
  /** Where the card may draw: the safe area, minus the captions box when captions show. */
  area: Box;
  theme: Theme;
  fontFamily: string;
  rtl: boolean;
  enterAt: number;
}

const TITLE_LINE_HEIGHT = 1.08;
const META_LINE_HEIGHT = 1.35;
const SITE_TRACKING = 0.14;

/** Opening card: the title large and centred, the site and byline beneath an accent rule. */
export function TitleCard({ title, siteName, byline, layout, area, theme, fontFamily, rtl, enterAt }: TitleCardProps) {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const metaSize = Math.round(layout.captionFontSize * 0.72);
  const ruleHeight = Math.max(4, Math.round(metaSize * 0.14));
  const ruleGap = Math.round(metaSize * 0.9);
  const fitted = useMemo(() => {
    const oneLine = (text: string | null, weight: number, tracking: number) =>
      text
        ? fitTextBlock(splitUnits(text), {
            maxWidth: area.width,
            maxHeight: metaSize * META_LINE_HEIGHT,
            maxFontSize: metaSize,
            maxLines: 1,
            lineHeight: META_LINE_HEIGHT,
            measure: measureWidth(fontFamily, weight, tracking),
          })
        : null;
    const site = oneLine(siteName?.toUpperCase() ?? null, WEIGHT.semibold, SITE_TRACKING);
    const by = oneLine(byline, WEIGHT.regular, 0);
    const metaHeight = (site || by ? 2 * ruleGap + ruleHeight : 0) + (site?.height ?? 0) + (by?.height ?? 0);
    const main = fitTextBlock(splitUnits(title), {
      maxWidth: area.width * 0.94,
      maxHeight: area.height - metaHeight,
      maxFontSize: Math.round(layout.headlineFontSize * 1.3),
      maxLines: 4,
      lineHeight: TITLE_LINE_HEIGHT,
      balance: true,
      measure: measureWidth(fontFamily, WEIGHT.heavy, -0.02),
    });
    return { site, by, main };
  }, [title, siteName, byline, area.width, area.height, metaSize, ruleGap, ruleHeight, fontFamily, layout.headlineFontSize]);

  const rise = (delay: number) => spring({ frame: frame - enterAt - delay, fps, config: { damping: 20, mass: 0.9 } });
  const rule = spring({ frame: frame - enterAt - 10, fps, config: { damping: 200 }, durationInFrames: 16 });
  const meta = rise(14);
  return (
    <AbsoluteFill>
      <div
        style={{
          position: "absolute",
          left: area.x,
          top: area.y,
          width: area.width,
          height: area.height,
          display: "flex",
          flexDirection: "column",
          alignItems: "center",
          justifyContent: "center",
          textAlign: "center",
          direction: rtl ? "rtl" : "ltr",
          color: theme.colors.text,
        }}
      >
        <div
          style={{
            fontSize: fitted.main.fontSize,
            lineHeight: TITLE_LINE_HEIGHT,
            fontWeight: WEIGHT.heavy,
            letterSpacing: "-0.02em",
            textShadow: "0 4px 40px rgba(0,0,0,0.35)",
          }}
        >
          {fitted.main.lines.map((line, i) => {
            const enter = rise(i * 4);
            return (
              <div
                key={i}
                style={{
                  whiteSpace: "pre",
                  opacity: interpolate(enter, [0, 0.6], [0, 1], { extrapolateRight: "clamp" }),
                  transform: `translateY(${(1 - enter) * 0.35}em) scale(${0.96 + 0.04 * enter})`,
                }}
              >
                {line}
              </div>
            );
          })}
        </div>
        {fitted.site || fitted.by ? (
          <>
            <div
              style={{
                flex: "none",
                width: Math.round(metaSize * 2.4),
                height: ruleHeight,
                marginTop: ruleGap,
                marginBottom: ruleGap,
                borderRadius: ruleHeight / 2,
                background: theme.colors.accent,
                transform: `scaleX(${rule})`,
              }}
            />
            <div style={{ opacity: meta, transform: `translateY(${(1 - meta) * 12}px)` }}>
              {fitted.site ? (
                <div
                  style={{
                    whiteSpace: "pre",
                    fontSize: fitted.site.fontSize,
                    lineHeight: META_LINE_HEIGHT,
                    fontWeight: WEIGHT.semibold,
                    letterSpacing: `${SITE_TRACKING}em`,
                    color: theme.colors.accent,
                  }}
                >
                  {fitted.site.lines.join("")}
                </div>
              ) : null}
              {fitted.by ? (
                <div
                  style={{
                    whiteSpace: "pre",
                    fontSize: fitted.by.fontSize,
                    lineHeight: META_LINE_HEIGHT,
                    fontWeight: WEIGHT.regular,
                    color: `color-mix(in srgb, ${theme.colors.text} 80%, transparent)`,
                  }}
                >
                  {fitted.by.lines.join("")}
                </div>
              ) : null}
            </div>
          </>
        ) : null}
      </div>
    </AbsoluteFill>
  );
}
