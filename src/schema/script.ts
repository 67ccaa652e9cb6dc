import { z } from "zod";

export const SceneKindSchema = z.enum(["title", "content", "closing"]);

/** The feeling a scene's footage and music should carry. */
export const MoodSchema = z.enum(["neutral", "calm", "upbeat", "serious", "inspiring", "dramatic", "playful"]);

export const SceneScriptSchema = z.object({
  id: z.string().min(1),
  kind: SceneKindSchema,
  /** On-screen headline, at most 8 words. */
  headline: z
    .string()
    .min(1)
    .refine((s) => countHeadlineWords(s) <= 8, "must be at most 8 words"),
  /** What is read (and captioned): 1–3 sentences taken from the article. */
  narration: z.string().min(1),
  keywords: z.array(z.string().min(1)).min(3).max(6),
  /** Ids of the article blocks the scene was written from. */
  sourceBlockIds: z.array(z.string()),
  /** Stock-footage searches in English: concrete, filmable nouns and actions (2–3 from an LLM). */
  queries: z.array(z.string().min(1)).max(3).default([]),
  /** One sentence describing what the picture should show; null when the writer has none. */
  visual: z.string().min(1).nullable().default(null),
  mood: MoodSchema.default("neutral"),
});

export const ScriptSchema = z.object({
  title: z.string().min(1),
  lang: z.string().min(2),
  scenes: z.array(SceneScriptSchema).min(2),
});

/** Words as a reader counts them; a run of CJK characters counts one word per two characters. */
export function countHeadlineWords(text: string): number {
  let count = 0;
  for (const token of text.trim().split(/\s+/).filter(Boolean)) {
    const cjk = token.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
    count += cjk > 0 ? Math.ceil(cjk / 2) : 1;
  }
  return count;
}

export type SceneKind = z.infer<typeof SceneKindSchema>;
export type Mood = z.infer<typeof MoodSchema>;
export type SceneScript = z.infer<typeof SceneScriptSchema>;
export type Script = z.infer<typeof ScriptSchema>;
