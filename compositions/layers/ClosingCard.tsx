import { useMemo } from "react";
import { AbsoluteFill, interpolate, spring, useCurrentFrame, useVideoConfig } from "remotion";
import type { Theme } from "../../src/schema/storyboard.js";
import type { Box, FrameLayout } from "../../src/storyboard/layout.js";
import { splitUnits } from "../../src/text/text-units.js";
import { displayUrl } from "../display-url.js";
import { fitTextBlock, type FittedBlock } from "../fit-text.js";
import { WEIGHT } from "../fonts.js";
import { measureWidth } from "../measure-width.js";
import { READ_MORE_LABEL } from "../storyboard-texts.js";

export interface ClosingCardProps {
  headline: string;
  siteName: string | null;
  url: string | null;
  layout: FrameLayout;
  /** Where the card may draw: the safe area above the captions box. */
  area: Box;
  theme: Theme;
  fontFamily: string;
  rtl: boolean;
  enterAt: number;
}

const KICKER_TRACKING = 0.16;
const LINE_HEIGHT = 1.1;
const META_LINE_HEIGHT = 1.3;
/** Vertical padding of the URL pill, in em; horizontal is twice that plus the rounding. */
const PILL_PAD = 0.4;

function mix(color: string, percent: number): string {
  return `color-mix(in srgb, ${color} ${percent}%, transparent)`;
}

/** End card: "Read the full article", the closing headline, the site and a short form of the URL. */
export function ClosingCard({ headline, siteName, url, layout, area, theme, fontFamily, rtl, enterAt }: ClosingCardProps) {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const base = layout.captionFontSize;
  const pad = Math.round(base * 0.9);
  const cardWidth = Math.round(Math.min(area.width, Math.max(area.width * 0.82, base * 14)));
  const inner = { width: cardWidth - 2 * pad, height: area.height - 2 * pad };
  const gap = Math.round(base * 0.45);
  const ruleHeight = Math.max(4, Math.round(base * 0.1));
  const shownUrl = url ? displayUrl(url) : null;
  const siteOrHost = siteName ?? (shownUrl ? shownUrl.split("/")[0]! : null);
  // The closing headline is often the site name itself; say it once.
  const site = siteOrHost && siteOrHost.trim().toLowerCase() !== headline.trim().toLowerCase() ? siteOrHost : null;

  const fitted = useMemo(() => {
    const line = (text: string | null, size: number, weight: number, tracking: number, extraWidthEm = 0) => {
      if (!text) return null;
      const measure = measureWidth(fontFamily, weight, tracking);
      return fitTextBlock(splitUnits(text), {
        maxWidth: inner.width,
        maxHeight: size * META_LINE_HEIGHT,
        maxFontSize: size,
        maxLines: 1,
        lineHeight: META_LINE_HEIGHT,
        // The pill's padding grows with its font size, so it counts as part of the text width.
        measure: (t) => measure(t) + extraWidthEm,
      });
    };
    const kicker = line(READ_MORE_LABEL.toUpperCase(), Math.round(base * 0.6), WEIGHT.semibold, KICKER_TRACKING);
    const siteLine = line(site, Math.round(base * 0.95), WEIGHT.heavy, -0.01);
    const urlLine = line(shownUrl, Math.round(base * 0.62), WEIGHT.regular, 0, 4 * PILL_PAD);
    const blockHeight = (b: FittedBlock | null, extra = 0) => (b ? b.height + extra * b.fontSize : 0);
    const used =
      blockHeight(kicker) +
      gap +
      2 * gap +
      ruleHeight +
      blockHeight(siteLine) +
      (urlLine ? gap + blockHeight(urlLine, 2 * PILL_PAD) : 0);
    const title = fitTextBlock(splitUnits(headline), {
      maxWidth: inner.width,
      maxHeight: Math.max(1, inner.height - used),
      maxFontSize: Math.round(layout.headlineFontSize * 0.95),
      maxLines: 3,
      lineHeight: LINE_HEIGHT,
      balance: true,
      measure: measureWidth(fontFamily, WEIGHT.heavy, -0.015),
    });
    return { kicker, siteLine, urlLine, title };
  }, [headline, site, shownUrl, inner.width, inner.height, base, gap, ruleHeight, fontFamily, layout.headlineFontSize]);

  const card = spring({ frame: frame - enterAt, fps, config: { damping: 200 }, durationInFrames: 18 });
  const item = (k: number) => {
    const s = spring({ frame: frame - enterAt - 4 - k * 4, fps, config: { damping: 22 } });
    return { opacity: interpolate(s, [0, 0.7], [0, 1], { extrapolateRight: "clamp" }), transform: `translateY(${(1 - s) * 0.4}em)` };
  };
  const { kicker, siteLine, urlLine, title } = fitted;
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
          alignItems: "center",
          justifyContent: "center",
        }}
      >
        <div
          style={{
            width: cardWidth,
            boxSizing: "border-box",
            padding: pad,
            borderRadius: Math.round(base * 0.5),
            background: mix(theme.colors.background, 72),
            border: `${Math.max(1, Math.round(base * 0.03))}px solid ${mix(theme.colors.text, 14)}`,
            boxShadow: "0 30px 90px rgba(0,0,0,0.35)",
            display: "flex",
            flexDirection: "column",
            alignItems: "center",
            textAlign: "center",
            direction: rtl ? "rtl" : "ltr",
            color: theme.colors.text,
            opacity: card,
            transform: `scale(${0.94 + 0.06 * card})`,
          }}
        >
          {kicker ? (
            <div
              style={{
                whiteSpace: "pre",
                fontSize: kicker.fontSize,
                lineHeight: META_LINE_HEIGHT,
                fontWeight: WEIGHT.semibold,
                letterSpacing: `${KICKER_TRACKING}em`,
                color: theme.colors.accent,
                marginBottom: gap,
                ...item(0),
              }}
            >
              {kicker.lines.join("")}
            </div>
          ) : null}
          <div style={{ fontSize: title.fontSize, lineHeight: LINE_HEIGHT, fontWeight: WEIGHT.heavy, letterSpacing: "-0.015em" }}>
            {title.lines.map((l, i) => (
              <div key={i} style={{ whiteSpace: "pre", ...item(1 + i) }}>
                {l}
              </div>
            ))}
          </div>
          <div
            style={{
              flex: "none",
              width: Math.round(base * 1.8),
              height: ruleHeight,
              margin: `${gap}px 0`,
              borderRadius: ruleHeight / 2,
              background: theme.colors.accent,
              transform: `scaleX(${card})`,
            }}
          />
          {siteLine ? (
            <div
              style={{
                whiteSpace: "pre",
                fontSize: siteLine.fontSize,
                lineHeight: META_LINE_HEIGHT,
                fontWeight: WEIGHT.heavy,
                letterSpacing: "-0.01em",
                ...item(4),
              }}
            >
              {siteLine.lines.join("")}
            </div>
          ) : null}
          {urlLine ? (
            <div
              style={{
                marginTop: gap,
                whiteSpace: "pre",
                fontSize: urlLine.fontSize,
                lineHeight: META_LINE_HEIGHT,
                fontWeight: WEIGHT.regular,
                padding: `${PILL_PAD}em ${2 * PILL_PAD}em`,
                borderRadius: "999px",
                background: mix(theme.colors.text, 10),
                border: `1px solid ${mix(theme.colors.text, 20)}`,
                color: mix(theme.colors.text, 88),
                ...item(5),
              }}
            >
              {urlLine.lines.join("")}
            </div>
          ) : null}
        </div>
      </div>
    </AbsoluteFill>
  );
}
