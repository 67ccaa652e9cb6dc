import { createRequire } from "node:module";
import { STOP_WORDS } from "./stop-words.js";
import type { WordNet, WordNetPos } from "./wordnet.js";

/** One indexed term, with where it came from. */
export interface AnalyzedTerm {
  /** The term that is indexed and matched: a lemma, a WordNet compound ("hot_dog") or a CJK bigram. */
  term: string;
  /**
   * The word it was made from, lower-cased, as WordNet knows it (a surface word or a compound
   * lemma); null for terms WordNet cannot expand (CJK bigrams, non-Latin words).
   */
  word: string | null;
  /** A compound or a concatenation of two neighbouring words, emitted besides the words. */
  compound: boolean;
}

export interface LemmaCandidate {
  lemma: string;
  pos: WordNetPos;
  /** "gerund" for "-ing" stripped, "irregular" for an exception-list form ("men" → "man"). */
  rule: "regular" | "gerund" | "irregular";
}

export interface TextAnalyzer {
  analyze(text: string): AnalyzedTerm[];
  /** The term a single lower-cased word (or a WordNet multiword lemma) is indexed under. */
  termOf(word: string): string;
  /** Base forms WordNet has for an inflected word (the word itself excluded). */
  lemmaCandidates(word: string): readonly LemmaCandidate[];
}

interface WinkLemmatizer {
  noun(word: string): string;
  verb(word: string): string;
  adjective(word: string): string;
}

