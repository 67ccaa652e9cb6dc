import { UsageError } from "../errors.js";

export interface ScriptOptions {
  /**
   * Target length of the video in seconds; decides how much of the article is kept.
   * @default 60
   */
  durationSeconds?: number;
  /**
   * Narration speed used to turn the duration into a word budget.
   * @default 160
   */
  wordsPerMinute?: number;
}

export const DEFAULT_SCRIPT_OPTIONS: Required<ScriptOptions> = Object.freeze({
  durationSeconds: 60,
  wordsPerMinute: 160,
});

function checkPositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(`"${name}" must be a number bigger than 0, but is ${String(value)}`, {
      hint: name === "durationSeconds" ? "pass --duration in seconds, e.g. --duration 60" : "pass a reading speed in words per minute, e.g. 160",
    });
  }
}

/** Fills the defaults once and checks every field. */
export function resolveScriptOptions(options: ScriptOptions = {}): Required<ScriptOptions> {
  const resolved = {
    durationSeconds: options.durationSeconds ?? DEFAULT_SCRIPT_OPTIONS.durationSeconds,
    wordsPerMinute: options.wordsPerMinute ?? DEFAULT_SCRIPT_OPTIONS.wordsPerMinute,
  };
  checkPositive("durationSeconds", resolved.durationSeconds);
  checkPositive("wordsPerMinute", resolved.wordsPerMinute);
  return resolved;
}
