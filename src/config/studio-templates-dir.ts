import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { InputError } from "../errors.js";
import { DEFAULT_CONFIG } from "../schema/config.js";
import { CONFIG_FILE_NAME } from "./config-file-name.js";

/**
 * The folder of the user's templates that Studio lists beside the built-in ones:
 * REELPRESS_TEMPLATES_DIR (it must exist), else the `templatesDir` of ./reelpress.config.json
 * (relative to it), else ./my-templates; those two only when the folder exists, as the CLI reads a
 * missing one as empty. null: none. Synchronous and free of import.meta, because
 * remotion.config.ts is compiled to CommonJS and evaluated synchronously.
 */
export function studioTemplatesDir(cwd: string, env: NodeJS.ProcessEnv): string | null {
  const named = env.REELPRESS_TEMPLATES_DIR?.trim();
  if (named) return path.resolve(cwd, named);
  const configured = configTemplatesDir(path.join(cwd, CONFIG_FILE_NAME));
  const dir = configured ?? path.resolve(cwd, DEFAULT_CONFIG.templatesDir);
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ? dir : null;
}

/** The config's `templatesDir`, absolute; null when there is no config file or it names none. */
function configTemplatesDir(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new InputError("E_INVALID_INPUT", `${file} is not valid JSON: ${(cause as Error).message.split("\n")[0]}`, { cause });
  }
  const templatesDir = typeof json === "object" && json !== null ? (json as { templatesDir?: unknown }).templatesDir : undefined;
  return typeof templatesDir === "string" && templatesDir ? path.resolve(path.dirname(file), templatesDir) : null;
}
