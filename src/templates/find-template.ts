import { readdir } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.js";
import { TemplateNameSchema } from "../schema/template.js";
import { displayPath } from "./display-path.js";
import { isFile } from "./is-file.js";
import { TEMPLATE_FILE, type TemplateDirs } from "./template-dirs.js";

/** built-in: ships with reelpress; user: in the templates folder; folder: named by its path. */
export type TemplateSource = "built-in" | "user" | "folder";

export interface TemplateLocation {
  /** The folder's name; the storyboard's theme records it. */
  name: string;
  dir: string;
  /** Its template.json. */
  file: string;
  source: TemplateSource;
}

export interface FindTemplateOptions {
  dirs: TemplateDirs;
  /** What a folder path is relative to. */
  baseDir: string;
  /** For messages: paths inside it are shown relative. */
  cwd?: string;
}

/**
 * A template by name (the user's folder first, then the built-in ones) or by the path of a folder
 * holding a template.json. An unknown name is an error listing the names there are.
 */
export async function findTemplate(ref: string, options: FindTemplateOptions): Promise<TemplateLocation> {
  if (TemplateNameSchema.safeParse(ref).success) {
    for (const [dir, source] of templateRoots(options.dirs)) {
      const file = path.join(dir, ref, TEMPLATE_FILE);
      if (await isFile(file)) return { name: ref, dir: path.dirname(file), file, source };
    }
    const known = await templateNames(options.dirs);
    throw new InputError("E_FILE_NOT_FOUND", `there is no template "${ref}"; there are: ${known.map((t) => t.name).join(", ") || "none"}`, {
      hint: "see `reelpress templates list`, or make one with `reelpress templates new NAME --from clean`",
    });
  }
  const resolved = path.resolve(options.baseDir, ref);
  const dir = path.basename(resolved) === TEMPLATE_FILE ? path.dirname(resolved) : resolved;
  const file = path.join(dir, TEMPLATE_FILE);
  if (!(await isFile(file))) {
    throw new InputError("E_FILE_NOT_FOUND", `there is no ${TEMPLATE_FILE} in ${displayPath(dir, options.cwd)}`, {
      hint: "give a template name (see `reelpress templates list`) or a folder holding a template.json",
    });
  }
  return { name: path.basename(dir), dir, file, source: "folder" };
}

/** The folders searched, in order; the user's folder is skipped when it is the built-in one. */
export function templateRoots(dirs: TemplateDirs): [string, TemplateSource][] {
  const same = path.resolve(dirs.user) === path.resolve(dirs.builtIn);
  return same ? [[dirs.builtIn, "built-in"]] : [[dirs.user, "user"], [dirs.builtIn, "built-in"]];
}

/** Every template name that resolves, with where it lives; a user template hides a built-in one of the same name. */
export async function templateNames(dirs: TemplateDirs): Promise<TemplateLocation[]> {
  const found = new Map<string, TemplateLocation>();
  for (const [root, source] of templateRoots(dirs)) {
    const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory() || found.has(entry.name) || !TemplateNameSchema.safeParse(entry.name).success) continue;
      const file = path.join(root, entry.name, TEMPLATE_FILE);
      if (await isFile(file)) found.set(entry.name, { name: entry.name, dir: path.dirname(file), file, source });
    }
  }
  return [...found.values()];
}
