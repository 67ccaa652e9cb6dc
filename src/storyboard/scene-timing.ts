import type { SceneKind } from "../schema/script.js";
import { readingWords } from "./text-units.js";

/** Every scene stays up long enough to read its captions. */
export const MIN_SCENE_SECONDS = 2.5;
/** Breath between one scene's narration and the next. */
export const SCENE_PAUSE_SECONDS = 0.6;
const MIN_SECONDS_BY_KIND: Record<SceneKind, number> = { title: 3.5, content: MIN_SCENE_SECONDS, closing: 4 };

/** Seconds a scene needs at a reading speed: its narration plus a pause, never under the minimum. */
export function sceneSeconds(kind: SceneKind, narration: string, wordsPerMinute: number): number {
  const reading = (readingWords(narration) / wordsPerMinute) * 60;
  return Math.max(MIN_SECONDS_BY_KIND[kind], reading + SCENE_PAUSE_SECONDS);
}

export function secondsToFrames(seconds: number, fps: number): number {
  return Math.max(1, Math.round(seconds * fps));
}
