import type { CaptionLook } from "../../src/captions/caption-looks.js";
import type { CaptionPage } from "../../src/storyboard/caption-pages.js";
import type { CaptionPlacement } from "./place-caption.js";

export interface SubtitleCaptionProps {
  page: CaptionPage;
  placement: CaptionPlacement;
  look: CaptionLook;
  /** 0 → 1 as the page appears. */
  pop: number;
  background: string;
  rtl: boolean;
}

/** Classic subtitles: the page's lines, light on a dark rounded box. */
export function SubtitleCaption({ page, placement, look, pop, background, rtl }: SubtitleCaptionProps) {
  const { box, fontSize } = placement;
  return (
    <div
      style={{
        position: "absolute",
        left: box.x,
        top: box.y,
        boxSizing: "border-box",
        width: box.width,
        height: box.height,
        padding: `${look.paddingY}em ${look.paddingX}em`,
        fontSize,
        lineHeight: look.lineHeight,
        fontWeight: look.fontWeight,
        color: "#ffffff",
        textAlign: "center",
        direction: rtl ? "rtl" : "ltr",
        background,
        borderRadius: "0.32em",
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
  );
}
