import { useMemo, type CSSProperties } from "react";
import { AbsoluteFill, Img, interpolate, spring, useCurrentFrame, useVideoConfig } from "remotion";
import type { Theme } from "../../src/schema/storyboard.js";
import type { Box, FrameLayout } from "../../src/storyboard/layout.js";
import { splitUnits } from "../../src/text/text-units.js";
import { displayUrl } from "../display-url.js";
import { fitTextBlock, type FittedBlock } from "../fit-text.js";
import { META_WEIGHT } from "../fonts.js";
import { headlineTracking } from "../headline-tracking.js";
import { measureWidth } from "../measure-width.js";
import { readableOn } from "../readable-on.js";
import { READ_MORE_LABEL } from "../storyboard-texts.js";
import { placeAt } from "../place-at.js";

export interface ClosingCardProps {
  headline: string;
  siteName: string | null;
  url: string | null;
  layout: FrameLayout;
  /** Where the card may draw: the content area above the captions box. */
  area: Box;
  theme: Theme;
  /** Body and headline font stacks. */
  fontFamily: string;
  headlineFontFamily: string;
  lang: string;
  rtl: boolean;
  enterAt: number;
  /** The logo to show in the card (outro.showLogo), or null. */
  logoSrc: string | null;
}

const KICKER_TRACKING = 0.16;
const LINE_HEIGHT = 1.1;
const META_LINE_HEIGHT = 1.3;
/** Vertical padding of the URL pill, in em; horizontal is twice that. */
const PILL_PAD = 0.4;
/** Padding of the call-to-action button, in em. */
const BUTTON_PAD_X = 1.1;
const BUTTON_PAD_Y = 0.55;

function mix(color: string, percent: number): string {
  return `color-mix(in srgb, ${color} ${percent}%, transparent)`;
}

/**
 * End card, as the theme's outro says: the closing headline and the site, then the call to action
 * — the brand's as an accent button with its URL beneath, or "Read the full article" with the
 * article's URL. Over footage it sits on a translucent panel; on the colour background it stands free.
 */
