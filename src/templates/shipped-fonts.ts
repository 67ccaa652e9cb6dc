/**
 * Font families bundled with the compositions (compositions/fonts.ts imports their CSS), with the
 * weights shipped. A template, brand kit or override may name any of these without a `file`;
 * another weight of a shipped family is drawn with the nearest shipped one. Pure and free of
 * Node APIs: the compositions import it too.
 */
export const SHIPPED_FONTS: Readonly<Record<string, readonly number[]>> = {
  Inter: [400, 600, 800],
  Anton: [400],
  Oswald: [700],
  "Source Sans 3": [400, 600],
  "Playfair Display": [700],
  "DM Sans": [400, 500],
  "Noto Sans SC": [400, 700],
};

/** Families every stack falls back to: Inter for Latin, Greek and Cyrillic, Noto Sans SC for CJK. */
export const FALLBACK_FAMILIES = ["Inter", "Noto Sans SC"] as const;

const SHIPPED_LOWER = new Set(Object.keys(SHIPPED_FONTS).map((family) => family.toLowerCase()));

/** Whether a family ships with reelpress; CSS matches family names without regard to case, and so does this. */
export function isShippedFont(family: string): boolean {
  return SHIPPED_LOWER.has(family.trim().toLowerCase());
}

/**
 * Why a font cannot be drawn as named, or null: a family given without a file must ship with
 * reelpress, else the text would be drawn in Inter without a word. Messages put the field first.
 */
export function unshippedFontProblem(font: { family?: string; file?: string | null } | undefined): string | null {
  if (font?.family === undefined || font.file || isShippedFont(font.family)) return null;
  return `"${font.family}" is not shipped with reelpress (${Object.keys(SHIPPED_FONTS).join(", ")}); give "file"`;
}
