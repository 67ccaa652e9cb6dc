import path from "node:path";
import { InputError } from "../errors.js";
import type { Font } from "../schema/look.js";
import { TemplateSchema, type Template } from "../schema/template.js";
import { displayPath } from "./display-path.js";
import { existingFile } from "./existing-file.js";
import { isFile } from "./is-file.js";
import { findTemplate, type FindTemplateOptions, type TemplateLocation } from "./find-template.js";
import { nameFieldIssues } from "./name-field-issues.js";
import { readJsonFile } from "./read-json-file.js";
import { unshippedFontProblem } from "./shipped-fonts.js";

export interface LoadedTemplate extends TemplateLocation {
  /** Validated, with every font file absolute and present. */
  template: Template;
}

/** Finds a template by name or folder, validates its template.json and checks the files it names. */
export async function loadTemplate(ref: string, options: FindTemplateOptions): Promise<LoadedTemplate> {
  const location = await findTemplate(ref, options);
  const label = displayPath(location.file, options.cwd);
  const json = await readJsonFile(location.file, label, "template");
  const parsed = TemplateSchema.safeParse(json);
  if (!parsed.success) {
    throw new InputError("E_INVALID_INPUT", `${label}: ${nameFieldIssues(parsed.error, () => "is not a template field")}`, {
      hint: "compare it with templates/clean/template.json",
      cause: parsed.error,
    });
  }
  const fonts = await resolveFonts(parsed.data.fonts, { label, baseDir: location.dir, cwd: options.cwd });
  const template = { ...parsed.data, fonts };
  await checkComponents(template, location, { label });
  return { ...location, template };
}

/**
 * Font files made absolute against `baseDir` (the file naming them), each checked; a family named
 * without a file must ship with reelpress, else it would be drawn in Inter without a word.
 */
export async function resolveFonts<T extends Partial<Record<"headline" | "body", Partial<Font> | undefined>>>(
  fonts: T,
  at: { label: string; baseDir: string; cwd?: string; prefix?: string },
): Promise<T> {
  const out: Record<string, unknown> = { ...fonts };
  for (const role of ["headline", "body"] as const) {
    const font = fonts[role];
    const field = `${at.prefix ?? ""}fonts.${role}`;
    const unshipped = unshippedFontProblem(font);
    if (unshipped) {
      throw new InputError("E_INVALID_INPUT", `${at.label}: "${field}.family" ${unshipped}`, {
        hint: `"file" names a .woff2, .woff, .ttf or .otf file holding the family, relative to ${at.label}`,
      });
    }
    if (!font?.file) continue;
    out[role] = { ...font, file: await existingFile(font.file, { ...at, field: `${field}.file` }) };
  }
  return out as T;
}

export interface ComponentsPlace {
  /** The file that lists the components, as messages show it. */
  label: string;
  /** Put before the field in messages: "templateOverrides." when the config lists them. */
  prefix?: string;
  /** The template's name, when the components are listed somewhere other than its template.json. */
  template?: string;
}

/** Every component file must sit next to template.json: the composition imports it from there. */
export async function checkComponents(template: Template, location: Pick<TemplateLocation, "dir">, at: ComponentsPlace): Promise<void> {
  const named: [string, string][] = [
    ...(template.components.scene ? [["components.scene", template.components.scene] as [string, string]] : []),
    ...template.components.layers.map((file, i): [string, string] => [`components.layers[${i}]`, file]),
  ];
  const where = at.template ? `in the folder of template "${at.template}"` : "next to template.json";
  for (const [field, file] of named) {
    if (!(await isFile(path.join(location.dir, file)))) {
      throw new InputError("E_FILE_NOT_FOUND", `${at.label}: "${at.prefix ?? ""}${field}" names ${file}, which is not ${where}`, {
        hint: at.template
          ? `components must sit next to the template's template.json: copy it with \`reelpress templates new NAME --from ${at.template}\` and put ${file} there`
          : "put the component in the template's folder, or remove it from components",
      });
    }
  }
}
