import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.js";
import { formatIssues } from "../schema/format-issues.js";
import { StoryboardSchema, type Storyboard } from "../schema/storyboard.js";
import { OutputTransaction } from "../render/output-files.js";

/**
 * Reads and validates a storyboard file; errors name the field. A relative `media.file` (a
 * hand edit, say) is read against the storyboard's own folder.
 */
export async function readStoryboard(file: string): Promise<Storyboard> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new InputError("E_FILE_NOT_FOUND", `cannot read the storyboard ${file}`, { cause, hint: "check the path" });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new InputError("E_INVALID_INPUT", `${file} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  const parsed = StoryboardSchema.safeParse(json);
  if (!parsed.success) {
    throw new InputError("E_INVALID_INPUT", `${file} is not a valid storyboard: ${formatIssues(parsed.error)}`, {
      hint: "compare it with one written by `reelpress plan`",
      cause: parsed.error,
    });
  }
  const dir = path.dirname(path.resolve(file));
  for (const scene of parsed.data.scenes) {
    if (scene.media.kind !== "generated") scene.media.file = path.resolve(dir, scene.media.file);
  }
  return parsed.data;
}

/** Writes a storyboard atomically (temp file, then rename). */
export async function writeStoryboard(board: Storyboard, file: string): Promise<void> {
  const tx = new OutputTransaction();
  try {
    await writeFile(await tx.temp(path.resolve(file)), `${JSON.stringify(board, null, 2)}\n`);
    await tx.commit();
  } catch (error) {
    await tx.abort();
    throw error;
  }
}
