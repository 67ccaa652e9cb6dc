import { countHeadlineWords } from "../schema/script.js";
import { isCjk } from "../text/text-units.js";
import { makeHeadline } from "./make-headline.js";
import { capitalise, MAX_HEADLINE_WORDS, tidyHeadline } from "./tidy-headline.js";

/** Where a title breaks naturally: bars, dashes, colons, question marks, a bracketed tail. */
const TITLE_BREAK = /\s[|–—@·-]\s|\s::\s|:\s|[?？!！]\s?|。|：|｜|\s(?=[(（＜<〈《【[])/u;
/** A CJK title part this many characters long says enough for a headline. */
const MIN_CJK_PART_CHARS = 4;

/**
 * The title scene's headline: the title itself when it is short, else its first part at a
 * natural break (colon, dash, bar, question mark), else the title cut like a sentence.
 */
export function titleHeadline(title: string, lang: string): string {
  const text = tidyHeadline(title.replace(/\s+/gu, " "));
  if (countHeadlineWords(text) <= MAX_HEADLINE_WORDS) return capitalise(text);
  const parts = text
    .split(TITLE_BREAK)
    .map((part) => tidyHeadline(part))
    .filter((part) => part.length > 0);
  for (const part of parts) {
    const words = countHeadlineWords(part);
    if (words > MAX_HEADLINE_WORDS) break;
    const cjkChars = [...part].filter(isCjk).length;
    if (words >= 2 || cjkChars >= MIN_CJK_PART_CHARS) return capitalise(part);
  }
  return makeHeadline(parts.find((part) => countHeadlineWords(part) >= 2) ?? text, lang);
}
