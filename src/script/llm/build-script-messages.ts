import type { Article } from "../../schema/article.js";
import { MoodSchema } from "../../schema/script.js";
import type { ScenePlan } from "./plan-scenes.js";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ScriptPromptInput {
  article: Pick<Article, "title" | "lang" | "byline">;
  /** The article as id-tagged blocks, or the summaries of its parts for a long article. */
  source: string;
  /** Whether `source` holds summaries rather than the article itself. */
  summarised: boolean;
  plan: ScenePlan;
  durationSeconds: number;
  /** The site the closing scene names, or null when the article has none. */
  site: string | null;
  /** Whether the article's language counts characters (CJK) rather than words. */
  countsCharacters: boolean;
}

const SYSTEM = [
  "You write scene scripts for short narrated videos made from articles.",
  "You only state facts, numbers, names and quotations that appear in the article you are given; you never invent any.",
  "You answer with a single JSON object and nothing else.",
].join(" ");

function budgetText(words: number, countsCharacters: boolean): string {
  return countsCharacters ? `${Math.round(words * 1.5)} characters` : `${words} words`;
}

/** The chat messages that ask for a whole script. */
export function buildScriptMessages(input: ScriptPromptInput): ChatMessage[] {
  const { article, plan } = input;
  const closing = input.site ? `a closing scene whose narration invites viewers to read the full article on ${input.site}` : "a closing scene whose narration invites viewers to read the full article";
  const instructions = [
    `Write the script for a ${input.durationSeconds}-second video about the article below.`,
    `Use exactly ${plan.sceneCount} scenes: a title scene first, then content scenes, then ${closing}.`,
    `All narration together must stay within ${budgetText(plan.totalWords, input.countsCharacters)}; a content scene reads about ${budgetText(plan.wordsPerScene, input.countsCharacters)}, the title and closing scenes fewer.`,
    "For each scene give:",
    `- "narration": what the voice says, 1–3 sentences in the article's language (${article.lang}); every number, name and quotation must come from the article, written as the article writes it;`,
    `- "headline": an on-screen headline of at most 8 words, in the article's language;`,
    `- "queries": 2–3 stock-footage search queries in English, each made of concrete, filmable nouns and actions (e.g. "engineer soldering circuit board", "container ship at port"), never abstractions such as "innovation" or "success";`,
    `- "visual": one sentence in English describing what the picture shows;`,
    `- "mood": one of ${MoodSchema.options.map((mood) => `"${mood}"`).join(", ")};`,
    `- "keywords": 3–6 key terms of the scene, in the article's language;`,
    `- "sourceBlockIds": the ids (like "b3") of the article blocks the scene draws on; empty for the closing scene.`,
    'Answer with JSON of the form {"title": string, "scenes": [{"headline", "narration", "queries", "visual", "mood", "keywords", "sourceBlockIds"}]}.',
  ].join("\n");
  const header = [`Title: ${article.title}`, article.byline ? `Byline: ${article.byline}` : null, `Language: ${article.lang}`]
    .filter((line): line is string => line !== null)
    .join("\n");
  const sourceLabel = input.summarised
    ? "Summaries of the article's parts (block ids in brackets):"
    : "The article, one block per line, each starting with its id in brackets:";
  return [
    { role: "system", content: SYSTEM },
    { role: "user", content: `${instructions}\n\n${header}\n\n${sourceLabel}\n${input.source}` },
  ];
}

/** The follow-up asking the model to fix an answer that failed validation. */
export function buildRepairMessages(previous: readonly ChatMessage[], answer: string, problem: string): ChatMessage[] {
  return [
    ...previous,
    { role: "assistant", content: answer },
    {
      role: "user",
      content: `Your answer is not valid: ${problem}. Reply again with the complete corrected JSON object only, following every rule above.`,
    },
  ];
}

/** The messages that ask for a summary of one part of a long article. */
export function buildSummaryMessages(part: string, index: number, total: number, targetWords: number, lang: string): ChatMessage[] {
  return [
    { role: "system", content: "You summarise parts of articles faithfully for a video script writer." },
    {
      role: "user",
      content: [
        `Summarise part ${index + 1} of ${total} of an article in its own language (${lang}), in at most ${targetWords} words.`,
        "Keep every number, name and quotation you mention exactly as written. After each sentence, put the ids of the blocks it comes from in brackets, e.g. [b12].",
        "Answer with the summary text only.",
        "",
        part,
      ].join("\n"),
    },
  ];
}
