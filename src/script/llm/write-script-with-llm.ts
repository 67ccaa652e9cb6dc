import { ReelpressError } from "../../errors.js";
import type { Article } from "../../schema/article.js";
import { formatIssues } from "../../schema/format-issues.js";
import { ScriptSchema, type Script } from "../../schema/script.js";
import { isCjk } from "../../text/text-units.js";
import { siteLabel } from "../closing-text.js";
import { resolveScriptOptions } from "../resolve-script-options.js";
import { writeScript } from "../write-script.js";
import { buildRepairMessages, buildScriptMessages, buildSummaryMessages, type ChatMessage } from "./build-script-messages.js";
import { ChatSession, type ChatAnswer, type SessionUsage } from "./chat-session.js";
import { articleFacts } from "./check-faithfulness.js";
import { chunkArticle } from "./chunk-article.js";
import { estimateTokens } from "./estimate-tokens.js";
import { LlmScriptCheckSchema, type LlmScript } from "./llm-script-schema.js";
import { parseLlmJson } from "./parse-llm-json.js";
import { planScenes, type ScenePlan } from "./plan-scenes.js";
import { renderBlocks } from "./render-blocks.js";
import { toScript } from "./to-script.js";

export interface LlmWriterOptions {
  /** null for local servers that need none. */
  apiKey: string | null;
  /**
   * An OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1 for Ollama.
   * @default "https://api.openai.com/v1"
   */
  baseURL?: string | null;
  /** e.g. "gpt-4o-mini", "llama3.1". */
  model: string;
  durationSeconds: number;
  wordsPerMinute: number;
  /** Answers are cached under <cacheDir>/llm/<sha256>.json. */
  cacheDir: string;
  /** @default 60000 */
  timeoutMs?: number;
  /** Retries on 429, 5xx and dropped connections, with backoff honouring retry-after. @default 2 */
  maxRetries?: number;
  /**
   * Estimated prompt tokens one request may carry; a longer article is summarised part by part first.
   * @default 12000
   */
  maxInputTokens?: number;
  signal?: AbortSignal;
}

export interface LlmUsage {
  model: string;
  /** Tokens the server reported, summed over the requests actually sent (cached answers cost none). */
  promptTokens: number;
  completionTokens: number;
  /** Estimated before sending, summed over every request (cached ones included). */
  estimatedPromptTokens: number;
  /** HTTP requests sent (the client's own retries not counted). */
  requests: number;
  /** Every answer came from the cache. */
  cached: boolean;
}

export interface ScriptResult {
  script: Script;
  writer: "local" | "openai";
  warnings: string[];
  usage: LlmUsage | null;
}

export const DEFAULT_LLM_MODEL = "gpt-4o-mini";
export const DEFAULT_LLM_BASE_URL = "https://api.openai.com/v1";
export const DEFAULT_LLM_TIMEOUT_MS = 60_000;
export const DEFAULT_LLM_MAX_RETRIES = 2;
export const DEFAULT_MAX_INPUT_TOKENS = 12_000;

/** The model says no, or an answer is unusable: the local writer takes over, for this reason. */
class Unusable extends Error {}

/**
 * Writes the scene script with a chat model on an OpenAI-compatible server. The video never
 * fails because of the model: an unusable answer, a server error or a timeout falls back to the
 * local writer with a warning. A refused key (E_LLM_AUTH), an unknown model (E_LLM_MODEL) and
 * an abort (E_ABORTED) are thrown, because they are the caller's to fix.
 */
