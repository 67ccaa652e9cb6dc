import path from "node:path";
import { InputError } from "../errors.js";
import type { Config } from "../schema/config.js";
import type { Storyboard } from "../schema/storyboard.js";
import { displayPath, loadLook, restyleStoryboard, TEMPLATE_FILE } from "../templates/index.js";
import { isFile } from "../templates/is-file.js";
import { bundledTemplatesDir } from "./bundled-templates-dir.js";
import { lookRequest, type LookFlags } from "./look-request.js";

export interface RenderStyle {
  board: Storyboard;
  /** The templates folder to bundle (see bundledTemplatesDir). */
  userTemplatesDir: string | null;
}

/**
 * The storyboard as `render` draws it, and the templates folder to bundle with it.
 * - Neither --template nor --brand: the storyboard's own look, its template's folder bundled.
 * - --template: restyled in the new look (with the config's overrides and brand kit, or --brand):
 *   theme, caption style (the config's, else the template's) and transition length.
 * - --brand alone: only the theme changes, made again from the storyboard's own template with that
 *   kit; the caption style and transition length chosen when planning stay.
 * A template folder the storyboard names but that is gone is an error when it is needed.
 */
export async function restyleForRender(board: Storyboard, config: Config, configFile: string | null, flags: LookFlags, cwd: string): Promise<RenderStyle> {
  if (!flags.template && !flags.brand) {
    const needsFolder = board.theme.components.scene !== null || board.theme.components.layers.length > 0;
    if (needsFolder) await requireTemplateFolder(board, cwd);
    return { board, userTemplatesDir: bundledTemplatesDir(board.theme, lookRequest(config, configFile, flags, cwd).dirs.user) };
  }
  if (flags.template) {
    const request = lookRequest(config, configFile, flags, cwd);
    const look = await loadLook(request);
    const restyled = restyleStoryboard(board, look, config.captions?.style ?? look.captionStyle);
    return { board: restyled, userTemplatesDir: bundledTemplatesDir(look.theme, request.dirs.user) };
  }
  // Before templates a storyboard's theme named none ("default"): the config's template, else the default one.
  const own = board.theme.template === "default" && !board.theme.templateDir ? undefined : await requireTemplateFolder(board, cwd);
  const request = lookRequest(config, configFile, { ...flags, template: own }, cwd);
  const look = await loadLook(request);
  return { board: { ...board, theme: look.theme }, userTemplatesDir: bundledTemplatesDir(look.theme, request.dirs.user) };
}

/** The storyboard's template as a reference loadLook takes: its folder, which must still be there, else its name. */
async function requireTemplateFolder(board: Storyboard, cwd: string): Promise<string> {
  const dir = board.theme.templateDir;
  if (!dir) return board.theme.template;
  if (!(await isFile(path.join(dir, TEMPLATE_FILE)))) {
    throw new InputError("E_FILE_NOT_FOUND", `the storyboard's template "${board.theme.template}" was in ${displayPath(dir, cwd)}, which has no ${TEMPLATE_FILE} now`, {
      hint: "pass --template DIR, the folder the template is in now",
    });
  }
  return dir;
}
