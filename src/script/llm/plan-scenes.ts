import { readingBudget } from "../reading-budget.js";

/** About one scene per this many seconds of video. */
export const SECONDS_PER_SCENE = 8;
export const MIN_SCENES = 3;
export const MAX_SCENES = 20;

export interface ScenePlan {
  /** Total scenes, title and closing included. */
  sceneCount: number;
  /** Reading words for the whole narration. */
  totalWords: number;
  /** Reading words for one content scene. */
  wordsPerScene: number;
}

/** How many scenes a video of this length has and how many words each may read. */
export function planScenes(durationSeconds: number, wordsPerMinute: number): ScenePlan {
  const sceneCount = Math.min(MAX_SCENES, Math.max(MIN_SCENES, Math.round(durationSeconds / SECONDS_PER_SCENE)));
  const totalWords = Math.floor(readingBudget(durationSeconds, wordsPerMinute));
  // Title and closing scenes are short; they get half a share each.
  const wordsPerScene = Math.max(5, Math.floor(totalWords / Math.max(1, sceneCount - 1)));
  return { sceneCount, totalWords, wordsPerScene };
}
