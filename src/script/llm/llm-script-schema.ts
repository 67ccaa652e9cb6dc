import { z } from "zod";
import { countHeadlineWords, MoodSchema } from "../../schema/script.js";

/**
 * What the model is asked to return: the Script without scene ids and kinds (the writer adds
 * them from the scene's position). Only types here, because strict structured output rejects
 * most value rules; the rules live in LlmScriptCheckSchema.
 */
export const LlmSceneSchema = z.object({
  headline: z.string(),
  narration: z.string(),
  queries: z.array(z.string()),
  visual: z.string(),
  mood: MoodSchema,
  keywords: z.array(z.string()),
  sourceBlockIds: z.array(z.string()),
});

export const LlmScriptSchema = z.object({
  title: z.string(),
  scenes: z.array(LlmSceneSchema),
});

/** The same shape with the rules the prompt states; an answer that breaks one gets a repair request. */
export const LlmScriptCheckSchema = z.object({
  title: z.string().trim().min(1),
  scenes: z
    .array(
      z.object({
        headline: z
          .string()
          .trim()
          .min(1)
          .refine((s) => countHeadlineWords(s) <= 8, "must be at most 8 words"),
        narration: z.string().trim().min(1),
        queries: z.array(z.string().trim().min(1)).min(2).max(3),
        visual: z.string().trim().min(1),
        mood: MoodSchema,
        keywords: z.array(z.string().trim().min(1)).min(3).max(6),
        sourceBlockIds: z.array(z.string()),
      }),
    )
    .min(3),
});

export type LlmScript = z.infer<typeof LlmScriptCheckSchema>;
