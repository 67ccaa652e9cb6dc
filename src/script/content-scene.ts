import { countHeadlineWords } from "../schema/script.js";
import type { DraftScene } from "./draft-scene.js";
import type { CandidateSentence, Section } from "./collect-sentences.js";
import { extractTerms, type Terms } from "./extract-terms.js";
import { isStopword } from "./is-stopword.js";
import { asSentence, joinSentences } from "./join-sentences.js";
import { makeHeadline } from "./make-headline.js";
import { MAX_HEADLINE_WORDS } from "./tidy-headline.js";
import { nounChunks, type NounChunk } from "./noun-chunks.js";
import { pickKeyphrases } from "./pick-keyphrases.js";
import { pickKeywords, type KeywordIndex } from "./pick-keywords.js";
import { primaryLanguage } from "./primary-language.js";

export interface ContentSceneContext {
  lang: string;
  /** Sentence scores by `CandidateSentence.index`. */
  scores: readonly number[];
  sections: readonly Section[];
  keywordIndex: KeywordIndex;
  /** Lowercased headlines already on screen; the new one is added. */
  usedHeadlines: Set<string>;
}

function mergeTerms(list: readonly Terms[]): Terms {
  return {
    words: list.flatMap((terms) => terms.words),
    phrases: list.flatMap((terms) => terms.phrases),
    proper: list.flatMap((terms) => terms.proper),
  };
}

/** A heading fit to stand as a scene's headline: short, and not ending on "for" or "the". */
function headingHeadline(section: Section | undefined, lang: string): string | null {
  // Documentation headings often end in a permalink mark ("Usage¶").
  const heading = section?.heading?.replace(/[\s:：.。¶§#]+$/u, "");
  if (!heading || countHeadlineWords(heading) > MAX_HEADLINE_WORDS) return null;
  const last = heading.split(/\s+/u).at(-1)?.replace(/[^\p{L}\p{N}]+/gu, "") ?? "";
  if (!last || isStopword(last, lang)) return null;
  return heading;
}

export type ContentScene = Omit<DraftScene, "id"> & {
  /** Noun chunks of the heading and narration (English only; null in other languages). */
  chunks: NounChunk[] | null;
};

/**
 * One content scene from a group of kept sentences: the sentences read verbatim, the section
 * heading as headline when it is the section's first scene (else the key sentence compressed),
 * keywords from the sentences and their heading. English keywords are keyphrases from noun
 * chunks and names; other languages keep word and phrase counts, having no tagger.
 */
export function contentScene(sentences: readonly CandidateSentence[], startsSection: boolean, context: ContentSceneContext): ContentScene {
  const { lang, scores, usedHeadlines } = context;
  const section = context.sections[sentences[0]!.section];
  let headline = startsSection ? headingHeadline(section, lang) : null;
  if (!headline || usedHeadlines.has(headline.toLowerCase())) {
    const byScore = [...sentences].sort((a, b) => (scores[b.index] ?? 0) - (scores[a.index] ?? 0) || a.index - b.index);
    const options = byScore.map((sentence) => makeHeadline(sentence.text, lang));
    headline = options.find((option) => !usedHeadlines.has(option.toLowerCase())) ?? options[0]!;
  }
  usedHeadlines.add(headline.toLowerCase());
  const headingTerms = section?.heading ? [extractTerms(section.heading, lang)] : [];
  const narration = joinSentences(sentences.map((sentence) => asSentence(sentence.text)));
  const terms = mergeTerms([...sentences.map((sentence) => sentence.terms), ...headingTerms]);
  // The heading is closed with a full stop so the tagger does not run it into the first sentence.
  const chunks = primaryLanguage(lang) === "en" ? nounChunks(section?.heading ? `${asSentence(section.heading)} ${narration}` : narration) : null;
  return {
    kind: "content",
    headline,
    narration,
    keywords: chunks ? pickKeyphrases(chunks, terms, context.keywordIndex) : pickKeywords(terms, context.keywordIndex),
    sourceBlockIds: [...new Set(sentences.map((sentence) => sentence.blockId))],
    chunks,
  };
}
