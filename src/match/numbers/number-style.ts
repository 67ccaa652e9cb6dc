/** How a language writes numbers: its decimal mark, and whether it groups thousands with spaces. */
export interface NumberStyle {
  decimal: "." | ",";
  /** French, Swedish, Polish, Russian… write 12 000; elsewhere a space between digits is a word gap. */
  spaceGroups: boolean;
}

const SPACES = /[\s\u00a0\u202f]/u;

/**
 * The number style of a BCP 47 language tag, read from the platform's locale data (Intl), so
 * "de" gives "1.234,5" and "fr" "1 234,5". An unknown tag is read as English.
 */
export function numberStyle(lang: string): NumberStyle {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(lang || "en").formatToParts(12345.6);
  } catch (error) {
    // A malformed tag ("en_US", "") is the page's mistake, not the video's: English is the safe reading.
    if (error instanceof RangeError) parts = new Intl.NumberFormat("en").formatToParts(12345.6);
    else throw error;
  }
  const decimal = parts.find((part) => part.type === "decimal")?.value === "," ? "," : ".";
  const group = parts.find((part) => part.type === "group")?.value ?? ",";
  return { decimal, spaceGroups: SPACES.test(group) };
}
