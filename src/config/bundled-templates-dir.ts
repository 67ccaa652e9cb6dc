import { statSync } from "node:fs";
import path from "node:path";
import type { Theme } from "../schema/storyboard.js";

/**
 * The templates folder bundled with the compositions, so a template's own components can be
 * drawn: the folder around the theme's template when it is not a built-in one (the bundle finds
 * components by template name, the folder's name), else the user's templates folder when there
 * is one (storyboards from before `templateDir` was recorded), else null (the built-in ones only).
 * A recorded folder that is gone is passed over: a template without components renders without it.
 */
export function bundledTemplatesDir(theme: Pick<Theme, "templateDir">, userTemplatesDir: string): string | null {
  const around = theme.templateDir ? path.dirname(theme.templateDir) : null;
  if (around && isDirectory(around)) return around;
  return isDirectory(userTemplatesDir) ? userTemplatesDir : null;
}

function isDirectory(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
