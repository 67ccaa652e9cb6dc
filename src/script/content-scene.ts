import { countHeadlineWords } from "../schema/script.js";
import type { DraftScene } from "./draft-scene.js";
import type { CandidateSentence, Section } from "./collect-sentences.js";
import { extractTerms, type Terms } from "./extract-terms.js";
import { isStopword } from "./is-stopword.js";
import { asSentence, joinSentences } from "./join-sentences.js";
import { makeHeadline } from "./make-headline.js";
import { MAX_HEADLINE_WORDS } from "./tidy-headline.js";
import { pickKeywords, type KeywordIndex } from "./pick-keywords.js";

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

/**
 * One content scene from a group of kept sentences: the sentences read verbatim, the section
 * heading as headline when it is the section's first scene (else the key sentence compressed),
 * keywords from the sentences and their heading.
 */
export function contentScene(sentences: readonly CandidateSentence[], startsSection: boolean, context: ContentSceneContext): Omit<DraftScene, "id"> {
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
  return {
    kind: "content",
    headline,
    narration: joinSentences(sentences.map((sentence) => asSentence(sentence.text))),
    keywords: pickKeywords(mergeTerms([...sentences.map((sentence) => sentence.terms), ...headingTerms]), context.keywordIndex),
    sourceBlockIds: [...new Set(sentences.map((sentence) => sentence.blockId))],
  };
}