export async function writeScriptWithLlm(article: Article, options: LlmWriterOptions): Promise<ScriptResult> {
  const { durationSeconds, wordsPerMinute } = resolveScriptOptions({ durationSeconds: options.durationSeconds, wordsPerMinute: options.wordsPerMinute });
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_LLM_MAX_RETRIES;
  const maxInputTokens = options.maxInputTokens ?? DEFAULT_MAX_INPUT_TOKENS;
  const session = new ChatSession({
    apiKey: options.apiKey,
    baseURL: options.baseURL || DEFAULT_LLM_BASE_URL,
    model: options.model,
    cacheDir: options.cacheDir,
    timeoutMs,
    maxRetries,
    signal: options.signal,
  });
  const local = writeScript(article, { durationSeconds, wordsPerMinute });
  const plan = planScenes(durationSeconds, wordsPerMinute);

  try {
    const { source, summarised } = await prepareSource(session, article, plan, durationSeconds, maxInputTokens);
    const messages = buildScriptMessages({
      article,
      source,
      summarised,
      plan,
      durationSeconds,
      site: siteLabel(article),
      countsCharacters: [...article.text.slice(0, 400)].filter(isCjk).length > 50,
    });
    const answer = await requestScript(session, messages);
    const facts = articleFacts([article.title, article.siteName ?? "", siteLabel(article) ?? "", article.byline ?? "", article.text].join("\n"));
    const converted = toScript(article, answer, facts, local, plan.totalWords);
    const parsed = ScriptSchema.safeParse(converted.script);
    if (!parsed.success) throw new Unusable(`the LLM's script was not valid (${formatIssues(parsed.error)})`);
    return { script: parsed.data, writer: "openai", warnings: converted.warnings, usage: usageOf(session.usage()) };
  } catch (error) {
    const reason = error instanceof Unusable ? error.message : error instanceof ReelpressError && error.code === "E_LLM" ? error.message : null;
    if (reason === null) throw error;
    return { script: local, writer: "local", warnings: [`${reason}; used the local writer`], usage: usageOf(session.usage()) };
  }
}

function usageOf(usage: SessionUsage): LlmUsage {
  return { ...usage };
}

/** The article as id-tagged blocks, or, when that would not fit, summaries of its parts. */
async function prepareSource(
  session: ChatSession,
  article: Article,
  plan: ScenePlan,
  durationSeconds: number,
  maxInputTokens: number,
): Promise<{ source: string; summarised: boolean }> {
  const whole = renderBlocks(article.blocks);
  const overhead = estimatePrompt(buildScriptMessages({ article, source: "", summarised: false, plan, durationSeconds, site: siteLabel(article), countsCharacters: false }));
  if (overhead + estimateTokens(whole) <= maxInputTokens) return { source: whole, summarised: false };

  const summaryOverhead = estimatePrompt(buildSummaryMessages("", 0, 1, 0, article.lang));
  const chunks = chunkArticle(article.blocks, Math.max(500, maxInputTokens - summaryOverhead));
  // The summaries together must leave room for the script prompt; a word is about 1.4 tokens.
  const targetWords = Math.max(60, Math.min(600, Math.floor((maxInputTokens - overhead) / chunks.length / 1.4 / 1.2)));
  const summaries: string[] = [];
  for (const [index, chunk] of chunks.entries()) {
    const answer = await session.complete(buildSummaryMessages(chunk, index, chunks.length, targetWords, article.lang), false);
    if (answer.refusal) throw new Unusable(`the LLM refused to summarise part ${index + 1} of the article ("${answer.refusal}")`);
    const text = answer.content?.trim();
    if (!text) throw new Unusable(`the LLM gave an empty summary of part ${index + 1} of the article`);
    summaries.push(`Part ${index + 1}:\n${text}`);
  }
  return { source: summaries.join("\n\n"), summarised: true };
}

function estimatePrompt(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, message) => sum + estimateTokens(message.content) + 4, 0);
}

type Checked = { ok: true; value: LlmScript } | { ok: false; problem: string };

function checkAnswer(answer: ChatAnswer): Checked {
  if (answer.refusal) throw new Unusable(`the LLM refused to write the script ("${answer.refusal}")`);
  // A cut-off answer asked again would be cut off again; the local writer is the better bet.
  if (answer.finishReason === "length") throw new Unusable("the LLM's answer was cut off at its length limit");
  if (!answer.content) return { ok: false, problem: "the answer is empty" };
  const json = parseLlmJson(answer.content);
  if (!json.ok) return { ok: false, problem: json.error };
  const parsed = LlmScriptCheckSchema.safeParse(json.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: formatIssues(parsed.error) };
}

/** Asks for the script; one repair request with the validation problem if the first answer fails. */
async function requestScript(session: ChatSession, messages: ChatMessage[]): Promise<LlmScript> {
  const first = await session.complete(messages, true);
  const checked = checkAnswer(first);
  if (checked.ok) return checked.value;
  const repaired = checkAnswer(await session.complete(buildRepairMessages(messages, first.content ?? "", checked.problem), true));
  if (repaired.ok) return repaired.value;
  throw new Unusable(`the LLM's script was not valid after one repair (${repaired.problem})`);
}
