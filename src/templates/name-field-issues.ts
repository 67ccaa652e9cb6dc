import { z } from "zod";
import { formatIssues } from "../schema/format-issues.js";

/**
 * formatIssues, with two issues made readable: an unknown field is named by its full path
 * (`"colors.acent" is not a template field`) rather than by its parent, and a failed union (a
 * brand given as a path or as an object) reports the branch that got furthest. `prefix` is put
 * before every path (a brand kit inside the config is at "brand").
 */
export function nameFieldIssues(error: z.ZodError, unknownField: (path: readonly PropertyKey[]) => string, prefix: readonly PropertyKey[] = []): string {
  return formatIssues(new z.ZodError(error.issues.flatMap((issue) => readable(issue, prefix, unknownField))));
}

function readable(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[], unknownField: (path: readonly PropertyKey[]) => string): z.core.$ZodIssue[] {
  const at = [...prefix, ...issue.path];
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ ...issue, path: [...at, key], message: unknownField([...at, key]) }));
  }
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0]!;
    return best.flatMap((inner) => readable(inner, at, unknownField));
  }
  return [{ ...issue, path: at }];
}

/** How far into the value a branch got before failing; failing at its root on the type is the least. */
function depth(issues: readonly z.core.$ZodIssue[]): number {
  const first = issues[0];
  if (!first) return -1;
  return first.path.length * 2 + (first.code === "invalid_type" && first.path.length === 0 ? 0 : 1);
}
