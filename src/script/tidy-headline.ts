import { isStopword } from "./is-stopword.js";

export const MAX_HEADLINE_WORDS = 8;

const LEADING_JUNK = /^[\s"'“”‘’„«»‹›「」『』(（[—–-]+/u;
export const TRAILING_PUNCT = /[\s,;:.…"'“”‘’„«»‹›「」『』(（[—–・、。，：；-]+$/u;

const BRACKET_PAIRS: readonly (readonly [RegExp, RegExp])[] = [
  [/[(（]/gu, /[)）]/gu],
  [/“/gu, /”/gu],
  [/«/gu, /»/gu],
  [/「/gu, /」/gu],
  [/『/gu, /』/gu],
  [/＜/gu, /＞/gu],
  [/《/gu, /》/gu],
  [/【/gu, /】/gu],
  [/\[/gu, /\]/gu],
];

export function capitalise(text: string): string {
  const first = text[0];
  return first && /\p{Ll}/u.test(first) ? first.toUpperCase() + text.slice(1) : text;
}

/** Drops quote marks and brackets that lost their partner when the text was cut. */
function balance(text: string): string {
  let out = text;
  for (const [open, close] of BRACKET_PAIRS) {
    if ((out.match(open)?.length ?? 0) !== (out.match(close)?.length ?? 0)) out = out.replace(open, "").replace(close, "");
  }
  if ((out.match(/"/gu)?.length ?? 0) % 2 === 1) out = out.replace(/"/gu, "");
  if (/[„]/u.test(out) && !/[“”]/u.test(out)) out = out.replace(/„/gu, "");
  return out.replace(/\s{2,}/gu, " ").trim();
}

/** A headline's edges cleaned: no leading quote or dash, no trailing punctuation, no unpaired brackets. */
export function tidyHeadline(text: string): string {
  return balance(text.replace(LEADING_JUNK, "").replace(TRAILING_PUNCT, ""));
}

/** A token without the punctuation around it. */
export function bareWord(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

/** Removes trailing words a headline must not end on: stopwords, dashes, lone letters. */
export function trimTail(words: string[], lang: string): string[] {
  const out = words.slice();
  while (out.length > 1) {
    const last = bareWord(out[out.length - 1]!);
    if (last && !isStopword(last, lang) && (last.length > 1 || /\p{N}/u.test(last))) break;
    out.pop();
  }
  return out;
}
