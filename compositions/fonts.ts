// Bundled with the video (webpack emits the woff2 files); nothing is fetched from the network.
import "@fontsource/inter/400.css";
import "@fontsource/inter/600.css";
import "@fontsource/inter/800.css";
import "@fontsource/noto-sans-sc/400.css";
import "@fontsource/noto-sans-sc/700.css";

export const WEIGHT = { regular: 400, semibold: 600, heavy: 800 } as const;

const BUNDLED_FAMILIES = ["Inter", "Noto Sans SC"];

/** The theme's family first, then the bundled ones: Inter for Latin, Noto Sans SC for CJK. */
export function fontStack(primary: string): string {
  const families = [...new Set([primary, ...BUNDLED_FAMILIES])];
  return `${families.map((f) => JSON.stringify(f)).join(", ")}, sans-serif`;
}

/** The faces to load before measuring: every family of the stack in every weight drawn. */
export function fontFaces(primary: string): string[] {
  const families = [...new Set([primary, ...BUNDLED_FAMILIES])];
  return families.flatMap((family) => Object.values(WEIGHT).map((weight) => `${weight} 100px ${JSON.stringify(family)}`));
}
