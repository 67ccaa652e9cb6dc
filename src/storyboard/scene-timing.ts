import type { SceneKind } from "../schema/script.js";
import { MIN_SCENE_SECONDS, SCENE_PAUSE_SECONDS } from "../text/reading-time.js";
import { readingWords } from "../text/text-units.js";

export { MIN_SCENE_SECONDS, SCENE_PAUSE_SECONDS };

const MIN_SECONDS_BY_KIND: Record<SceneKind, number> = { title: 3.5, content: MIN_SCENE_SECONDS, closing: 4 };

/** Seconds a scene needs at a reading speed: its narration plus a pause, never under the minimum. */
export function sceneSeconds(kind: SceneKind, narration: string, wordsPerMinute: number): number {
  const reading = (readingWords(narration) / wordsPerMinute) * 60;
  return Math.max(MIN_SECONDS_BY_KIND[kind], reading + SCENE_PAUSE_SECONDS);
}

export function secondsToFrames(seconds: number, fps: number): number {
  return Math.max(1, Math.round(seconds * fps));
}

/**
 * Seconds a voiced scene needs: until the voice ends plus a pause, never less than its captions
 * need to be read (the reading-speed length without the pause) nor the scene kind's minimum.
 */
export function voicedSceneSeconds(kind: SceneKind, narration: string, wordsPerMinute: number, voiceEndMs: number): number {
  const reading = (readingWords(narration) / wordsPerMinute) * 60;
  return Math.max(MIN_SECONDS_BY_KIND[kind], reading, voiceEndMs / 1000 + SCENE_PAUSE_SECONDS);
}
