import { Fragment } from "react";
import type { CaptionLook } from "../../src/captions/caption-looks.js";
import type { CaptionPage } from "../../src/storyboard/caption-pages.js";
import { needsSpace } from "../../src/text/text-units.js";
import type { ActiveWord } from "../active-caption-page.js";
import type { MeasureWidth } from "../fit-text.js";
import { captionBoxStyle } from "./caption-box-style.js";
import type { CaptionPlacement } from "./place-caption.js";
import { popScale } from "./pop-scale.js";

export interface HighlightCaptionProps {
  page: CaptionPage;
  placement: CaptionPlacement;
  look: CaptionLook;
  active: ActiveWord | null;
  /** 0 → 1 as the page appears, and as the spoken word pops. */
  pagePop: number;
  wordPop: number;
  fontWeight: number;
  color: string;
  /** The spoken word's colour. */
  highlight: string;
  /** Colour of the shadow that keeps the words legible: the theme's background. */
  shadow: string;
  measure: MeasureWidth;
  rtl: boolean;
}

/** Outline and soft shadow instead of a box, so big words stay legible on any footage. */
function textShadow(color: string): string {
  return `0 0.04em 0.06em color-mix(in srgb, ${color} 90%, transparent), 0 0 0.25em color-mix(in srgb, ${color} 60%, transparent)`;
}

/** Short-form look: a few big bold words, the one being spoken lit in the highlight colour and popped. */
export function HighlightCaption({ page, placement, look, active, pagePop, wordPop, fontWeight, color, highlight, shadow, measure, rtl }: HighlightCaptionProps) {
  const { fontSize } = placement;
  return (
    <div
      style={{
        ...captionBoxStyle(placement, look, fontWeight, rtl),
        color,
        textShadow: textShadow(shadow),
        opacity: 0.35 + 0.65 * pagePop,
        // Shrunk a touch while appearing, never grown, so it stays inside its box.
        transform: `scale(${0.9 + 0.1 * pagePop})`,
      }}
    >
      {page.words.map((line, l) => (
        <div key={l} style={{ whiteSpace: "pre" }}>
          {line.map((word, i) => {
            const lit = active !== null && active.line === l && active.index === i;
            const scale = lit ? 1 + (popScale(measure(word.text) * fontSize, fontSize, look) - 1) * wordPop : 1;
            return (
              <Fragment key={i}>
                {i > 0 && needsSpace(line[i - 1]!.text, word.text) ? " " : ""}
                <span style={{ display: "inline-block", color: lit ? highlight : undefined, transform: `scale(${scale})` }}>{word.text}</span>
              </Fragment>
            );
          })}
        </div>
      ))}
    </div>
  );
}
