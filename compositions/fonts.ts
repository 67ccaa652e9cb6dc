// Bundled with the video (webpack emits the woff2 files); nothing is fetched from the network.
// Only the weights the templates draw are imported (see src/templates/shipped-fonts.ts).
import "@fontsource/inter/400.css";
import "@fontsource/inter/600.css";
import "@fontsource/inter/800.css";
import "@fontsource/noto-sans-sc/400.css";
import "@fontsource/noto-sans-sc/700.css";
import "@fontsource/anton/400.css";
import "@fontsource/oswald/700.css";
import "@fontsource/source-sans-3/400.css";
import "@fontsource/source-sans-3/600.css";
import "@fontsource/playfair-display/700.css";
import "@fontsource/dm-sans/400.css";
import "@fontsource/dm-sans/500.css";
import type { Theme } from "../src/schema/storyboard.js";
import { FALLBACK_FAMILIES, SHIPPED_FONTS } from "../src/templates/shipped-fonts.js";

/** Bylines, URLs and other quiet lines are set in the body family at this weight. */
export const META_WEIGHT = 400;
/** Highlight captions are set at least this heavy. */
const HEAVY_WEIGHT = 800;

/** A family first, then the fallbacks: Inter for Latin, Noto Sans SC for CJK. */
export function fontStack(primary: string): string {
  const families = [...new Set([primary, ...FALLBACK_FAMILIES])];
  return `${families.map((f) => JSON.stringify(f)).join(", ")}, sans-serif`;
}

/** The faces to load before measuring: the theme's families at the weights drawn, and the fallbacks. */
export function fontFaces(fonts: Theme["fonts"]): string[] {
  const faces: Array<[string, number]> = [
    [fonts.headline.family, fonts.headline.weight],
    [fonts.body.family, fonts.body.weight],
    [fonts.body.family, META_WEIGHT],
    [fonts.body.family, Math.max(fonts.body.weight, HEAVY_WEIGHT)],
    ...FALLBACK_FAMILIES.flatMap((family) => (SHIPPED_FONTS[family] ?? []).map((weight): [string, number] => [family, weight])),
  ];
  return [...new Set(faces.map(([family, weight]) => `${weight} 100px ${JSON.stringify(family)}`))];
}

export interface FontFile {
  family: string;
  weight: number;
  url: string;
}

/**
 * The theme's fonts that come as files, with the URLs the renderer serves them at. A file the
 * assets map lacks (Studio) is left out: the text is then drawn in the stack's next family.
 */
export function fontFiles(fonts: Theme["fonts"], assets: Record<string, string>): FontFile[] {
  return [fonts.headline, fonts.body].flatMap((font) => {
    const url = font.file ? assets[font.file] : undefined;
    return url ? [{ family: font.family, weight: font.weight, url }] : [];
  });
}
