import OpenAI from "openai";

export const DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";
/** Local servers ignore the key but the client insists on one. */
const PLACEHOLDER_KEY = "not-needed";

/** Where and how an OpenAI-compatible API is reached. */
export interface OpenAiConnectionOptions {
  /** null for a local server that needs none (then `baseURL` must be set). */
  apiKey: string | null;
  /** An OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1 for Ollama. @default "https://api.openai.com/v1" */
  baseURL: string | null;
  /** Retries on 429, 5xx and dropped connections, with backoff honouring retry-after. @default 2 */
  maxRetries?: number;
}

/** An OpenAI client with every setting given, so none is read from the environment. */
export function createOpenAiClient(settings: { apiKey: string | null; baseURL: string | null | undefined; timeoutMs: number; maxRetries: number }): OpenAI {
  return new OpenAI({
    apiKey: settings.apiKey ?? PLACEHOLDER_KEY,
    baseURL: settings.baseURL,
    // Explicit, so the client reads no OPENAI_ORG_ID / OPENAI_PROJECT_ID from the environment.
    organization: null,
    project: null,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    logLevel: "off",
  });
}
