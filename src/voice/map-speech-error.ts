import OpenAI from "openai";
import { ReelpressError } from "../errors.js";
import { VoiceUnavailable } from "./speech-engine.js";

export interface SpeechErrorContext {
  model: string;
  voice: string;
  /** Removed from every message, in case a server echoes it back. */
  apiKey: string | null;
  timeoutMs: number;
  maxRetries: number;
}

/**
 * What the openai client threw, as the reason the voice falls back to none (VoiceUnavailable),
 * or E_ABORTED. The client's error is not kept: servers quote the key in their messages.
 */
export function mapSpeechError(error: unknown, context: SpeechErrorContext): VoiceUnavailable | ReelpressError {
  if (error instanceof VoiceUnavailable) return error;
  const fail = (reason: string) => new VoiceUnavailable("openai", reason);
  if (error instanceof ReelpressError) return error.code === "E_ABORTED" ? error : fail(error.message);
  if (error instanceof OpenAI.APIUserAbortError) return new ReelpressError("E_ABORTED", "the voice was aborted");
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return fail(`the speech server rejected the API key (key rejected, HTTP ${error.status}); check OPENAI_API_KEY`);
  }
  if (error instanceof OpenAI.NotFoundError) return fail(`the speech server has no model "${context.model}" or no speech endpoint (HTTP 404)`);
  if (error instanceof OpenAI.APIConnectionTimeoutError) return fail(`the speech server did not answer within ${context.timeoutMs} ms`);
  if (error instanceof OpenAI.APIConnectionError) return fail("the speech server could not be reached");
  if (error instanceof OpenAI.APIError) {
    const status = error.status ?? 0;
    const retried = status === 429 || status >= 500 ? ` after ${context.maxRetries} ${context.maxRetries === 1 ? "retry" : "retries"}` : "";
    const detail = redact(firstLine(error.message), context.apiKey);
    return fail(`the speech server answered HTTP ${error.status ?? "error"}${retried}${detail ? `: ${detail}` : ""}`);
  }
  if (error instanceof OpenAI.OpenAIError) return fail(`the speech request failed: ${redact(firstLine(error.message), context.apiKey)}`);
  throw error;
}

/** The client prefixes the status ("500 Internal error"); the message names it already. */
function firstLine(text: string): string {
  return (text.split("\n")[0] ?? "").replace(/^\d{3}\s*/u, "").replace(/^status code \(no body\)$/u, "").slice(0, 200);
}

function redact(text: string, secret: string | null): string {
  return secret ? text.split(secret).join("***") : text;
}
