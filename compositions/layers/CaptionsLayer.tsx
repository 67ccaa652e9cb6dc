import { useMemo } from "react";
import { AbsoluteFill, interpolate, useCurrentFrame, useVideoConfig } from "remotion";
import type { Storyboard, StoryboardScene } from "../../src/schema/storyboard.js";
import type { FrameLayout } from "../../src/storyboard/layout.js";
import { frameToMs, sceneCaptions } from "../../src/storyboard/scene-captions.js";
import { activeCaptionPage } from "../active-caption-page.js";
import { CAPTION_BOX } from "../caption-box.js";
import { fitCaptionLines } from "../fit-text.js";
import { WEIGHT } from "../fonts.js";
import { measureWidth } from "../measure-width.js";

export interface CaptionsLayerProps {
  storyboard: Storyboard;
  scene: StoryboardScene;
  layout: FrameLayout;
  /** Timeline frame this layer's sequence starts at, to turn its frames back into video time. */
  from: number;
  fontFamily: string;
  rtl: boolean;
}

/** Frames a new caption page takes to appear. */
const POP_FRAMES = 4;

/** The caption page being spoken, centred at the bottom of the captions box, always inside it. */
export function CaptionsLayer({ storyboard, scene, layout, from, fontFamily, rtl }: CaptionsLayerProps) {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const pages = useMemo(() => sceneCaptions(storyboard, scene), [storyboard, scene]);
  const page = activeCaptionPage(pages, frameToMs(from + frame, fps));
  const box = layout.captions;
  const fit = useMemo(
    () =>
      page
        ? fitCaptionLines(page.lines, {
            box,
            maxFontSize: layout.captionFontSize,
            lineHeight: CAPTION_BOX.lineHeight,
            paddingX: CAPTION_BOX.paddingX,
            paddingY: CAPTION_BOX.paddingY,
            measure: measureWidth(fontFamily, WEIGHT.semibold),
          })
        : null,
    [page, box, layout.captionFontSize, fontFamily],
  );
  if (!page || !fit) return null;
  const since = from + frame - (page.startMs * fps) / 1000;
  const pop = interpolate(since, [0, POP_FRAMES], [0, 1], { extrapolateLeft: "clamp", extrapolateRight: "clamp" });
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
          alignItems: "flex-end",
          justifyContent: "center",
        }}
      >
        <div
          style={{
            boxSizing: "border-box",
            width: fit.width,
            height: fit.height,
            padding: `${CAPTION_BOX.paddingY}em ${CAPTION_BOX.paddingX}em`,
            fontSize: fit.fontSize,
            lineHeight: CAPTION_BOX.lineHeight,
            fontWeight: WEIGHT.semibold,
            color: "#ffffff",
            textAlign: "center",
            direction: rtl ? "rtl" : "ltr",
            background: storyboard.theme.colors.captionBackground,
            borderRadius: `${0.32}em`,
            boxShadow: "0 8px 30px rgba(0,0,0,0.25)",
            opacity: 0.4 + 0.6 * pop,
            // Grows in place rather than sliding, so it never leaves the captions box.
            transform: `scale(${0.94 + 0.06 * pop})`,
            transformOrigin: "50% 100%",
          }}
        >
          {page.lines.map((line, i) => (
            <div key={i} style={{ whiteSpace: "pre" }}>
              {line}
            </div>
          ))}
        </div>
      </div>
    </AbsoluteFill>
  );
}
