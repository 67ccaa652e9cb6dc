import pLimit from "p-limit";
import { encodeWav } from "../audio/wav.js";
import { ReelpressError } from "../errors.js";
import { normalizeWhitespace } from "../script/split-sentences.js";
import { splitUnits } from "../text/text-units.js";
import { createEspeakEngine } from "./espeak-engine.js";
import { ESPEAK_INSTALL_HINT, findEspeak } from "./find-espeak.js";
import { createOpenAiEngine } from "./openai-engine.js";
import { isPunctuationOnly } from "./pause-after.js";
import { speakNarration } from "./speak-narration.js";
import { VoiceUnavailable, type SpeechEngine } from "./speech-engine.js";
import { readCachedVoice, voiceCacheKey, writeCachedVoice } from "./voice-cache.js";
import type { SpeakScenesOptions, SpeakScenesResult, SpokenScene, VoiceSettings } from "./voice-settings.js";

export interface SceneNarration {
  id: string;
  narration: string;
}

/**
 * Speaks each scene's narration with the configured engine and times every word and sentence.
 * Audio and timings are cached per (engine, voice, model, speed, language, text), so a re-run
 * synthesises nothing. An engine that is missing or fails (after the client's retries, or one
 * retry for espeak-ng) is reported through `onWarning` and `fallback`, and the whole video goes
 * without a voice: this never throws for a speech failure, only E_ABORTED when `signal` fires.
 * A cache that cannot hold the audio is such a failure; one that cannot hold only the timings is a
 * warning, and the voice is used.
 */
export async function speakScenes(
  scenes: readonly SceneNarration[],
  lang: string,
  settings: VoiceSettings,
  options: SpeakScenesOptions,
): Promise<SpeakScenesResult> {
  const warn = options.onWarning ?? (() => undefined);
  const silent = (fallback: string | null): SpeakScenesResult => ({ voices: scenes.map(() => null), engine: "none", fallback });
  if (options.signal?.aborted) throw aborted();
  if (settings.engine === "none") return silent(null);
  // Stops the other scenes' synthesis as soon as one gives up.
  const controller = new AbortController();
  const stop = () => controller.abort();
  options.signal?.addEventListener("abort", stop, { once: true });
  try {
    const narration = scenes.map((scene) => normalizeWhitespace(scene.narration)).join("\n\n");
    const engine = await createEngine(settings, lang, narration, warn, controller.signal);
    const limit = pLimit(engine.concurrency);
    const limited: SpeechEngine = {
      ...engine,
      synthesize: (text, signal) => limit(() => engine.synthesize(text, signal)),
      wordLengths: (words, wordsLang, signal) => limit(() => engine.wordLengths(words, wordsLang, signal)),
    };
    const voices = await Promise.all(
      scenes.map(async (scene) => {
        try {
          return await speakScene(limited, scene.narration, lang, settings.speed, options.cacheDir, warn, controller.signal);
        } catch (error) {
          controller.abort();
          throw error;
        }
      }),
    );
    return { voices, engine: engine.id, fallback: null };
  } catch (error) {
    if (options.signal?.aborted) throw aborted();
    if (!(error instanceof VoiceUnavailable)) throw error;
    warn(`${error.message}; the video has no voice and is timed by reading speed`);
    return silent(error.reason);
  } finally {
    options.signal?.removeEventListener("abort", stop);
  }
}

function aborted(): ReelpressError {
  return new ReelpressError("E_ABORTED", "the voice was aborted");
}

async function createEngine(settings: VoiceSettings, lang: string, narration: string, warn: (message: string) => void, signal: AbortSignal): Promise<SpeechEngine> {
  if (settings.engine === "openai") return createOpenAiEngine(settings);
  const bin = await findEspeak(settings.espeakPath);
  if (!bin) {
    const where = settings.espeakPath ? `espeak-ng was not found at ${settings.espeakPath}` : "espeak-ng is not installed";
    throw new VoiceUnavailable("espeak", `${where}; ${ESPEAK_INSTALL_HINT}`);
  }
  return createEspeakEngine({ bin, lang, voice: settings.voice, speed: settings.speed, narration, onWarning: warn, signal });
}

async function speakScene(
  engine: SpeechEngine,
  narration: string,
  lang: string,
  speed: number,
  cacheDir: string,
  warn: (message: string) => void,
  signal: AbortSignal,
): Promise<SpokenScene | null> {
  const text = normalizeWhitespace(narration);
  if (!splitUnits(text).some((unit) => !isPunctuationOnly(unit))) return null;
  const key = voiceCacheKey({ engine: engine.id, identity: engine.identity, speed, lang, text });
  const cached = await readCachedVoice(cacheDir, key);
  if (cached) return cached;
  const spoken = await speakNarration(engine, text, lang, speed, signal);
  const durationMs = ((spoken.audio.channels[0]?.length ?? 0) / spoken.audio.sampleRate) * 1000;
  if (durationMs <= 0) throw new VoiceUnavailable(engine.id, "the engine returned no audio");
  const written = await writeCachedVoice(cacheDir, key, encodeWav(spoken.audio), { text, durationMs, words: spoken.words, sentences: spoken.sentences, timing: "modelled" });
  if (written.saved === "nothing") {
    // The voice must be a file for the mix; with no file, the video goes without a voice.
    throw new VoiceUnavailable(engine.id, `the voice could not be saved in the cache folder ${cacheDir} (${written.error.code ?? written.error.message})`);
  }
  if (written.saved === "audio") {
    warn(`the voice timings could not be saved in the cache folder ${cacheDir} (${written.error.code ?? written.error.message}); this scene is spoken again next time`);
  }
  return written.voice;
}
