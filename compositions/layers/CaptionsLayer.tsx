import { useMemo } from "react";
import { AbsoluteFill, interpolate, useCurrentFrame, useVideoConfig } from "remotion";
import { captionFontWeight, captionMetrics } from "../../src/captions/caption-looks.js";
import type { Storyboard, StoryboardScene } from "../../src/schema/storyboard.js";
import type { FrameLayout } from "../../src/storyboard/layout.js";
import { frameToMs, sceneCaptions } from "../../src/storyboard/scene-captions.js";
import { activeCaptionPage, activeCaptionWord } from "../active-caption-page.js";
import { burnedCaptionStyle } from "../captions/burned-caption-style.js";
import { HighlightCaption } from "../captions/HighlightCaption.js";
import { placeCaption } from "../captions/place-caption.js";
import { SubtitleCaption } from "../captions/SubtitleCaption.js";
import { measureWidth } from "../measure-width.js";

export interface CaptionsLayerProps {
  storyboard: Storyboard;
  scene: StoryboardScene;
  layout: FrameLayout;
  /** Timeline frame this layer's sequence starts at, to turn its frames back into video time. */
  from: number;
  /** Body font stack. */
  fontFamily: string;
  rtl: boolean;
}

/** Frames a new caption page, or a newly spoken word, takes to appear. */
const POP_FRAMES = 4;
const WORD_POP_FRAMES = 3;
const clamp = { extrapolateLeft: "clamp", extrapolateRight: "clamp" } as const;

/**
 * The caption page being spoken, in the storyboard's caption style, at the bottom of the
 * captions box and always inside it. Draws nothing for "headline" or when captions are not burned in.
 */
export function CaptionsLayer({ storyboard, scene, layout, from, fontFamily, rtl }: CaptionsLayerProps) {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const running = burnedCaptionStyle(storyboard.captions);
  const metrics = useMemo(() => (running ? captionMetrics(layout, running) : null), [layout, running]);
  const pages = useMemo(() => (running ? sceneCaptions(storyboard, scene, { style: running }) : []), [storyboard, scene, running]);
  const fontWeight = metrics ? captionFontWeight(metrics.look, storyboard.theme.fonts.body.weight) : 0;
  const measure = useMemo(() => (metrics ? measureWidth(fontFamily, fontWeight) : null), [fontFamily, fontWeight, metrics]);
  const ms = frameToMs(from + frame, fps);
  const page = activeCaptionPage(pages, ms);
  const placement = useMemo(() => (page && metrics && measure ? placeCaption(page.lines, layout, metrics, measure) : null), [page, layout, metrics, measure]);
  if (!page || !metrics || !measure || !placement) return null;
  const since = (startMs: number) => from + frame - (startMs * fps) / 1000;
  const pop = interpolate(since(page.startMs), [0, POP_FRAMES], [0, 1], clamp);
  const { colors } = storyboard.theme;
  if (metrics.style === "subtitles") {
    return (
      <AbsoluteFill style={{ fontFamily }}>
        <SubtitleCaption
          page={page}
          placement={placement}
          look={metrics.look}
          pop={pop}
          fontWeight={fontWeight}
          color={colors.captionText}
          background={colors.captionBackground}
          rtl={rtl}
        />
      </AbsoluteFill>
    );
  }
  const active = activeCaptionWord(page, ms);
  const wordPop = active ? interpolate(since(active.word.startMs), [0, WORD_POP_FRAMES], [0, 1], clamp) : 0;
  return (
    <AbsoluteFill style={{ fontFamily }}>
      <HighlightCaption
        page={page}
        placement={placement}
        look={metrics.look}
        active={active}
        pagePop={pop}
        wordPop={wordPop}
        fontWeight={fontWeight}
        color={colors.captionText}
        highlight={colors.highlight}
        shadow={colors.background}
        measure={measure}
        rtl={rtl}
      />
    </AbsoluteFill>
  );
}
