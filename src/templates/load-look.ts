import type { Brand, Template } from "../schema/template.js";
import { applyBrand } from "./apply-brand.js";
import { OVERRIDES_FIELD, readTemplateOverrides, type OverridesPlace } from "./read-template-overrides.js";
import type { TemplateLocation } from "./find-template.js";
import { loadBrand, resolveBrand, type BrandPlace } from "./load-brand.js";
import { checkComponents, loadTemplate } from "./load-template.js";
import { mergeTemplateOverrides } from "./merge-template-overrides.js";
import { resolveLook, type ResolvedLook } from "./resolve-look.js";
import { DEFAULT_TEMPLATE, type TemplateDirs } from "./template-dirs.js";

export interface LookRequest {
  /** A template name or a folder holding a template.json. @default DEFAULT_TEMPLATE ("clean") */
  template?: string | null;
  /** What a template folder path is relative to. */
  templateBaseDir: string;
  dirs: TemplateDirs;
  /** The config's `templateOverrides`, and where its font paths are relative to. */
  overrides?: ({ value: unknown } & OverridesPlace) | null;
  /** A brand.json path (absolute), or a kit given inline (the config's `brand`). */
  brand?: { file: string } | ({ value: unknown } & BrandPlace) | null;
  /** For messages: paths inside it are shown relative. */
  cwd?: string;
}

export interface LoadedLook extends ResolvedLook {
  location: TemplateLocation;
  /** The template as the theme is made from it: brand kit and overrides applied, every path absolute. */
  template: Template;
  /** The brand kit applied, every path absolute; null when there is none. */
  brand: Brand | null;
}

/**
 * Template → brand kit → config overrides, each validated where it is read; the result is what a
 * storyboard's look is made from. Flags (caption style, music mood, aspect) are the caller's to
 * apply, last. The theme records the template's folder unless it is a built-in one.
 */
export async function loadLook(request: LookRequest): Promise<LoadedLook> {
  const place = { dirs: request.dirs, baseDir: request.templateBaseDir, cwd: request.cwd };
  const loaded = await loadTemplate(request.template ?? DEFAULT_TEMPLATE, place);
  const source = request.brand;
  const brand = !source ? null : "file" in source ? await loadBrand(source.file, { cwd: request.cwd }) : await resolveBrand(source.value, source);
  const overrides = request.overrides ? await readTemplateOverrides(request.overrides.value, request.overrides) : null;
  const template = mergeTemplateOverrides(applyBrand(loaded.template, brand), overrides);
  if (overrides?.components && request.overrides) {
    await checkComponents(template, loaded, { label: request.overrides.label, prefix: `${OVERRIDES_FIELD}.`, template: loaded.name });
  }
  const location = { name: loaded.name, dir: loaded.dir, file: loaded.file, source: loaded.source };
  const look = resolveLook(loaded.name, loaded.template, brand, overrides);
  const templateDir = loaded.source === "built-in" ? null : loaded.dir;
  return { ...look, theme: { ...look.theme, templateDir }, location, template, brand };
}
