import { readFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.js";
import { ConfigSchema, type Config } from "../schema/config.js";
import { displayPath, nameFieldIssues } from "../templates/index.js";
import { CONFIG_FILE_NAME } from "./config-file-name.js";

export { CONFIG_FILE_NAME };

/**
 * Reads the config file: the one named, else `reelpress.config.json` in `cwd` if present,
 * else an empty config. A bad file is an error naming the file and the field.
 */
export async function loadConfig(file: string | undefined, cwd: string): Promise<{ config: Config; file: string | null }> {
  const target = file ? path.resolve(cwd, file) : path.join(cwd, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await readFile(target, "utf8");
  } catch (cause) {
    if (!file && (cause as NodeJS.ErrnoException).code === "ENOENT") return { config: {}, file: null };
    throw new InputError("E_FILE_NOT_FOUND", `cannot read the config file ${target}`, { cause, hint: "check the --config path" });
  }
  const shown = displayPath(target, cwd);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new InputError("E_INVALID_INPUT", `${shown} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const parsed = ConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new InputError("E_INVALID_INPUT", `${shown}: ${nameFieldIssues(parsed.error, unknownConfigField)}`, {
      hint: "see the Configuration section of the README for the fields",
      cause: parsed.error,
    });
  }
  return { config: parsed.data, file: target };
}

/** An unknown field is named for the part of the config it is in. */
function unknownConfigField(path: readonly PropertyKey[]): string {
  if (path[0] === "templateOverrides") return "is not a template field";
  if (path[0] === "brand") return "is not a brand kit field";
  return "is not a config field";
}
