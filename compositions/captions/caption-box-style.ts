import type { CSSProperties } from "react";
import type { CaptionLook } from "../../src/captions/caption-looks.js";
import type { CaptionPlacement } from "./place-caption.js";

/**
 * The box every running caption style draws in: exactly the placed box (padding inside it), set
 * at the placed font size and weight, centred lines. Scaled from its bottom centre, so a page that pops in
 * grows toward where it sits and never leaves the captions box.
 */
export function captionBoxStyle(placement: CaptionPlacement, look: CaptionLook, fontWeight: number, rtl: boolean): CSSProperties {
  const { box, fontSize } = placement;
  return {
    position: "absolute",
    left: box.x,
    top: box.y,
    boxSizing: "border-box",
    width: box.width,
    height: box.height,
    padding: `${look.paddingY}em ${look.paddingX}em`,
    fontSize,
    lineHeight: look.lineHeight,
    fontWeight,
    textAlign: "center",
    direction: rtl ? "rtl" : "ltr",
    transformOrigin: "50% 100%",
  };
}
