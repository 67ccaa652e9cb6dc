import OpenAI from "openai";
import { createOpenAiClient } from "../../openai/openai-client.js";
import { zodResponseFormat } from "openai/helpers/zod";
import type { ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import type { ChatMessage } from "./build-script-messages.js";
import { estimateTokens } from "./estimate-tokens.js";
import { LlmScriptSchema } from "./llm-script-schema.js";
import { cacheKey, readCachedAnswer, writeCachedAnswer, type CachedAnswer } from "./llm-cache.js";
import { mapLlmError, rejectsResponseFormat } from "./map-llm-error.js";

export interface ChatSessionOptions {
  apiKey: string | null;
  baseURL: string;
  model: string;
  cacheDir: string;
  timeoutMs: number;
  maxRetries: number;
  signal: AbortSignal | undefined;
}

export interface ChatAnswer {
  content: string | null;
  refusal: string | null;
  finishReason: string;
}

export interface SessionUsage {
  model: string;
  promptTokens: number;
  completionTokens: number;
  estimatedPromptTokens: number;
  requests: number;
  cached: boolean;
}

/** How the script answer is asked for; a server that rejects one falls to the next, for the whole session. */
type FormatMode = "json_schema" | "json_object" | "text";

/**
 * One writer run's conversation with an OpenAI-compatible server: sends chat requests (from the
 * cache when the same request was answered before), steps down from json_schema to JSON mode to
 * plain text when the server rejects a response format, and adds up the tokens.
 */
export class ChatSession {
  private readonly client: OpenAI;
  private readonly options: ChatSessionOptions;
  private mode: FormatMode = "json_schema";
  private readonly totals = { promptTokens: 0, completionTokens: 0, estimatedPromptTokens: 0, requests: 0, cachedAnswers: 0 };

  constructor(options: ChatSessionOptions) {
    this.options = options;
    this.client = createOpenAiClient(options);
  }

  /** Sends one request; `json` asks for the script's JSON shape. Throws ReelpressError (see mapLlmError). */
  async complete(messages: readonly ChatMessage[], json: boolean): Promise<ChatAnswer> {
    this.totals.estimatedPromptTokens += messages.reduce((sum, message) => sum + estimateTokens(message.content) + 4, 0);
    // The key covers what decides the answer; the response format is left out so that a server
    // that needed a lower format is served from the cache the next time too.
    const key = cacheKey({ baseURL: this.options.baseURL, model: this.options.model, json, messages });
    const cached = await readCachedAnswer(this.options.cacheDir, key);
    if (cached) {
      this.totals.cachedAnswers += 1;
      return { content: cached.content, refusal: cached.refusal, finishReason: cached.finishReason };
    }
    const answer = await this.send(messages, json);
    await writeCachedAnswer(this.options.cacheDir, key, answer);
    return { content: answer.content, refusal: answer.refusal, finishReason: answer.finishReason };
  }

  usage(): SessionUsage {
    const { promptTokens, completionTokens, estimatedPromptTokens, requests, cachedAnswers } = this.totals;
    return { model: this.options.model, promptTokens, completionTokens, estimatedPromptTokens, requests, cached: requests === 0 && cachedAnswers > 0 };
  }

  private async send(messages: readonly ChatMessage[], json: boolean): Promise<CachedAnswer> {
    for (;;) {
      const mode: FormatMode = json ? this.mode : "text";
      const body: ChatCompletionCreateParamsNonStreaming = {
        model: this.options.model,
        messages: messages.map((message) => ({ role: message.role, content: message.content })),
      };
      if (mode === "json_schema") body.response_format = zodResponseFormat(LlmScriptSchema, "script");
      if (mode === "json_object") body.response_format = { type: "json_object" };
      try {
        this.totals.requests += 1;
        const completion = await this.client.chat.completions.create(body, { signal: this.options.signal });
        const choice = completion.choices[0];
        this.totals.promptTokens += completion.usage?.prompt_tokens ?? 0;
        this.totals.completionTokens += completion.usage?.completion_tokens ?? 0;
        return {
          version: 1,
          model: completion.model ?? this.options.model,
          content: choice?.message.content ?? null,
          refusal: choice?.message.refusal ?? null,
          finishReason: choice?.finish_reason ?? "stop",
          promptTokens: completion.usage?.prompt_tokens ?? 0,
          completionTokens: completion.usage?.completion_tokens ?? 0,
        };
      } catch (error) {
        if (mode !== "text" && rejectsResponseFormat(error, mode)) {
          this.mode = mode === "json_schema" ? "json_object" : "text";
          continue;
        }
        if (this.options.signal?.aborted) throw mapLlmError(new OpenAI.APIUserAbortError(), this.errorContext());
        throw mapLlmError(error, this.errorContext());
      }
    }
  }

  private errorContext() {
    const { model, apiKey, timeoutMs, maxRetries } = this.options;
    return { model, apiKey, timeoutMs, maxRetries };
  }
}
