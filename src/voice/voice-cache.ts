import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { SentenceTimingSchema, WordTimingSchema } from "../schema/storyboard.js";
import type { SpokenScene } from "./voice-settings.js";

/** Bump when the audio or the timings change for the same input, so old entries are not reused. */
export const VOICE_CACHE_VERSION = 1;

const CachedTimingsSchema = z.object({
  version: z.literal(VOICE_CACHE_VERSION),
  text: z.string(),
  durationMs: z.number().positive(),
  words: z.array(WordTimingSchema),
  sentences: z.array(SentenceTimingSchema),
  timing: z.enum(["engine", "modelled"]),
});

export type CachedTimings = z.infer<typeof CachedTimingsSchema>;

/** sha256 of everything that decides the sound: engine, its voice/model/server, pace, language, text. */
export function voiceCacheKey(input: { engine: string; identity: Readonly<Record<string, string | number | null>>; speed: number; lang: string; text: string }): string {
  const { engine, identity, speed, lang, text } = input;
  return createHash("sha256")
    .update(JSON.stringify({ version: VOICE_CACHE_VERSION, engine, identity, speed, lang, text }))
    .digest("hex");
}

export function voiceFiles(cacheDir: string, key: string): { wav: string; json: string } {
  const dir = path.resolve(cacheDir, "voice");
  return { wav: path.join(dir, `${key}.wav`), json: path.join(dir, `${key}.json`) };
}

/**
 * The cached scene voice, or null when it is missing, torn, unreadable (EACCES, EISDIR…) or from
 * another version: then it is spoken again.
 */
export async function readCachedVoice(cacheDir: string, key: string): Promise<SpokenScene | null> {
  const files = voiceFiles(cacheDir, key);
  let text: string;
  try {
    text = await readFile(files.json, "utf8");
    if (!(await stat(files.wav)).isFile()) return null;
  } catch (error) {
    if (isFsError(error)) return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // A hand-edited or torn file is a cache miss, not a failure.
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  const parsed = CachedTimingsSchema.safeParse(json);
  if (!parsed.success) return null;
  const { text: spoken, durationMs, words, sentences, timing } = parsed.data;
  return { text: spoken, file: files.wav, durationMs, words, sentences, timing };
}

export type CacheWriteResult =
  | { saved: "all"; voice: SpokenScene }
  /** The WAV is in place but the timings are not: the voice is usable now, and spoken again next run. */
  | { saved: "audio"; voice: SpokenScene; error: NodeJS.ErrnoException }
  /** Nothing usable was written (no folder, no space, no permission). */
  | { saved: "nothing"; error: NodeJS.ErrnoException };

/**
 * The WAV first, then the timings: a reader that finds the timings finds a complete WAV. Each goes
 * through a temporary name that is removed if the write fails. File-system errors are returned,
 * not thrown.
 */
export async function writeCachedVoice(cacheDir: string, key: string, wav: Uint8Array, timings: Omit<CachedTimings, "version">): Promise<CacheWriteResult> {
  const files = voiceFiles(cacheDir, key);
  const voice: SpokenScene = { ...timings, file: files.wav };
  try {
    await mkdir(path.dirname(files.wav), { recursive: true });
    await writeAtomically(files.wav, wav);
  } catch (error) {
    if (isFsError(error)) return { saved: "nothing", error };
    throw error;
  }
  try {
    await writeAtomically(files.json, `${JSON.stringify({ version: VOICE_CACHE_VERSION, ...timings })}\n`);
  } catch (error) {
    if (isFsError(error)) return { saved: "audio", voice, error };
    throw error;
  }
  return { saved: "all", voice };
}

async function writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** An error from the file system (it has an errno code such as ENOENT, EACCES, ENOSPC, EISDIR). */
function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && typeof (error as NodeJS.ErrnoException).syscall === "string";
}
