// Chinese and Japanese are written without spaces; each character counts as one word there,
// which matches how reading speed is usually measured for them.
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}])+/gu;

/** Words in a text: runs of letters and digits, and each CJK character on its own. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
