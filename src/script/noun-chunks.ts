import nlp from "compromise/two";
import { isStopword } from "./is-stopword.js";

/** A noun phrase or named entity of an English text, the raw material for keyphrases and footage queries. */
export interface NounChunk {
  /** Lowercased, 1–3 words: the noun run, with its adjective when the run is a single noun ("local shops"). */
  text: string;
  /** The nouns alone ("bike lanes" of "protected bike lanes"); equal to `text` when there is no adjective. */
  core: string;
  /** A named person, place or organisation ("alder street", "ana ruiz"). */
  entity: boolean;
  /** Order of appearance in the text, from 0. */
  position: number;
}

type Term = { text: string; normal: string; pre: string; post: string; tags?: Set<string> };

/** Longer runs of nouns are usually a title or a list, not one thing; their last words name it. */
const MAX_CHUNK_WORDS = 3;
const ENTITY_TAGS = ["Person", "Place", "Organization"] as const;
// Compiled once, as Readability does, so they are not rebuilt for every term.
const BREAK_AFTER = /[.,;:!?()[\]{}"“”«»|/\\—–…]/u;
const BREAK_BEFORE = /[([{"“«]/u;
const POSSESSIVE = /['’]s$/u;
const HAS_LETTER = /\p{L}/u;
const WORD_EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const ALL_UPPER = /^[\p{Lu}\p{N}.]+$/u;
const HYPHEN_JOIN = /^[-‐]$/u;

type Kind = "noun" | "adjective" | "other";

function entityOf(term: Term): string | null {
  for (const tag of ENTITY_TAGS) if (term.tags?.has(tag)) return tag;
  return null;
}

function kindOf(term: Term): Kind {
  const tags = term.tags;
  if (!tags) return "other";
  if (tags.has("Pronoun") || tags.has("Value") || tags.has("Determiner")) return "other";
  if (tags.has("Noun")) return "noun";
  if (tags.has("Adjective")) return "adjective";
  return "other";
}

/**
 * The form a word is kept in, or null when it cannot stand in a keyphrase (stopword, too short,
 * no letter). A hyphenated compound ("real-time") is one word, and is dropped whole when any
 * piece is a number or a stopword ("18-year-old", "proof-of-concept").
 */
function keepWord(pieces: readonly Term[]): string | null {
  const words: string[] = [];
  for (const term of pieces) {
    const word = term.normal.replace(POSSESSIVE, "").replace(WORD_EDGES, "");
    if (!HAS_LETTER.test(word) || isStopword(word, "en")) return null;
    words.push(word);
  }
  const word = words.join("-");
  const acronym = pieces.length === 1 && ALL_UPPER.test(pieces[0]!.text.replace(POSSESSIVE, "")) && word.length >= 2;
  return word.length >= 3 || acronym ? word : null;
}

/** Terms joined by hyphens ("18", "year", "old") grouped as one compound, in order. */
function compounds(sentence: readonly Term[]): Term[][] {
  const out: Term[][] = [];
  let current: Term[] = [];
  for (const term of sentence) {
    current.push(term);
    if (!HYPHEN_JOIN.test(term.post)) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

interface Run {
  adjectives: string[];
  nouns: string[];
  entity: string | null;
}

/**
 * Noun phrases and named entities of an English text, in order, repeats kept: each is a run of
 * nouns (with one leading adjective when the run is a single noun), cut at punctuation, possessives
 * and stopwords, at most three words. A named entity is its own chunk ("Mayor Ana Ruiz" gives
 * "mayor" and "ana ruiz").
 */
export function nounChunks(text: string): NounChunk[] {
  const out: NounChunk[] = [];
  let run: Run = { adjectives: [], nouns: [], entity: null };
  const flush = (): void => {
    if (run.nouns.length > 0) {
      const nouns = run.nouns.slice(-MAX_CHUNK_WORDS);
      const core = nouns.join(" ");
      const adjective = run.adjectives.at(-1);
      const chunkText = nouns.length === 1 && adjective ? `${adjective} ${core}` : core;
      out.push({ text: chunkText, core, entity: run.entity !== null, position: out.length });
    }
    run = { adjectives: [], nouns: [], entity: null };
  };
  for (const sentence of nlp(text).docs as Term[][]) {
    for (const pieces of compounds(sentence)) {
      const first = pieces[0]!;
      const term = pieces.at(-1)!;
      if (BREAK_BEFORE.test(first.pre)) flush();
      const kind = kindOf(term);
      const word = kind === "other" ? null : keepWord(pieces);
      if (!word) {
        flush();
      } else if (kind === "adjective") {
        if (run.nouns.length > 0) flush();
        run.adjectives.push(word);
      } else {
        const entity = entityOf(term);
        if (run.nouns.length > 0 && entity !== run.entity) flush();
        if (entity) run.adjectives = [];
        run.entity = entity;
        run.nouns.push(word);
      }
      // "Fireball’s HTML" is two things, not one.
      if (POSSESSIVE.test(term.text) || BREAK_AFTER.test(term.post)) flush();
    }
    flush();
  }
  return out;
}
