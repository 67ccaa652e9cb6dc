import type { HeadlineLook } from "../src/schema/look.js";
import type { FrameLayout } from "../src/storyboard/layout.js";

/** A horizontal band of the frame (px from the top) to darken to `alpha`. */
export interface ScrimBand {
  top: number;
  bottom: number;
  alpha: number;
}

export interface ScrimStop {
  /** 0–1 from the top of the frame. */
  at: number;
  alpha: number;
}

/** How far a band's shade reaches past its edges, as a share of the frame height. */
const FALLOFF = 0.16;
const SAMPLES = 28;
/** A light shade everywhere, so footage never fights the text. */
const BASE = 0.1;
/** How strongly the headline's style needs the picture behind it darkened. */
const HEADLINE_SHADE: Record<HeadlineLook["style"], number> = { bar: 0.78, underline: 0.8, plain: 0.6, box: 0.3 };

/** Where a scene's text sits, as bands to shade: the headline, the captions, the corner marks. */
export function sceneScrimBands(layout: FrameLayout, style: HeadlineLook["style"]): ScrimBand[] {
  const { headline, captions, content, safe, height } = layout;
  const shade = HEADLINE_SHADE[style];
  const headlineBand =
    layout.headlinePosition === "top"
      ? { top: 0, bottom: headline.y + headline.height * 0.75, alpha: shade }
      : layout.headlinePosition === "center"
        ? { top: headline.y + headline.height * 0.15, bottom: headline.y + headline.height * 0.85, alpha: shade * 0.85 }
        : { top: headline.y + headline.height * 0.3, bottom: height, alpha: shade };
  const bands = [headlineBand, { top: captions.y + captions.height * 0.3, bottom: height, alpha: 0.72 }];
  // Marks above the content (logo, watermark) get a soft shade to stand on.
  if (content.y > safe.y) bands.push({ top: 0, bottom: safe.y, alpha: 0.4 });
  return bands;
}

/** A card (title, closing) over footage: the picture dimmed throughout, more where the text sits. */
export function cardScrimBands(layout: FrameLayout, text: { top: number; bottom: number }): ScrimBand[] {
  return [
    { top: 0, bottom: layout.height, alpha: 0.42 },
    { top: text.top, bottom: text.bottom, alpha: 0.68 },
    { top: layout.captions.y, bottom: layout.height, alpha: 0.72 },
  ];
}

function smoothstep(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x * x * (3 - 2 * x);
}

/** The shade down the frame: each band at full strength inside, easing off past its edges. */
export function scrimStops(bands: readonly ScrimBand[], height: number): ScrimStop[] {
  const reach = FALLOFF * height;
  const stops: ScrimStop[] = [];
  for (let i = 0; i <= SAMPLES; i++) {
    const y = (i / SAMPLES) * height;
    let alpha = BASE;
    for (const band of bands) {
      const distance = y < band.top ? band.top - y : y > band.bottom ? y - band.bottom : 0;
      alpha = Math.max(alpha, band.alpha * (1 - smoothstep(distance / reach)));
    }
    stops.push({ at: i / SAMPLES, alpha });
  }
  return stops;
}
