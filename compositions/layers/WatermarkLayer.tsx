import { useMemo } from "react";
import { AbsoluteFill } from "remotion";
import type { Watermark } from "../../src/schema/look.js";
import type { Box } from "../../src/storyboard/layout.js";
import { splitUnits } from "../../src/text/text-units.js";
import { fitTextBlock } from "../fit-text.js";
import { measureWidth } from "../measure-width.js";
import { CornerImage } from "./LogoLayer.js";
import { placeAt } from "../place-at.js";

export interface WatermarkLayerProps {
  watermark: Watermark;
  box: Box;
  /** The image's URL, when the watermark is an image the assets map has. */
  src: string | null;
  /** Body font stack. */
  fontFamily: string;
  color: string;
}

const WEIGHT = 600;
const LINE_HEIGHT = 1.2;

/** A faint mark in its corner on every frame: the brand's image, or its text (e.g. a handle). */
export function WatermarkLayer({ watermark, box, src, fontFamily, color }: WatermarkLayerProps) {
  const text = watermark.text;
  const fit = useMemo(
    () =>
      text && !src
        ? fitTextBlock(splitUnits(text), {
            maxWidth: box.width,
            maxHeight: box.height,
            maxFontSize: box.height / LINE_HEIGHT,
            maxLines: 1,
            lineHeight: LINE_HEIGHT,
            measure: measureWidth(fontFamily, WEIGHT),
          })
        : null,
    [text, src, box.width, box.height, fontFamily],
  );
  if (src) return <CornerImage src={src} box={box} placement={watermark.placement} opacity={watermark.opacity} />;
  if (!fit) return null;
  const right = watermark.placement.endsWith("right");
  return (
    <AbsoluteFill>
      <div
        style={{
          ...placeAt(box),
          display: "flex",
          alignItems: "center",
          justifyContent: right ? "flex-end" : "flex-start",
          fontFamily,
          fontWeight: WEIGHT,
          fontSize: fit.fontSize,
          lineHeight: LINE_HEIGHT,
          whiteSpace: "pre",
          color,
          opacity: watermark.opacity,
          textShadow: "0 1px 2px rgba(0,0,0,0.35)",
        }}
      >
        {fit.lines.join(" ")}
      </div>
    </AbsoluteFill>
  );
}