// Runs of these scripts have no spaces between words: they are indexed by character bigrams.
const CJK_RUNS = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)|([^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)/gu;
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;
const LATIN_WORD = /^[\p{Script=Latin}\p{M}\p{N}'’\-]+$/u;
const ASCII_WORD = /^[a-z0-9][a-z0-9'\-]*$/;
const POSSESSIVE = /['’]s$/;

// WordNet's detachment rules ("morphy"), plus a doubled final consonant ("sitting" → "sit").
const DETACH: Record<"n" | "v" | "a", ReadonlyArray<readonly [string, string]>> = {
  n: [["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"], ["ves", "f"], ["ves", "fe"]],
  v: [["s", ""], ["ies", "y"], ["es", "e"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]],
  a: [["er", ""], ["est", ""], ["er", "e"], ["est", "e"]],
};
const REGULAR_ENDING = /^(?:s|es|ies|d|ed|ied|ing|r|er|ier|st|est|iest)$/;
const DOUBLED = /([bdfgklmnprtvz])\1$/;

/**
 * English analysis: tokens, stop words out, each word mapped to its most frequent WordNet base
 * form (wink-lemmatizer's exception lists plus WordNet's own detachment rules, ranked by the
 * sense-tagged frequency in index.sense), WordNet compounds of two neighbouring words added.
 * Words WordNet does not know lose a plural "s"; other scripts pass through, CJK as bigrams.
 */
export function createTextAnalyzer(wordNet: WordNet): TextAnalyzer {
  const require = createRequire(import.meta.url);
  const wink = require("wink-lemmatizer") as WinkLemmatizer;
  const termCache = new Map<string, string>();
  const candidateCache = new Map<string, readonly LemmaCandidate[]>();

  const frequency = (lemma: string, pos: WordNetPos | null): number =>
    wordNet.senses(lemma).reduce((sum, sense) => (pos === null || sense.pos === pos ? sum + sense.count : sum), 0);

  const lemmaCandidates = (word: string): readonly LemmaCandidate[] => {
    const cached = candidateCache.get(word);
    if (cached !== undefined) return cached;
    const found: LemmaCandidate[] = [];
    const add = (lemma: string, pos: WordNetPos, rule: LemmaCandidate["rule"]): void => {
      if (lemma === word || lemma.length === 0 || found.some((c) => c.lemma === lemma && c.pos === pos)) return;
      if (wordNet.has(lemma, pos)) found.push({ lemma, pos, rule });
    };
    if (ASCII_WORD.test(word)) {
      for (const pos of ["n", "v", "a"] as const) {
        // A comparative reading of a word WordNet lists as a noun ("owner", "dryer") is not taken.
        if (pos === "a" && wordNet.has(word, "n")) continue;
        for (const [suffix, replacement] of DETACH[pos]) {
          if (!word.endsWith(suffix) || word.length - suffix.length < 2) continue;
          const stem = word.slice(0, word.length - suffix.length);
          // "-es" follows only a hissing sound or "o" ("washes", "goes"); "planes" is not "plan".
          if (suffix === "es" && replacement === "" && !/(?:s|x|z|ch|sh|o)$/.test(stem)) continue;
          const rule = suffix === "ing" ? "gerund" : "regular";
          add(stem + replacement, pos, rule);
          if (pos === "v" && replacement === "" && DOUBLED.test(stem)) add(stem.slice(0, -1), pos, rule);
        }
      }
      // wink-lemmatizer's exception lists cover irregular forms ("men", "rode", "fed"); its
      // suffix rules are WordNet's, already applied above with their spelling conditions.
      const winkLemmas: Array<[string, WordNetPos]> = [[wink.noun(word), "n"], [wink.verb(word), "v"], [wink.adjective(word), "a"]];
      for (const [lemma, pos] of winkLemmas) if (!looksRegular(word, lemma)) add(lemma, pos, "irregular");
    }
    candidateCache.set(word, found);
    return found;
  };

  /** The more frequent reading: a base form, or the word itself. */
  const lemmaStep = (word: string, gerundOnly: boolean): string => {
    let best: string | null = null;
    let bestFrequency = -1;
    for (const candidate of lemmaCandidates(word)) {
      if (gerundOnly && candidate.rule !== "gerund") continue;
      const f = frequency(candidate.lemma, candidate.pos);
      if (f > bestFrequency) {
        best = candidate.lemma;
        bestFrequency = f;
      }
    }
    if (best !== null) return bestFrequency >= frequency(word, null) ? best : word;
    if (!gerundOnly && !wordNet.has(word)) return stripPlural(word);
    return word;
  };

  const termOf = (word: string): string => {
    const cached = termCache.get(word);
    if (cached !== undefined) return cached;
    let term = word;
    if (ASCII_WORD.test(word) && !word.includes("_")) {
      term = lemmaStep(word, false);
      // A plural gerund noun goes on to its verb like the singular does ("buildings" →
      // "building" → "build"), so every form of a word lands on one term.
      if (term !== word && term.endsWith("ing")) term = lemmaStep(term, true);
    }
    termCache.set(word, term);
    return term;
  };

  const analyze = (text: string): AnalyzedTerm[] => {
    const out: AnalyzedTerm[] = [];
    // The previous Latin word while it can still start a compound; a stop word, a CJK run,
    // another script or punctuation in between resets it.
    let previous: string | null = null;
    let lastEnd = 0;
    const normalized = text.normalize("NFKC").toLowerCase();
    for (const match of normalized.matchAll(TOKEN)) {
      if (/\S/.test(normalized.slice(lastEnd, match.index))) previous = null;
      lastEnd = match.index + match[0].length;
      for (const run of match[0].matchAll(CJK_RUNS)) {
        if (run[1] !== undefined) {
          for (const gram of characterBigrams(run[1])) out.push({ term: gram, word: null, compound: false });
          previous = null;
          continue;
        }
        for (const token of splitToken(run[2]!, wordNet)) {
          if (token.length === 0 || STOP_WORDS.has(token) || !LATIN_WORD.test(token)) {
            if (token.length > 0 && !STOP_WORDS.has(token)) out.push({ term: token, word: null, compound: false });
            previous = null;
            continue;
          }
          const word = foldLatin(token);
          const plain = ASCII_WORD.test(word);
          out.push({ term: termOf(word), word: plain ? word : null, compound: false });
          if (previous !== null && plain) out.push(...compoundsOf(previous, word));
          previous = plain ? word : null;
        }
      }
    }
    return out;
  };

  const compoundsOf = (first: string, second: string): AnalyzedTerm[] => {
    const seconds = [second, ...lemmaCandidates(second).filter((c) => c.pos === "n").map((c) => c.lemma)];
    for (const last of seconds) {
      const joined = `${first}_${last}`;
      if (wordNet.has(joined, "n")) return [{ term: joined, word: joined, compound: true }];
    }
    // "skate board" for "skateboard": only when both halves are real words of some length.
    if (first.length >= 3 && second.length >= 3) {
      for (const last of seconds) {
        const joined = `${first}${last}`;
        if (wordNet.has(joined, "n")) return [{ term: termOf(joined), word: joined, compound: true }];
      }
    }
    return [];
  };

  return {
    analyze,
    termOf: (word) => (word.includes("_") ? word : termOf(word)),
    lemmaCandidates,
  };
}

/** Splits "t-shirt"-like tokens unless WordNet knows them whole, and drops a possessive "'s". */
function splitToken(token: string, wordNet: WordNet): string[] {
  const plain = token.replace(POSSESSIVE, "").replace(/’/g, "'");
  if (!plain.includes("-")) return [plain];
  if (wordNet.has(plain)) return [plain];
  const joined = plain.replace(/-/g, "");
  if (wordNet.has(joined)) return [joined];
  return plain.split("-");
}

/** Strips accents from Latin-script words only (other scripts need their marks). */
function foldLatin(token: string): string {
  return token.normalize("NFD").replace(/\p{M}+/gu, "").normalize("NFC");
}

/** True when `word` is `lemma` plus an inflection ending (give or take a final "e" or "y"): a rule's job, not an exception's. */
function looksRegular(word: string, lemma: string): boolean {
  if (lemma === word) return true;
  const stems = /[ey]$/.test(lemma) ? [lemma, lemma.slice(0, -1)] : [lemma];
  return stems.some((stem) => word.startsWith(stem) && REGULAR_ENDING.test(word.slice(stem.length)));
}

/** Harman's S-stemmer, for words WordNet does not know. */
function stripPlural(word: string): string {
  if (word.length <= 3 || !ASCII_WORD.test(word)) return word;
  if (word.endsWith("ies") && !/[ae]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (word.endsWith("es") && !/[aeo]es$/.test(word)) return word.slice(0, -1);
  if (word.endsWith("s") && !/[us]s$/.test(word)) return word.slice(0, -1);
  return word;
}

function characterBigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}