export function ClosingCard({ headline, siteName, url, layout, area, theme, fontFamily, headlineFontFamily, lang, rtl, enterAt, logoSrc }: ClosingCardProps) {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const { outro, cta, colors, fonts, headline: look } = theme;
  const centred = outro.align === "center";
  const paneled = outro.background === "media";
  const base = layout.captionFontSize;
  const pad = paneled ? Math.round(base * 0.9) : 0;
  const cardWidth = paneled ? Math.round(Math.min(area.width, Math.max(area.width * 0.82, base * 14))) : area.width;
  const logoHeight = logoSrc ? Math.round(Math.min(area.height * 0.14, theme.logo.size * Math.min(layout.width, layout.height) * 1.1)) : 0;
  const gap = Math.round(base * 0.45);
  const logoGap = logoSrc ? gap * 2 : 0;
  const inner = { width: cardWidth - 2 * pad, height: area.height - 2 * pad - logoHeight - logoGap };
  const ruleHeight = Math.max(4, Math.round(base * 0.1));
  const tracking = headlineTracking(look.uppercase);
  const articleUrl = outro.showUrl && url ? displayUrl(url) : null;
  const ctaUrl = cta?.url ? displayUrl(cta.url) : null;
  const shownUrl = cta ? (ctaUrl ?? articleUrl) : articleUrl;
  const hostOrSite = siteName ?? (url ? displayUrl(url).split("/")[0]! : null);
  // The closing headline is often the site name itself; say it once.
  const site = hostOrSite && hostOrSite.trim().toLowerCase() !== headline.trim().toLowerCase() ? hostOrSite : null;
  const shownHeadline = look.uppercase ? headline.toLocaleUpperCase(lang) : headline;
  const buttonText = cta ? (look.uppercase ? cta.text.toLocaleUpperCase(lang) : cta.text) : null;

  const fitted = useMemo(() => {
    const line = (text: string | null, family: string, size: number, weight: number, letterSpacing: number, extraWidthEm = 0) => {
      if (!text) return null;
      const measure = measureWidth(family, weight, letterSpacing);
      return fitTextBlock(splitUnits(text), {
        maxWidth: inner.width,
        maxHeight: size * META_LINE_HEIGHT,
        maxFontSize: size,
        maxLines: 1,
        lineHeight: META_LINE_HEIGHT,
        // Padding grows with the font size, so it counts as part of the text width.
        measure: (t) => measure(t) + extraWidthEm,
      });
    };
    const kicker = cta ? null : line(READ_MORE_LABEL.toUpperCase(), fontFamily, Math.round(base * 0.6), Math.max(fonts.body.weight, 600), KICKER_TRACKING);
    const siteLine = line(site, fontFamily, Math.round(base * 0.9), Math.max(fonts.body.weight, 600), -0.01);
    const button = line(buttonText, headlineFontFamily, Math.round(base * 1.0), fonts.headline.weight, tracking, 2 * BUTTON_PAD_X);
    const urlLine = line(shownUrl, fontFamily, Math.round(base * 0.62), META_WEIGHT, 0, cta ? 0 : 4 * PILL_PAD);
    const blockHeight = (b: FittedBlock | null, extraEm = 0, gaps = 1) => (b ? b.height + extraEm * b.fontSize + gaps * gap : 0);
    const used =
      blockHeight(kicker) +
      2 * gap +
      ruleHeight +
      blockHeight(siteLine) +
      blockHeight(button, 2 * BUTTON_PAD_Y, 2) +
      blockHeight(urlLine, cta ? 0 : 2 * PILL_PAD);
    const title = fitTextBlock(splitUnits(shownHeadline), {
      maxWidth: inner.width,
      maxHeight: Math.max(1, inner.height - used),
      maxFontSize: Math.round(layout.headlineFontSize * 0.95),
      maxLines: 3,
      lineHeight: LINE_HEIGHT,
      balance: true,
      measure: measureWidth(headlineFontFamily, fonts.headline.weight, tracking),
    });
    return { kicker, siteLine, button, urlLine, title };
  }, [cta, shownHeadline, site, buttonText, shownUrl, inner.width, inner.height, base, gap, ruleHeight, fontFamily, headlineFontFamily, fonts, tracking, layout.headlineFontSize]);

  const card = spring({ frame: frame - enterAt, fps, config: { damping: 200 }, durationInFrames: 18 });
  const item = (k: number): CSSProperties => {
    const s = spring({ frame: frame - enterAt - 4 - k * 4, fps, config: { damping: 22 } });
    return { opacity: interpolate(s, [0, 0.7], [0, 1], { extrapolateRight: "clamp" }), transform: `translateY(${(1 - s) * 0.4}em)` };
  };
  const press = spring({ frame: frame - enterAt - 26, fps, config: { damping: 9, mass: 0.6 } });
  const { kicker, siteLine, button, urlLine, title } = fitted;
  const origin = centred ? "center" : rtl ? "right" : "left";
  return (
    <AbsoluteFill>
      <div
        style={{
          ...placeAt(area),
          display: "flex",
          alignItems: "center",
          justifyContent: centred ? "center" : "flex-start",
          direction: rtl ? "rtl" : "ltr",
        }}
      >
        <div
          style={{
            width: cardWidth,
            boxSizing: "border-box",
            padding: pad,
            borderRadius: paneled ? Math.round(base * 0.5) : 0,
            background: paneled ? mix(colors.background, 74) : "transparent",
            border: paneled ? `${Math.max(1, Math.round(base * 0.03))}px solid ${mix(colors.text, 14)}` : "none",
            boxShadow: paneled ? "0 30px 90px rgba(0,0,0,0.35)" : "none",
            display: "flex",
            flexDirection: "column",
            alignItems: centred ? "center" : "flex-start",
            textAlign: centred ? "center" : "start",
            color: colors.text,
            opacity: card,
            transform: `scale(${0.94 + 0.06 * card})`,
            transformOrigin: origin,
          }}
        >
          {logoSrc ? <Img src={logoSrc} style={{ height: logoHeight, maxWidth: inner.width * 0.5, objectFit: "contain", marginBottom: logoGap, opacity: theme.logo.opacity, ...item(0) }} /> : null}
          {kicker ? (
            <div
              style={{
                whiteSpace: "pre",
                fontFamily,
                fontSize: kicker.fontSize,
                lineHeight: META_LINE_HEIGHT,
                fontWeight: Math.max(fonts.body.weight, 600),
                letterSpacing: `${KICKER_TRACKING}em`,
                color: colors.accent,
                marginBottom: gap,
                ...item(0),
              }}
            >
              {kicker.lines.join("")}
            </div>
          ) : null}
          <div style={{ fontFamily: headlineFontFamily, fontSize: title.fontSize, lineHeight: LINE_HEIGHT, fontWeight: fonts.headline.weight, letterSpacing: `${tracking}em` }}>
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
              background: colors.accent,
              transform: `scaleX(${card})`,
              transformOrigin: origin,
            }}
          />
          {siteLine ? (
            <div style={{ whiteSpace: "pre", fontFamily, fontSize: siteLine.fontSize, lineHeight: META_LINE_HEIGHT, fontWeight: Math.max(fonts.body.weight, 600), letterSpacing: "-0.01em", ...item(4) }}>
              {siteLine.lines.join("")}
            </div>
          ) : null}
          {button ? (
            <div
              style={{
                marginTop: 2 * gap,
                whiteSpace: "pre",
                fontFamily: headlineFontFamily,
                fontSize: button.fontSize,
                lineHeight: META_LINE_HEIGHT,
                fontWeight: fonts.headline.weight,
                letterSpacing: `${tracking}em`,
                padding: `${BUTTON_PAD_Y}em ${BUTTON_PAD_X}em`,
                borderRadius: look.style === "box" ? "0.15em" : "999px",
                background: colors.accent,
                color: readableOn(colors.accent, [colors.background, colors.text, "#ffffff", "#000000"]),
                boxShadow: `0 0.3em 1.2em ${mix(colors.accent, 40)}`,
                ...item(5),
                transform: `${item(5).transform} scale(${0.92 + 0.08 * press})`,
              }}
            >
              {button.lines.join("")}
            </div>
          ) : null}
          {urlLine ? (
            <div
              style={{
                marginTop: gap,
                whiteSpace: "pre",
                fontFamily,
                fontSize: urlLine.fontSize,
                lineHeight: META_LINE_HEIGHT,
                fontWeight: META_WEIGHT,
                ...(cta
                  ? { color: mix(colors.text, 85) }
                  : {
                      padding: `${PILL_PAD}em ${2 * PILL_PAD}em`,
                      borderRadius: "999px",
                      background: mix(colors.text, 10),
                      border: `1px solid ${mix(colors.text, 20)}`,
                      color: mix(colors.text, 88),
                    }),
                ...item(6),
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
