import type { Article } from "../schema/article.js";
import type { DraftScene } from "./draft-scene.js";
import { readingWords } from "../text/text-units.js";
import { isPunctuated } from "./collect-sentences.js";
import { asSentence, joinSentences } from "./join-sentences.js";
import { titleHeadline } from "./title-headline.js";
import { splitWith } from "./split-sentences.js";

/** The excerpt joins the title scene only when it is a real sentence and leaves most of the time to the body. */
const EXCERPT_MIN_WORDS = 4;
const EXCERPT_MAX_WORDS = 30;
const EXCERPT_MAX_SHARE = 0.25;
/** A title that would take more of a short video than this is read in its headline form. */
const TITLE_MAX_SHARE = 0.3;
/** Excerpts are often cut short by the page ("…one on Silic..."); such a sentence is not read. */
const TRUNCATED = /(?:\.\.\.|…)["'”’»」』)]*$/u;

export interface TitleScene {
  scene: DraftScene;
  /** The excerpt sentence the title scene reads, so the body does not read it again. */
  excerptSentence: string | null;
}

export interface TitleSceneInput {
  article: Pick<Article, "excerpt" | "lang">;
  /** The title without the site's name. */
  title: string;
  /** Reading words of the whole video. */
  totalBudget: number;
  segmenter: Intl.Segmenter;
  keywords: string[];
}

/** The opening scene: the title read as a sentence, plus the excerpt's first sentence when time allows. */
export function titleScene({ article, title, totalBudget, segmenter, keywords }: TitleSceneInput): TitleScene {
  const headline = titleHeadline(title, article.lang);
  let titleSentence = asSentence(title);
  if (readingWords(titleSentence) > totalBudget * TITLE_MAX_SHARE) titleSentence = asSentence(headline);
  let narration = titleSentence;
  let excerptSentence: string | null = null;
  const first = article.excerpt ? splitWith(segmenter, article.excerpt, article.lang)[0] : undefined;
  if (first && isPunctuated(first) && !TRUNCATED.test(first) && first.toLowerCase() !== titleSentence.toLowerCase()) {
    const words = readingWords(first);
    const fits = words >= EXCERPT_MIN_WORDS && words <= EXCERPT_MAX_WORDS && readingWords(titleSentence) + words <= totalBudget * EXCERPT_MAX_SHARE;
    if (fits) {
      narration = joinSentences([titleSentence, first]);
      excerptSentence = first;
    }
  }
  return {
    scene: { id: "s1", kind: "title", headline, narration, keywords, sourceBlockIds: [] },
    excerptSentence,
  };
}
