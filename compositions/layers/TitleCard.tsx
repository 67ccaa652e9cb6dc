import { useMemo, type CSSProperties } from "react";
import { AbsoluteFill, Img, interpolate, spring, useCurrentFrame, useVideoConfig } from "remotion";
import type { Theme } from "../../src/schema/storyboard.js";
import type { Box, FrameLayout } from "../../src/storyboard/layout.js";
import { splitUnits } from "../../src/text/text-units.js";
import { fitTextBlock } from "../fit-text.js";
import { META_WEIGHT } from "../fonts.js";
import { headlineTracking } from "../headline-tracking.js";
import { measureWidth } from "../measure-width.js";
import { readableOn } from "../readable-on.js";
import { placeAt } from "../place-at.js";

export interface TitleCardProps {
  title: string;
  siteName: string | null;
  byline: string | null;
  layout: FrameLayout;
  /** Where the card may draw: the content area, minus the captions box when captions show. */
  area: Box;
  theme: Theme;
  /** Body and headline font stacks. */
  fontFamily: string;
  headlineFontFamily: string;
  lang: string;
  rtl: boolean;
  enterAt: number;
  /** The logo to show in the card (intro.showLogo), or null. */
  logoSrc: string | null;
}

const TITLE_LINE_HEIGHT = 1.08;
const META_LINE_HEIGHT = 1.35;
const SITE_TRACKING = 0.14;
/** Padding of the site tag (box-style themes), in em. */
const TAG_PAD_X = 0.55;
const TAG_PAD_Y = 0.22;

/**
 * Opening card, as the theme's intro says: the title large (centred, or set from the start edge),
 * the site and the byline beneath an accent rule — or, for box-style themes, the site as a
 * tag above the title like a news kicker — and the logo on top when the intro shows it.
 */
