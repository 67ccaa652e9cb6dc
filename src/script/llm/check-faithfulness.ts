import { splitSentences } from "../split-sentences.js";
import { findNumbers, isKnownNumber, numberSet } from "./extract-numbers.js";
import { findProperNouns } from "./find-proper-nouns.js";

export interface FaithfulnessReport {
  /** The narration without the sentences that carried a number the article does not have. */
  narration: string;
  /** Numbers the article does not have (their sentences were removed). */
  inventedNumbers: string[];
  /** Capitalised names the article does not mention (kept, only reported). */
  unknownNames: string[];
}

export interface ArticleFacts {
  numbers: Set<string>;
  /** Lower-cased article text (title, site and byline included), for name look-ups. */
  text: string;
}

/** The numbers and text a narration is checked against. */
export function articleFacts(text: string): ArticleFacts {
  return { numbers: numberSet(text), text: text.toLowerCase() };
}

/**
 * Checks one narration against the article: a sentence with a number the article does not
 * contain (after normalising separators, decimals and percent signs) is dropped; names are
 * looked up case-insensitively as whole words and the unknown ones reported.
 */
export function checkFaithfulness(narration: string, facts: ArticleFacts, lang: string): FaithfulnessReport {
  const kept: string[] = [];
  const inventedNumbers: string[] = [];
  const unknownNames: string[] = [];
  for (const sentence of splitSentences(narration, lang)) {
    const invented = findNumbers(sentence).filter((raw) => !isKnownNumber(raw, facts.numbers));
    if (invented.length > 0) {
      inventedNumbers.push(...invented);
      continue;
    }
    for (const name of findProperNouns(sentence)) {
      if (!containsWord(facts.text, name.toLowerCase()) && !unknownNames.includes(name)) unknownNames.push(name);
    }
    kept.push(sentence);
  }
  return { narration: kept.join(" ").trim(), inventedNumbers, unknownNames };
}

function containsWord(haystack: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(word, from);
    if (at < 0) return false;
    const before = haystack[at - 1] ?? " ";
    const after = haystack[at + word.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    from = at + 1;
  }
}
