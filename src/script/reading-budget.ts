/** The beat between two scenes, in seconds: time in which nothing is read. */
export const SCENE_PAUSE_SECONDS = 0.6;

/** How many reading words fit in `seconds` at `wordsPerMinute`. */
export function readingBudget(seconds: number, wordsPerMinute: number): number {
  return (seconds * wordsPerMinute) / 60;
}
