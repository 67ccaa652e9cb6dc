import type { Article } from "../schema/article.js";
import { readingWords } from "../text/text-units.js";
import { extractTerms, type Terms } from "./extract-terms.js";
import { normalizeWhitespace, splitWith } from "./split-sentences.js";

/** The longest sentence worth narrating on its own; longer ones are kept only as a last resort. */
export const MAX_SENTENCE_WORDS = 45;

/**
 * How willing the writer is to narrate a sentence: 0 = a good sentence, 1 = usable but poor
 * (very long, a fragment, a lead-in ending in ":"), 2 = an image caption or boilerplate,
 * 3 = a heading. The writer draws from the best tier that has anything in it.
 */
export type SentenceTier = 0 | 1 | 2 | 3;

export interface CandidateSentence {
  /** Position in the article, counting every candidate. */
  index: number;
  text: string;
  blockId: string;
  blockIndex: number;
  /** 0 for text before the first heading, then one per heading. */
  section: number;
  /** The sentence's rank inside its section, from 0. */
  positionInSection: number;
  words: number;
  terms: Terms;
  tier: SentenceTier;
  /** Ends with . ! ? or a CJK full stop (closing quotes allowed). */
  punctuated: boolean;
}

export interface Section {
  heading: string | null;
  headingBlockId: string | null;
}

export interface CollectedSentences {
  sentences: CandidateSentence[];
  sections: Section[];
}

const TERMINAL = /[.!?。！？…](?:["'”’»」』)\]）】]*)$/u;
const LEAD_IN = /[:：]$/u;
/** Page furniture that survives extraction: links, sharing prompts, bylines, datelines, breadcrumbs. */
const BOILERPLATE = [
  /https?:\/\/|www\.|\S@\S|©/iu,
  /\b(?:all rights reserved|click here|subscribe (?:to|now|here)|sign up (?:for|now|here)|our newsletter|(?:accept|use of|uses) cookies|advertisement|read more|share this|follow us)\b/iu,
  /\b(?:posted (?:by|on|in)|first published|last updated)\b/iu,
  /^(?:related|see also|more|advertisement|read also)\s*:/iu,
  /(?:\s[>»›|/]\s\S[^>»›|]*){2,}/u,
  /[←→↑↓]/u,
  /版权|版權|独家所有|獨家所有|未经授权|未經授權|不得转载|不得轉載|责任编辑|責任編輯|無断転載|著作権/u,
  /(?:\[\p{L}[^\]]{0,20}\]\s*){3,}/u,
];
/** In scripts with letter case, a sentence that opens in lowercase or on punctuation is a fragment. */
const FRAGMENT_START = /^(?:\p{Ll}(?!\p{Ll}*\p{Lu})|[,;:.)\]}!?%])/u;
const DIGIT = /\p{N}/gu;
const NON_SPACE = /\S/gu;
const MAX_DIGIT_SHARE = 0.25;
const MIN_WORDS = 4;
/** Sections that list sources and links rather than tell the story. */
const APPARATUS_HEADING =
  /^(?:references|external links|see also|notes|further reading|bibliography|sources|citations|footnotes|notes and references|einzelnachweise|weblinks|literatur|anmerkungen|referencias|enlaces externos|véase también|notas|bibliografía|références|liens externes|voir aussi|notes et références|bibliographie|referências|ligações externas|ver também|note|bibliografia|collegamenti esterni|voci correlate|externe links|zie ook|bronnen|reference|externí odkazy|literatura|odkazy|参考文献|外部链接|外部連結|関連項目|脚注|外部リンク)$/iu;
/** Fragments without terminal punctuation shorter than this are labels, not sentences. */
const MIN_UNPUNCTUATED_WORDS = 8;

export function isPunctuated(sentence: string): boolean {
  return TERMINAL.test(sentence);
}

function tierOf(text: string, words: number): SentenceTier {
  if (BOILERPLATE.some((pattern) => pattern.test(text))) return 2;
  if (words > MAX_SENTENCE_WORDS || words < MIN_WORDS || LEAD_IN.test(text) || FRAGMENT_START.test(text)) return 1;
  if (!isPunctuated(text)) {
    const digits = text.match(DIGIT)?.length ?? 0;
    const chars = text.match(NON_SPACE)?.length ?? 1;
    if (words < MIN_UNPUNCTUATED_WORDS || digits / chars > MAX_DIGIT_SHARE) return 1;
  }
  return 0;
}

/** Every sentence of the article that could be narrated, in article order, with its section. */
export function collectSentences(article: Article, segmenter: Intl.Segmenter): CollectedSentences {
  const sections: Section[] = [{ heading: null, headingBlockId: null }];
  const sentences: CandidateSentence[] = [];
  const seen = new Set<string>();
  const inSection = [0];
  const add = (text: string, blockId: string, blockIndex: number, forced?: SentenceTier): void => {
    const key = `${forced === 3 ? "heading" : "text"}:${text.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    const section = sections.length - 1;
    const words = readingWords(text);
    sentences.push({
      index: sentences.length,
      text,
      blockId,
      blockIndex,
      section,
      positionInSection: inSection[section]!,
      words,
      terms: extractTerms(text, article.lang),
      tier: forced ?? tierOf(text, words),
      punctuated: isPunctuated(text),
    });
    if (forced !== 3) inSection[section]! += 1;
  };
  const addText = (text: string, blockId: string, blockIndex: number, forced?: SentenceTier): void => {
    for (const sentence of splitWith(segmenter, text, article.lang)) add(sentence, blockId, blockIndex, forced);
  };

  let apparatus = false;
  article.blocks.forEach((block, blockIndex) => {
    switch (block.type) {
      case "heading": {
        const heading = normalizeWhitespace(block.text);
        sections.push({ heading, headingBlockId: block.id });
        inSection.push(0);
        apparatus = APPARATUS_HEADING.test(heading.replace(/[\s:：.¶§#]+$/u, ""));
        addText(heading, block.id, blockIndex, 3);
        return;
      }
      case "paragraph":
      case "quote":
        addText(block.text, block.id, blockIndex, apparatus ? 2 : undefined);
        return;
      case "list":
        for (const item of block.items) addText(item, block.id, blockIndex, apparatus ? 2 : undefined);
        return;
      case "image":
        if (block.caption) addText(block.caption, block.id, blockIndex, 2);
        return;
      case "code":
        // Code is never read aloud.
        return;
    }
  });
  return { sentences, sections };
}
