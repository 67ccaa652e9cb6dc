import type { SubtitleCue } from "./subtitle-cue.js";

/** Longest time a timestamp can show (99:59:59.999). */
const MAX_TIMESTAMP_MS = 100 * 3_600_000 - 1;

/**
 * What is wrong with a cue list, one message per problem (empty when it is valid): cues are
 * numbered 1, 2, 3…, their times are whole non-negative milliseconds a timestamp can show,
 * each ends after it starts, starts no earlier than the one before, does not overlap it (a cue
 * may start exactly when the previous one ends) and ends within the video.
 */
export function validateCues(cues: readonly SubtitleCue[], durationMs: number): string[] {
  const problems: string[] = [];
  cues.forEach((cue, i) => {
    const name = `cue ${i + 1}`;
    if (cue.index !== i + 1) problems.push(`${name} is numbered ${cue.index}, but must be ${i + 1}`);
    for (const [field, value] of [["start", cue.startMs], ["end", cue.endMs]] as const) {
      if (!Number.isInteger(value) || value < 0 || value > MAX_TIMESTAMP_MS) {
        problems.push(`${name} ${field} must be whole milliseconds between 0 and ${MAX_TIMESTAMP_MS}, but is ${value}`);
      }
    }
    if (!(cue.endMs > cue.startMs)) problems.push(`${name} must end after it starts, but runs ${cue.startMs}–${cue.endMs} ms`);
    if (cue.endMs > durationMs) problems.push(`${name} must end within the video (${durationMs} ms), but ends at ${cue.endMs} ms`);
    if (cue.lines.length === 0 || cue.lines.every((line) => !line.trim())) problems.push(`${name} has no text`);
    if (cue.lines.some((line) => line.includes("-->"))) problems.push(`${name} text must not contain "-->"`);
    const before = cues[i - 1];
    if (before) {
      if (cue.startMs < before.startMs) problems.push(`${name} starts at ${cue.startMs} ms, before cue ${i} (${before.startMs} ms)`);
      else if (cue.startMs < before.endMs) problems.push(`${name} starts at ${cue.startMs} ms, while cue ${i} is still up (until ${before.endMs} ms)`);
    }
  });
  return problems;
}
