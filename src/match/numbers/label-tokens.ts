import nlp from "compromise/two";
import { isListedVerb, isMonth, isStopword } from "./label-words.js";

export interface LabelToken {
  text: string;
  start: number;
  end: number;
  /** Could be part of a bar's name: a noun, a name or an adjective, not a function word or a verb. */
  content: boolean;
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’-]*/gu;
const ALL_CAPS = /^[\p{Lu}\p{N}]{2,}$/u;
const NAMING_TAGS = ["Noun", "Adjective", "ProperNoun", "Acronym"];
const NON_NAMING_TAGS = ["Pronoun", "Possessive", "Determiner", "Preposition", "Conjunction", "Adverb", "Value", "Particle", "Copula", "Modal", "Auxiliary"];

type TaggedTerm = { offset: { start: number; length: number }; tags: string[] };

/** Part-of-speech tags by character offset, for English, where a tagger is at hand. */
function englishTags(text: string): Map<number, readonly string[]> {
  const tags = new Map<number, readonly string[]>();
  const sentences = nlp(text).json({ offset: true }) as Array<{ terms: TaggedTerm[] }>;
  for (const sentence of sentences) for (const term of sentence.terms) tags.set(term.offset.start, term.tags);
  return tags;
}

function naming(word: string, tags: readonly string[] | undefined): boolean {
  if (isStopword(word) || isMonth(word)) return false;
  if (word.length < 2 && !ALL_CAPS.test(word)) return false;
  if (tags) {
    if (tags.some((tag) => NON_NAMING_TAGS.includes(tag))) return false;
    // The tagger's "no" is trusted only for verbs: a name it does not know ("Oslo:" is an "Expression") can still name a bar.
    if (tags.includes("Verb") && !tags.some((tag) => NAMING_TAGS.includes(tag))) return false;
    return true;
  }
  return !isListedVerb(word);
}

/**
 * The words of a text with their offsets, each marked whether it could name a bar. English is
 * tagged with compromise; other languages rely on the stopword and verb lists.
 */
export function labelTokens(text: string, lang: string): LabelToken[] {
  const tags = lang === "en" ? englishTags(text) : null;
  return [...text.matchAll(WORD)].map((match) => {
    const start = match.index;
    const word = match[0].replace(/['’]s$/u, "");
    return { text: match[0], start, end: start + match[0].length, content: naming(word, tags?.get(start)) };
  });
}
