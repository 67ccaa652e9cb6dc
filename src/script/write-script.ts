import { InputError } from "../errors.js";
import type { Article } from "../schema/article.js";
import { formatIssues } from "../schema/format-issues.js";
import { ScriptSchema, type SceneScript, type Script } from "../schema/script.js";
import type { DraftScene } from "./draft-scene.js";
import { primaryLanguage } from "./primary-language.js";
import { readingWords } from "../text/text-units.js";
import { closingText, siteLabel } from "./closing-text.js";
import { collectSentences } from "./collect-sentences.js";
import { contentScene } from "./content-scene.js";
import { extractTerms, termKeys } from "./extract-terms.js";
import { asSentence } from "./join-sentences.js";
import { stripSiteName } from "./strip-site-name.js";
import { nounChunks, type NounChunk } from "./noun-chunks.js";
import { articleKeyphrases } from "./pick-keyphrases.js";
import { articleKeywords, buildKeywordIndex } from "./pick-keywords.js";
import { pickQueries } from "./pick-queries.js";
import { rankSentences } from "./rank-sentences.js";
import { readingBudget, SCENE_PAUSE_SECONDS } from "./reading-budget.js";
import { resolveScriptOptions, type ScriptOptions } from "./resolve-script-options.js";
import { selectSentences } from "./select-sentences.js";
import { createSentenceSegmenter, normalizeWhitespace } from "./split-sentences.js";
import { jaccard } from "./text-rank.js";
import { titleScene } from "./title-scene.js";

/** An article sentence this close to the excerpt sentence the title scene reads would be a repeat. */
const REPEAT_SIMILARITY = 0.5;

/**
 * The local, offline script writer: an extractive summary of the article sized to the target
 * duration. A title scene, then content scenes of one to three verbatim sentences in article
 * order, then a closing scene that says where to read the whole article. Pure and deterministic.
 */
export function writeScript(article: Article, options?: ScriptOptions): Script {
  const { durationSeconds, wordsPerMinute } = resolveScriptOptions(options);
  const lang = article.lang;
  const segmenter = createSentenceSegmenter(lang);
  const totalBudget = readingBudget(durationSeconds, wordsPerMinute);
  const pauseWords = readingBudget(SCENE_PAUSE_SECONDS, wordsPerMinute);

  const { sentences, sections } = collectSentences(article, segmenter);
  const title = stripSiteName(normalizeWhitespace(article.title), siteLabel(article));
  const titleTerms = extractTerms(title, lang);
  const keywordIndex = buildKeywordIndex(
    sentences.map((sentence) => sentence.terms),
    titleTerms,
    lang,
  );
  // Stock footage is searched in English, and only English has a tagger for noun chunks.
  const english = primaryLanguage(lang) === "en";
  let globalKeywords = articleKeywords(keywordIndex);

  const opening = titleScene({ article, title, totalBudget, segmenter, keywords: globalKeywords });
  const closing = closingText(article);
  const contentBudget = totalBudget - readingWords(opening.scene.narration) - readingWords(closing.narration) - 2 * pauseWords;

  // A sentence the title scene already reads is not read again.
  const excerpt = opening.excerptSentence;
  const excerptKeys = excerpt ? termKeys(extractTerms(excerpt, lang)) : null;
  const candidates = excerptKeys
    ? sentences.filter((sentence) => sentence.text.toLowerCase() !== excerpt!.toLowerCase() && jaccard(termKeys(sentence.terms), excerptKeys) < REPEAT_SIMILARITY)
    : sentences;
  const scores = rankSentences(sentences, {
    lang,
    titleKeys: termKeys(titleTerms),
    headingKeys: sections.map((section) => (section.heading ? termKeys(extractTerms(section.heading, lang)) : new Set<string>())),
  });
  const groups = selectSentences(candidates.length > 0 ? candidates : sentences, scores, { words: contentBudget, pauseWords });

  const context = { lang, scores, sections, keywordIndex, usedHeadlines: new Set([opening.scene.headline.toLowerCase()]) };
  let previousSection = -1;
  const content = groups.map((group) => {
    const startsSection = group[0]!.section !== previousSection;
    previousSection = group[0]!.section;
    return contentScene(group, startsSection, context);
  });
  const titleChunks = english ? nounChunks(opening.scene.narration) : null;
  if (titleChunks) {
    // The article's keyphrases are counted over what the video reads, the title scene included.
    globalKeywords = articleKeyphrases([...titleChunks, ...content.flatMap((scene) => scene.chunks ?? [])], keywordIndex);
    opening.scene.keywords = globalKeywords;
  }
  if (content.length === 0) {
    // An article with no readable sentence at all (only code or bare images): read its title.
    content.push({ kind: "content", headline: opening.scene.headline, narration: asSentence(title), keywords: globalKeywords, sourceBlockIds: [], chunks: titleChunks });
  }

  const titleQueries = titleChunks ? pickQueries(titleChunks, globalKeywords) : [];
  const drafts: (DraftScene & { queries: string[] })[] = [
    { ...opening.scene, queries: titleQueries },
    ...content.map(({ chunks, ...scene }, i) => ({ id: `s${i + 2}`, ...scene, queries: chunks ? pickQueries(chunks, scene.keywords) : [] })),
    // The closing scene names the site; its footage is the article's, as in the title scene.
    { id: `s${content.length + 2}`, kind: "closing", headline: closing.headline, narration: closing.narration, keywords: globalKeywords, sourceBlockIds: [], queries: titleQueries },
  ];
  // Other languages leave footage searches to the matcher's own keyword search.
  const scenes: SceneScript[] = drafts.map((scene) => ({ ...scene, visual: null, mood: "neutral" }));
  const parsed = ScriptSchema.safeParse({ title: article.title, lang, scenes });
  if (!parsed.success) {
    throw new InputError("E_INVALID_INPUT", `the local script writer produced an invalid script: ${formatIssues(parsed.error)}`, {
      hint: "this is a bug in reelpress; please report it with the article that caused it",
      cause: parsed.error,
    });
  }
  return parsed.data;
}
