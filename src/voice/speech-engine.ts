import type { PcmAudio } from "../audio/wav.js";
import type { VoiceEngine } from "../schema/storyboard.js";

/**
 * A text-to-speech engine as the voice stage uses it: speaks one sentence at a time and says how
 * long each word should take relative to the others (its model of speech).
 */
export interface SpeechEngine {
  readonly id: Exclude<VoiceEngine, "none">;
  /** What the cache key holds besides the text: the resolved voice, model and anything else that changes the sound. */
  readonly identity: Readonly<Record<string, string | number | null>>;
  /** Sentences synthesised at once. */
  readonly concurrency: number;
  /** The sentence's audio (any rate, any channel count). Throws VoiceUnavailable when the engine gave up. */
  synthesize(text: string, signal: AbortSignal | undefined): Promise<PcmAudio>;
  /**
   * The nominal spoken length of each word in milliseconds at normal pace (pauses excluded), in
   * order; only the ratios matter. Words come from splitUnits and may carry punctuation.
   */
  wordLengths(words: readonly string[], lang: string, signal: AbortSignal | undefined): Promise<number[]>;
}

/** Why an engine cannot speak (not installed, key refused, server down after retries); the video goes on without a voice. */
export class VoiceUnavailable extends Error {
  constructor(
    readonly engine: Exclude<VoiceEngine, "none">,
    readonly reason: string,
  ) {
    super(`${engine} voice: ${reason}`);
    this.name = "VoiceUnavailable";
  }
}
