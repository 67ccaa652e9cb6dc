import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/** One stored chat answer. Holds no request headers, so never the key. */
export const CachedAnswerSchema = z.object({
  version: z.literal(1),
  model: z.string(),
  content: z.string().nullable(),
  refusal: z.string().nullable(),
  finishReason: z.string(),
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
});

export type CachedAnswer = z.infer<typeof CachedAnswerSchema>;

/** The cache key: sha256 of the request as sent, minus the key. */
export function cacheKey(request: unknown): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

export function cacheFile(cacheDir: string, key: string): string {
  return path.join(cacheDir, "llm", `${key}.json`);
}

/** The stored answer, or null when there is none or it is unreadable (it is then simply asked again). */
export async function readCachedAnswer(cacheDir: string, key: string): Promise<CachedAnswer | null> {
  let text: string;
  try {
    text = await readFile(cacheFile(cacheDir, key), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const parsed = CachedAnswerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch (error) {
    // A torn or hand-edited file is a cache miss, not a failure.
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

/** Written to a temporary name and renamed, so a reader never sees half a file. */
export async function writeCachedAnswer(cacheDir: string, key: string, answer: CachedAnswer): Promise<void> {
  const file = cacheFile(cacheDir, key);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomUUID()}.tmp`;
  await writeFile(temp, `${JSON.stringify(answer, null, 2)}\n`);
  await rename(temp, file);
}
