import type { CaptionLook } from "../../src/captions/caption-looks.js";
import type { CaptionPage } from "../../src/storyboard/caption-pages.js";
import { captionBoxStyle } from "./caption-box-style.js";
import type { CaptionPlacement } from "./place-caption.js";

export interface SubtitleCaptionProps {
  page: CaptionPage;
  placement: CaptionPlacement;
  look: CaptionLook;
  /** 0 → 1 as the page appears. */
  pop: number;
  fontWeight: number;
  color: string;
  background: string;
  rtl: boolean;
}

/** Classic subtitles: the page's lines in the theme's caption colours, on a rounded box. */
export function SubtitleCaption({ page, placement, look, pop, fontWeight, color, background, rtl }: SubtitleCaptionProps) {
  return (
    <div
      style={{
        ...captionBoxStyle(placement, look, fontWeight, rtl),
        color,
        background,
        borderRadius: "0.32em",
        boxShadow: "0 8px 30px rgba(0,0,0,0.25)",
        opacity: 0.4 + 0.6 * pop,
        // Grows in place rather than sliding, so it never leaves the captions box.
        transform: `scale(${0.94 + 0.06 * pop})`,
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
