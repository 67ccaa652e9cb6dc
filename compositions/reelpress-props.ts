import { z } from "zod";
import { StoryboardSchema } from "../src/schema/storyboard.js";

export const ReelpressPropsSchema = z.object({
  storyboard: StoryboardSchema,
  /** Media `file` (absolute local path) → a URL the browser can load (served over http://127.0.0.1). */
  assets: z.record(z.string(), z.string()),
  /** How clips are drawn (see VideoElement). @default "media" */
  videoElement: z.enum(["media", "offthread"]).optional(),
});

export type ReelpressProps = z.infer<typeof ReelpressPropsSchema>;

export const COMPOSITION_ID = "Reelpress";
