import OpenAI from "openai";
import { LlmError, ReelpressError } from "../../errors.js";

export interface LlmErrorContext {
  model: string;
  /** Removed from every message, in case a server echoes it back. */
  apiKey: string | null;
  timeoutMs: number;
  maxRetries: number;
}

/**
 * Turns what the openai client threw into a ReelpressError. The client's own error is never
 * kept as `cause`: servers quote the key in their messages ("Incorrect API key provided: sk-…").
 * E_LLM_AUTH, E_LLM_MODEL and E_ABORTED are for the caller; E_LLM means "use the local writer".
 */
export function mapLlmError(error: unknown, context: LlmErrorContext): ReelpressError {
  if (error instanceof ReelpressError) return error;
  if (error instanceof OpenAI.APIUserAbortError) return new ReelpressError("E_ABORTED", "the script request was aborted");
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return new LlmError("E_LLM_AUTH", `the LLM server refused the API key (HTTP ${error.status})`, {
      hint: "check OPENAI_API_KEY (and --llm-base-url), or pass --script local",
    });
  }
  if (error instanceof OpenAI.NotFoundError && isModelError(error)) {
    return new LlmError("E_LLM_MODEL", `the LLM server has no model "${context.model}"`, {
      hint: "pass --llm-model with a model the server offers (for Ollama, `ollama pull` it first)",
    });
  }
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new LlmError("E_LLM", `the LLM server did not answer within ${context.timeoutMs} ms`);
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new LlmError("E_LLM", "the LLM server could not be reached");
  }
  if (error instanceof OpenAI.APIError) {
    const retried = error.status === 429 || (error.status ?? 0) >= 500 ? ` after ${context.maxRetries} ${context.maxRetries === 1 ? "retry" : "retries"}` : "";
    return new LlmError("E_LLM", `the LLM server answered HTTP ${error.status ?? "error"}${retried}: ${redact(firstLine(error.message), context.apiKey)}`);
  }
  if (error instanceof OpenAI.OpenAIError) return new LlmError("E_LLM", `the LLM request failed: ${redact(firstLine(error.message), context.apiKey)}`);
  throw error;
}

function isModelError(error: InstanceType<typeof OpenAI.APIError>): boolean {
  return error.code === "model_not_found" || /model/iu.test(error.message);
}

/** Whether a 400 says the server does not support this kind of `response_format`. */
export function rejectsResponseFormat(error: unknown, format: "json_schema" | "json_object"): boolean {
  if (!(error instanceof OpenAI.BadRequestError || error instanceof OpenAI.UnprocessableEntityError)) return false;
  const text = `${error.message} ${String(error.param ?? "")}`;
  return format === "json_schema" ? /response_format|json_schema|structured/iu.test(text) : /response_format|json_object|json mode/iu.test(text);
}

/** The client prefixes the status ("500 The server had an error…"); the message names it already. */
function firstLine(text: string): string {
  return (text.split("\n")[0] ?? "").replace(/^\d{3}\s+/u, "").slice(0, 200);
}

export function redact(text: string, secret: string | null): string {
  return secret ? text.split(secret).join("***") : text;
}
