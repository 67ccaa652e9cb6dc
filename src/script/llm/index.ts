export {
  writeScriptWithLlm,
  DEFAULT_LLM_MODEL,
  DEFAULT_LLM_BASE_URL,
  DEFAULT_LLM_TIMEOUT_MS,
  DEFAULT_LLM_MAX_RETRIES,
  DEFAULT_MAX_INPUT_TOKENS,
  type LlmWriterOptions,
  type LlmUsage,
  type ScriptResult,
} from "./write-script-with-llm.js";
export { estimateTokens } from "./estimate-tokens.js";
