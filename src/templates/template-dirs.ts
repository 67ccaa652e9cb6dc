import { fileURLToPath } from "node:url";

/** The templates that ship with reelpress: `<repo>/templates`. */
export const BUILT_IN_TEMPLATES_DIR = fileURLToPath(new URL("../../templates", import.meta.url));

/** Where templates are looked up: the user's folder first, then the built-in one. Both absolute. */
export interface TemplateDirs {
  user: string;
  builtIn: string;
}

/** The template a video gets when none is named. */
export const DEFAULT_TEMPLATE = "clean";

export const TEMPLATE_FILE = "template.json";
