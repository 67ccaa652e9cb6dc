/**
 * Reading-time constants shared by the script writer (which budgets words) and the storyboard
 * (which times scenes), so the two never drift apart.
 */

/** Breath between one scene's narration and the next. */
export const SCENE_PAUSE_SECONDS = 0.6;
/** Every scene stays up long enough to read its captions. */
export const MIN_SCENE_SECONDS = 2.5;
