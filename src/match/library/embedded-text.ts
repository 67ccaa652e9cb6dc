/** Text a media file carries inside itself (XMP, IPTC, EXIF, container tags). */
export interface EmbeddedText {
  title: string | null;
  /** Every distinct description found, best source first. */
  descriptions: string[];
  keywords: string[];
  creator: string | null;
  /** A copyright or licence line. */
  rights: string | null;
}

export const NO_EMBEDDED_TEXT: EmbeddedText = { title: null, descriptions: [], keywords: [], creator: null, rights: null };

/** Trimmed, whitespace-collapsed, distinct (case-insensitive) and non-empty, in order. */
export function distinctTexts(values: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const text = value?.replace(/\s+/g, " ").trim();
    if (!text || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    out.push(text);
  }
  return out;
}
