export { SCENE_PAUSE_SECONDS } from "../text/reading-time.js";

/** How many reading words fit in `seconds` at `wordsPerMinute`. */
export function readingBudget(seconds: number, wordsPerMinute: number): number {
  return (seconds * wordsPerMinute) / 60;
}
