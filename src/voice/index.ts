export { speakScenes, type SceneNarration } from "./speak-scenes.js";
export {
  DEFAULT_VOICE_SETTINGS,
  DEFAULT_OPENAI_VOICE,
  DEFAULT_SPEECH_MODEL,
  DEFAULT_SPEECH_BASE_URL,
  type VoiceSettings,
  type SpeakScenesOptions,
  type SpeakScenesResult,
  type SpokenScene,
} from "./voice-settings.js";
export { findEspeak, ESPEAK_INSTALL_HINT } from "./find-espeak.js";
export { findSilences, type Silence } from "./find-silences.js";
export { VOICE_CACHE_VERSION } from "./voice-cache.js";
