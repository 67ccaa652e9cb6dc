/** A capitalised Latin word (with inner apostrophes or hyphens), e.g. "Berlin", "O'Neil", "Jean-Luc". */
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’-]*$/u;
const LATIN = /\p{Script=Latin}/u;
/** Words capitalised for grammar, not because they name something. */
const ALWAYS_CAPITALISED = new Set(["I", "I'm", "I've", "I'd", "I'll"]);

/**
 * Capitalised words of a sentence that are not its first word: likely names of people, places,
 * organisations and products. Only meaningful for Latin scripts (German capitalises every noun,
 * so there the check reports more words, which a caller may accept as noise).
 */
export function findProperNouns(sentence: string): string[] {
  const words = sentence.split(/\s+/u).filter(Boolean);
  const nouns: string[] = [];
  words.forEach((word, i) => {
    const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (i === 0 || !bare || !LATIN.test(bare) || !CAPITALISED.test(bare) || ALWAYS_CAPITALISED.has(bare)) return;
    // A word after a colon or an opening quote starts a new clause.
    if (/[:"“«]$/u.test(words[i - 1]!) || /^["“«]/u.test(word)) return;
    nouns.push(bare.replace(/['’]s$/u, ""));
  });
  return nouns;
}
