import type { SceneVoice, VoiceEngine } from "../schema/storyboard.js";

/** How the narration is spoken. Resolved from config and flags by the caller; every field is set. */
export interface VoiceSettings {
  /** @default "none" */
  engine: VoiceEngine;
  /**
   * espeak: an espeak-ng voice ("en-us", "de", "en+f3"); null picks one for the article's language.
   * openai: a voice name; null means "alloy".
   * @default null
   */
  voice: string | null;
  /** The OpenAI speech model; espeak ignores it. @default "gpt-4o-mini-tts" */
  model: string;
  /** 1 is the engine's normal pace; espeak takes 0.5–2.5, OpenAI 0.25–4. @default 1 */
  speed: number;
  /** OPENAI_API_KEY; null for a local compatible server (then `baseURL` must be set). @default null */
  apiKey: string | null;
  /** An OpenAI-compatible server, e.g. http://127.0.0.1:8880/v1; null means api.openai.com. @default null */
  baseURL: string | null;
  /** Per speech request. @default 60000 */
  timeoutMs: number;
  /** Retries on 429, 5xx and dropped connections (the openai client's own backoff). @default 2 */
  maxRetries: number;
  /** Where espeak-ng is; null or absent looks it up on PATH. @default null */
  espeakPath?: string | null;
}

export const DEFAULT_OPENAI_VOICE = "alloy";
export const DEFAULT_SPEECH_MODEL = "gpt-4o-mini-tts";
export const DEFAULT_SPEECH_BASE_URL = "https://api.openai.com/v1";

export const DEFAULT_VOICE_SETTINGS: Readonly<VoiceSettings> = {
  engine: "none",
  voice: null,
  model: DEFAULT_SPEECH_MODEL,
  speed: 1,
  apiKey: null,
  baseURL: null,
  timeoutMs: 60_000,
  maxRetries: 2,
  espeakPath: null,
};

export interface SpeakScenesOptions {
  /** Voice files and their timings go to <cacheDir>/voice/. */
  cacheDir: string;
  signal?: AbortSignal;
  /** A fallback or a substitution the output should report (no voice for the language, key rejected…). */
  onWarning?: (message: string) => void;
}

/** One scene's narration as spoken; the storyboard adds where it starts in the scene. */
export type SpokenScene = Omit<SceneVoice, "offsetMs">;

export interface SpeakScenesResult {
  /** One per scene, in order; null for a scene with nothing to say, or all null without a voice. */
  voices: (SpokenScene | null)[];
  /** The engine that really spoke: "none" after a fallback. */
  engine: VoiceEngine;
  /** Why the requested engine was given up for "none"; null when it was not. */
  fallback: string | null;
}
