import { isCjk } from "../text/text-units.js";
import { isPunctuated } from "./collect-sentences.js";

function endsInCjk(text: string): boolean {
  return isCjk([...text.trimEnd()].at(-1) ?? "");
}

function mostlyCjk(text: string): boolean {
  const chars = [...text.replace(/\s+/gu, "")];
  return chars.filter(isCjk).length * 2 > chars.length;
}

/** A sentence as it is read: a fragment without a full stop gets one, so captions and speech pause there. */
export function asSentence(text: string): string {
  if (isPunctuated(text)) return text;
  return mostlyCjk(text) ? `${text}。` : `${text}.`;
}

/** Sentences joined into one narration: with a space, except between two CJK sentences. */
export function joinSentences(sentences: readonly string[]): string {
  let out = "";
  for (const sentence of sentences) {
    if (!out) out = sentence;
    else out += endsInCjk(out) && isCjk([...sentence][0] ?? "") ? sentence : ` ${sentence}`;
  }
  return out;
}