export function TitleCard({ title, siteName, byline, layout, area, theme, fontFamily, headlineFontFamily, lang, rtl, enterAt, logoSrc }: TitleCardProps) {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const { intro, headline: look, fonts, colors } = theme;
  const centred = intro.align === "center";
  const tagged = look.style === "box";
  const metaSize = Math.round(layout.captionFontSize * 0.72);
  const ruleHeight = Math.max(4, Math.round(metaSize * 0.14));
  const ruleGap = Math.round(metaSize * 0.9);
  const logoHeight = logoSrc ? Math.round(Math.min(area.height * 0.16, theme.logo.size * Math.min(layout.width, layout.height) * 1.3)) : 0;
  const logoGap = logoSrc ? Math.round(metaSize * 1.2) : 0;
  const tracking = headlineTracking(look.uppercase);
  const site = intro.showSite && siteName ? siteName.toLocaleUpperCase(lang) : null;
  const by = intro.showByline ? byline : null;
  const shownTitle = look.uppercase ? title.toLocaleUpperCase(lang) : title;

  const fitted = useMemo(() => {
    const oneLine = (text: string | null, weight: number, letterSpacing: number, extraEm = 0) =>
      text
        ? fitTextBlock(splitUnits(text), {
            maxWidth: area.width,
            maxHeight: metaSize * META_LINE_HEIGHT,
            maxFontSize: metaSize,
            maxLines: 1,
            lineHeight: META_LINE_HEIGHT,
            measure: ((m) => (t: string) => m(t) + extraEm)(measureWidth(fontFamily, weight, letterSpacing)),
          })
        : null;
    const siteLine = oneLine(site, Math.max(fonts.body.weight, 600), SITE_TRACKING, tagged ? 2 * TAG_PAD_X : 0);
    const byLine = oneLine(by, META_WEIGHT, 0);
    const tagExtra = tagged && siteLine ? siteLine.fontSize * 2 * TAG_PAD_Y + ruleGap : 0;
    const ruleBlock = !tagged && (siteLine || byLine) ? 2 * ruleGap + ruleHeight : byLine && tagged ? ruleGap : 0;
    const metaHeight = ruleBlock + tagExtra + (siteLine?.height ?? 0) + (byLine?.height ?? 0);
    const main = fitTextBlock(splitUnits(shownTitle), {
      maxWidth: area.width * (centred ? 0.94 : 0.9),
      maxHeight: Math.max(1, area.height - metaHeight - logoHeight - logoGap),
      maxFontSize: Math.round(layout.headlineFontSize * 1.3),
      maxLines: 4,
      lineHeight: TITLE_LINE_HEIGHT,
      balance: true,
      measure: measureWidth(headlineFontFamily, fonts.headline.weight, tracking),
    });
    return { site: siteLine, by: byLine, main };
  }, [shownTitle, site, by, area.width, area.height, metaSize, ruleGap, ruleHeight, fontFamily, headlineFontFamily, fonts, tracking, tagged, centred, logoHeight, logoGap, layout.headlineFontSize]);

  const rise = (delay: number) => spring({ frame: frame - enterAt - delay, fps, config: { damping: 20, mass: 0.9 } });
  const rule = spring({ frame: frame - enterAt - 10, fps, config: { damping: 200 }, durationInFrames: 16 });
  const meta = rise(14);
  const fadeUp = (s: number, distance: string): CSSProperties => ({
    opacity: interpolate(s, [0, 0.6], [0, 1], { extrapolateRight: "clamp" }),
    transform: `translateY(calc(${1 - s} * ${distance}))`,
  });
  const siteStyle: CSSProperties | null = fitted.site
    ? {
        whiteSpace: "pre",
        fontFamily,
        fontSize: fitted.site.fontSize,
        lineHeight: META_LINE_HEIGHT,
        fontWeight: Math.max(fonts.body.weight, 600),
        letterSpacing: `${SITE_TRACKING}em`,
        ...(tagged
          ? { background: colors.accent, color: readableOn(colors.accent, [colors.text, colors.background, "#ffffff", "#000000"]), padding: `${TAG_PAD_Y}em ${TAG_PAD_X}em` }
          : { color: colors.accent }),
      }
    : null;
  const siteLine = fitted.site && siteStyle ? <div style={siteStyle}>{fitted.site.lines.join("")}</div> : null;
  const byLine = fitted.by ? (
    <div style={{ whiteSpace: "pre", fontFamily, fontSize: fitted.by.fontSize, lineHeight: META_LINE_HEIGHT, fontWeight: META_WEIGHT, color: `color-mix(in srgb, ${colors.text} 82%, transparent)` }}>
      {fitted.by.lines.join("")}
    </div>
  ) : null;
  return (
    <AbsoluteFill>
      <div
        style={{
          ...placeAt(area),
          display: "flex",
          flexDirection: "column",
          alignItems: centred ? "center" : "flex-start",
          // Over footage a start-aligned card sits low, like a cover line, and leaves the picture clear.
          justifyContent: !centred && intro.background === "media" ? "flex-end" : "center",
          textAlign: centred ? "center" : "start",
          direction: rtl ? "rtl" : "ltr",
          color: colors.text,
        }}
      >
        {logoSrc ? (
          <Img
            src={logoSrc}
            style={{ height: logoHeight, maxWidth: area.width * 0.5, objectFit: "contain", marginBottom: logoGap, opacity: theme.logo.opacity, ...fadeUp(rise(0), "0.6em") }}
          />
        ) : null}
        {tagged && siteLine ? <div style={{ marginBottom: ruleGap, ...fadeUp(rise(2), "0.5em") }}>{siteLine}</div> : null}
        <div
          style={{
            fontFamily: headlineFontFamily,
            fontSize: fitted.main.fontSize,
            lineHeight: TITLE_LINE_HEIGHT,
            fontWeight: fonts.headline.weight,
            letterSpacing: `${tracking}em`,
            textShadow:
              intro.background === "media"
                ? `0 2px 4px color-mix(in srgb, ${colors.background} 30%, transparent), 0 4px 40px color-mix(in srgb, ${colors.background} 40%, transparent)`
                : "none",
          }}
        >
          {fitted.main.lines.map((line, i) => {
            const enter = rise(4 + i * 4);
            return (
              <div
                key={i}
                style={{
                  whiteSpace: "pre",
                  opacity: interpolate(enter, [0, 0.6], [0, 1], { extrapolateRight: "clamp" }),
                  transform: `translateY(${(1 - enter) * 0.35}em) scale(${0.96 + 0.04 * enter})`,
                  transformOrigin: centred ? "center" : rtl ? "right" : "left",
                }}
              >
                {line}
              </div>
            );
          })}
        </div>
        {tagged ? (
          byLine ? <div style={{ marginTop: ruleGap, ...fadeUp(meta, "12px") }}>{byLine}</div> : null
        ) : fitted.site || fitted.by ? (
          <>
            <div
              style={{
                flex: "none",
                width: Math.round(metaSize * 2.4),
                height: ruleHeight,
                marginTop: ruleGap,
                marginBottom: ruleGap,
                borderRadius: ruleHeight / 2,
                background: colors.accent,
                transform: `scaleX(${rule})`,
                transformOrigin: centred ? "center" : rtl ? "right" : "left",
              }}
            />
            <div style={fadeUp(meta, "12px")}>
              {siteLine}
              {byLine}
            </div>
          </>
        ) : null}
      </div>
    </AbsoluteFill>
  );
}
