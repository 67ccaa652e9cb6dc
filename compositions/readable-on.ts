type Rgb = readonly [number, number, number];

const NAMED: Record<string, Rgb> = { white: [255, 255, 255], black: [0, 0, 0] };

/** Reads #rgb, #rrggbb (alpha ignored), rgb()/rgba() and white/black; null for anything else. */
export function parseCssColor(color: string): Rgb | null {
  const value = color.trim().toLowerCase();
  if (NAMED[value]) return NAMED[value]!;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])([0-9a-f])?$/.exec(value);
  if (short) return [parseInt(short[1]! + short[1]!, 16), parseInt(short[2]! + short[2]!, 16), parseInt(short[3]! + short[3]!, 16)];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})(?:[0-9a-f]{2})?$/.exec(value);
  if (long) return [parseInt(long[1]!, 16), parseInt(long[2]!, 16), parseInt(long[3]!, 16)];
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(value);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  return null;
}

/** WCAG relative luminance. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Of the candidates, the one that reads best on `background` (highest contrast ratio), e.g. the
 * label colour of an accent-coloured button. Colours it cannot read count as least readable; with
 * an unreadable background the first candidate is returned.
 */
export function readableOn(background: string, candidates: readonly string[]): string {
  const bg = parseCssColor(background);
  if (!bg || candidates.length === 0) return candidates[0] ?? "#ffffff";
  let best = candidates[0]!;
  let bestRatio = -1;
  for (const candidate of candidates) {
    const rgb = parseCssColor(candidate);
    const ratio = rgb ? contrastRatio(bg, rgb) : 0;
    if (ratio > bestRatio) {
      best = candidate;
      bestRatio = ratio;
    }
  }
  return best;
}
