import type { ZodError } from "zod";
import { InputError } from "../errors.js";
import { TemplateOverridesSchema, type TemplateOverrides } from "../schema/template.js";
import { resolveFonts } from "./load-template.js";
import { nameFieldIssues } from "./name-field-issues.js";

export interface OverridesPlace {
  /** The file holding the overrides (the config), as messages show it. */
  label: string;
  /** What their font files are relative to. */
  baseDir: string;
  cwd?: string;
}

/** Where the overrides sit in the config; messages name their fields with it. */
export const OVERRIDES_FIELD = "templateOverrides";

/**
 * The config's `templateOverrides`, validated, with font files absolute and checked (a family named
 * without a file must ship with reelpress). Errors name the override's field:
 * `"templateOverrides.colors.acent" is not a template field`. Lay them over a template with mergeTemplateOverrides.
 */
export async function readTemplateOverrides(overrides: unknown, at: OverridesPlace): Promise<TemplateOverrides> {
  const parsed = TemplateOverridesSchema.safeParse(overrides);
  if (!parsed.success) throw invalid(parsed.error, at);
  const patch = parsed.data;
  if (patch.fonts) patch.fonts = await resolveFonts(patch.fonts, { ...at, prefix: `${OVERRIDES_FIELD}.` });
  return patch;
}

function invalid(error: ZodError, at: OverridesPlace): InputError {
  return new InputError("E_INVALID_INPUT", `${at.label}: ${nameFieldIssues(error, () => "is not a template field", [OVERRIDES_FIELD])}`, {
    hint: "templateOverrides takes the fields of a template.json, e.g. templates/clean/template.json",
    cause: error,
  });
}
