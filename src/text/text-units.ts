/**
 * Splitting text into the units a reader or a caption line deals with. Chinese and Japanese
 * have no spaces between words, so each character is its own unit there (punctuation stays
 * attached to the character before it). Korean separates words with spaces, so it splits and
 * joins like a Latin script, though its syllables are as wide on screen as Chinese characters.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
/** Full-width glyphs: the unspaced CJK scripts plus Hangul. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
const CLOSING_PUNCT = /^[\u3001\u3002\uff0c\uff0e\uff01\uff1f\uff1a\uff1b\u300d\u300f\uff09\u3011\u2019\u201d,.!?:;)\]»]+$/u;

/** Whether a character belongs to a script written without spaces between words (Chinese, Japanese). Hangul does not. */
export function isCjk(char: string): boolean {
  return CJK.test(char);
}

/** Whether a character is set about twice as wide as a Latin letter (CJK and Hangul). */
export function isWide(char: string): boolean {
  return WIDE.test(char);
}

/** Caption units: words for spaced scripts, single characters (plus trailing punctuation) for CJK. */
export function splitUnits(text: string): string[] {
  const units: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    if (![...word].some(isCjk)) {
      units.push(word);
      continue;
    }
    let latin = "";
    for (const ch of word) {
      if (CLOSING_PUNCT.test(ch) && (latin || units.length > 0)) {
        // Closing punctuation never starts a unit, also after Latin letters ("AI，").
        if (latin) latin += ch;
        else units[units.length - 1] += ch;
      } else if (isCjk(ch)) {
        if (latin) {
          units.push(latin);
          latin = "";
        }
        units.push(ch);
      } else {
        latin += ch;
      }
    }
    if (latin) units.push(latin);
  }
  return units;
}

/** Whether two neighbouring units are written with a space between them. */
export function needsSpace(left: string, right: string): boolean {
  const l = [...left].at(-1) ?? "";
  const r = [...right][0] ?? "";
  return !(isCjk(l) || isCjk(r));
}

export function joinUnits(units: readonly string[]): string {
  let out = "";
  units.forEach((unit, i) => {
    out += i > 0 && needsSpace(units[i - 1]!, unit) ? ` ${unit}` : unit;
  });
  return out;
}

/**
 * Reading load of a text in "words": spaced words count one each, CJK characters count
 * one per 1.5 characters (a common equivalence for reading-speed estimates).
 */
export function readingWords(text: string): number {
  let words = 0;
  let cjk = 0;
  for (const unit of splitUnits(text)) {
    if ([...unit].some(isCjk)) cjk += 1;
    else words += 1;
  }
  return words + cjk / 1.5;
}

/** Display width of a unit in "average Latin characters": CJK and Hangul glyphs are about twice as wide. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch) ? 2 : 1;
  return width;
}
