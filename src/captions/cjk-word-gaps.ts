import { isCjk, needsSpace } from "../text/text-units.js";

/**
 * For each gap between two atoms, whether it falls inside a CJK word (by the ICU word
 * segmenter): lines may break between any two characters, but a break between words reads
 * better, so these gaps are only used when nothing else fits.
 */
export function cjkWordGaps(atoms: readonly string[], lang: string): boolean[] {
  const gaps = atoms.slice(1).map(() => false);
  if (!atoms.some((atom) => [...atom].some(isCjk))) return gaps;
  let text = "";
  const offsets: number[] = [];
  atoms.forEach((atom, i) => {
    if (i > 0) {
      offsets.push(text.length);
      if (needsSpace(atoms[i - 1]!, atom)) text += " ";
    }
    text += atom;
  });
  const inside = new Uint8Array(text.length + 1);
  for (const part of new Intl.Segmenter(lang, { granularity: "word" }).segment(text)) {
    if (!part.isWordLike) continue;
    for (let k = part.index + 1; k < part.index + part.segment.length; k++) inside[k] = 1;
  }
  offsets.forEach((offset, i) => {
    const left = [...atoms[i]!].at(-1) ?? "";
    const right = [...atoms[i + 1]!][0] ?? "";
    gaps[i] = inside[offset] === 1 && isCjk(left) && isCjk(right);
  });
  return gaps;
}
