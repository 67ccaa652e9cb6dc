import type { z } from "zod";

/** `scenes[2].headline` from zod's path array. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || "(root)";
}

/** One line naming the first failing field, the rule, and how many more problems there are. */
export function formatIssues(error: z.ZodError): string {
  const [first, ...rest] = error.issues;
  if (!first) return "invalid value";
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? "s" : ""})` : "";
  return `"${formatPath(first.path)}" ${first.message.replace(/^Invalid input: /, "")}${more}`;
}
