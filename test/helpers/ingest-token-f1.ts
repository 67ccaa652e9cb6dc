import { JSDOM, VirtualConsole } from "jsdom";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const TOKEN = /[\p{L}\p{N}]+/gu;

/** Lower-cased runs of letters and digits; Chinese and Japanese characters count one by one. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const run of text.toLowerCase().match(TOKEN) ?? []) {
    let latin = "";
    for (const char of run) {
      if (CJK.test(char)) {
        if (latin) tokens.push(latin);
        latin = "";
        tokens.push(char);
      } else {
        latin += char;
      }
    }
    if (latin) tokens.push(latin);
  }
  return tokens;
}

/** Bag-of-tokens F1 of a candidate text against a reference text. */
export function tokenF1(candidate: string, reference: string): number {
  const counts = new Map<string, number>();
  const referenceTokens = tokenize(reference);
  for (const token of referenceTokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  const candidateTokens = tokenize(candidate);
  let overlap = 0;
  for (const token of candidateTokens) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(token, left - 1);
    }
  }
  if (!overlap) return 0;
  const precision = overlap / candidateTokens.length;
  const recall = overlap / referenceTokens.length;
  return (2 * precision * recall) / (precision + recall);
}

/** The text of an HTML fragment (tags stripped by a real parser). */
export function htmlText(html: string): string {
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  const text = dom.window.document.body.textContent ?? "";
  dom.window.close();
  return text;
}
