import { readFile } from "node:fs/promises";
import { InputError } from "../errors.js";

/** Reads and parses a JSON file; a missing file or bad JSON is a one-line error naming `shown`. */
export async function readJsonFile(file: string, shown: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new InputError("E_FILE_NOT_FOUND", `cannot read the ${what} ${shown}`, { cause, hint: "check the path" });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new InputError("E_INVALID_INPUT", `${shown} is not valid JSON: ${(cause as Error).message.split("\n")[0]}`, { cause });
  }
}
