import type { Template, TemplateOverrides } from "../schema/template.js";
import { mergeDeep } from "./merge-deep.js";

/**
 * The config's `templateOverrides` (validated, font files absolute) laid over a template, field by
 * field at any depth, lists replaced whole. A font that names its family is a new font: its file
 * is the one the override gives, else none (the template's file holds the template's family). Pure.
 */
export function mergeTemplateOverrides(template: Template, overrides: TemplateOverrides | null): Template {
  if (!overrides) return template;
  const merged = mergeDeep(template, overrides);
  for (const role of ["headline", "body"] as const) {
    const font = overrides.fonts?.[role];
    if (font?.family !== undefined) merged.fonts = { ...merged.fonts, [role]: { ...merged.fonts[role], file: font.file ?? null } };
  }
  return merged;
}
