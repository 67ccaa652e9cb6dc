import { cp, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.js";
import { TemplateNameSchema } from "../schema/template.js";
import { displayPath } from "./display-path.js";
import { templateNames, type TemplateLocation } from "./find-template.js";
import { loadTemplate } from "./load-template.js";
import type { TemplateDirs } from "./template-dirs.js";

export interface CreateTemplateOptions {
  dirs: TemplateDirs;
  /** What a `from` folder path is relative to. */
  baseDir: string;
  cwd?: string;
}

/** A preview still shows the template it was made from, so a copy starts without one. */
const PREVIEW = /^preview[\w.-]*\.(png|jpe?g|webp)$/i;

/**
 * Copies a template's folder (template.json, components, fonts) to `<user templates>/<name>`.
 * Refuses a name that is not a valid folder name or that a template already has; never overwrites.
 */
export async function createTemplate(name: string, from: string, options: CreateTemplateOptions): Promise<TemplateLocation & { from: TemplateLocation }> {
  const valid = TemplateNameSchema.safeParse(name);
  if (!valid.success) throw new UsageError(`"${name}" is not a usable template name: ${valid.error.issues[0]?.message ?? "invalid"}`);
  const taken = (await templateNames(options.dirs)).find((t) => t.name === name);
  if (taken) {
    throw new UsageError(`there is already a ${taken.source} template "${name}" (${displayPath(taken.dir, options.cwd)})`, {
      hint: "pick another name, or edit that one",
    });
  }
  // Loading first: a broken template is refused before anything is copied.
  const source = await loadTemplate(from, { dirs: options.dirs, baseDir: options.baseDir, cwd: options.cwd });
  const target = path.join(options.dirs.user, name);
  await mkdir(options.dirs.user, { recursive: true });
  // Making the folder claims the name: it fails if something appeared there in the meantime.
  await mkdir(target).catch((cause: NodeJS.ErrnoException) => {
    throw new UsageError(`${displayPath(target, options.cwd)} already exists`, { hint: "pick another name", cause });
  });
  try {
    await cp(source.dir, target, { recursive: true, errorOnExist: true, force: false, filter: (file) => !PREVIEW.test(path.basename(file)) });
  } catch (error) {
    await rm(target, { recursive: true, force: true });
    throw error;
  }
  const copiedFrom = { name: source.name, dir: source.dir, file: source.file, source: source.source };
  return { name, dir: target, file: path.join(target, path.basename(source.file)), source: "user", from: copiedFrom };
}
