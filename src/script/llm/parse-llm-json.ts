const FENCE = /^```[a-z]*\s*\n?([\s\S]*?)\n?```$/iu;

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Reads a JSON answer from a model that may wrap it in a ```json fence or add a sentence
 * around it: the fenced part, else the outermost {...}, is parsed.
 */
export function parseLlmJson(content: string): ParsedJson {
  let text = content.trim();
  const fenced = FENCE.exec(text) ?? /```(?:json)?\s*\n([\s\S]*?)\n```/iu.exec(text);
  if (fenced) text = fenced[1]!.trim();
  else if (!text.startsWith("{")) {
    const start = text.indexOf("{");
    const end = text.lastIndexOf("}");
    if (start >= 0 && end > start) text = text.slice(start, end + 1);
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false, error: `the answer is not valid JSON (${error.message})` };
    throw error;
  }
}
