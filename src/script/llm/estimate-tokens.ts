import { isWide } from "../../text/text-units.js";

/**
 * A tokenizer-free estimate of prompt tokens: about four characters per token for spaced
 * scripts, one token per CJK character. Conservative enough to size requests before sending.
 */
export function estimateTokens(text: string): number {
  let cjk = 0;
  let other = 0;
  for (const ch of text) {
    if (isWide(ch)) cjk += 1;
    else other += 1;
  }
  return cjk + Math.ceil(other / 4);
}
