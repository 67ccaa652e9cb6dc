import { decodeWav } from "../audio/wav.js";
import { isCjk } from "../text/text-units.js";
import { englishSwitchShare } from "./english-switch-share.js";
import { parseEspeakVoices, pickEspeakVoice } from "./espeak-voices.js";
import { isPunctuationOnly } from "./pause-after.js";
import { phonemeBlocks, phonemeLengthMs } from "./phoneme-length.js";
import { runEspeak } from "./run-espeak.js";
import { VoiceUnavailable, type SpeechEngine } from "./speech-engine.js";
import { spelledLength } from "./spelled-length.js";

/** espeak-ng's own default pace, words per minute; `speed` scales it. */
export const ESPEAK_WORDS_PER_MINUTE = 175;
const MIN_WPM = 80;
const MAX_WPM = 450;
/** espeak-ng is local and quick; a failure is retried once before giving up. */
const ATTEMPTS = 2;
/** espeak-ng is CPU-bound and single-threaded. */
const CONCURRENCY = 2;
/**
 * Above this share of words read with English rules, a non-English narration is not really read
 * in its language (kanji as "Chinese letter"), and espeak-ng is not used for it. Loanwords in
 * German or French text stay well below it.
 */
export const MAX_ENGLISH_SWITCH_SHARE = 0.1;

export interface EspeakEngineOptions {
  bin: string;
  lang: string;
  /** An espeak-ng voice to use as is; null picks one for `lang`. */
  voice: string | null;
  speed: number;
  /** All the narration the engine will speak, checked once before any is spoken. */
  narration: string;
  onWarning: (message: string) => void;
  signal: AbortSignal | undefined;
}

/**
 * espeak-ng as a SpeechEngine, in the language's voice (English, with a warning, when it has none).
 * Throws VoiceUnavailable when espeak-ng would read a non-English narration largely with English
 * rules (see MAX_ENGLISH_SWITCH_SHARE).
 */
export async function createEspeakEngine(options: EspeakEngineOptions): Promise<SpeechEngine> {
  const { bin, lang, speed } = options;
  const voice = options.voice ?? (await chooseVoice(bin, lang, options.onWarning, options.signal));
  const wpm = Math.round(Math.min(MAX_WPM, Math.max(MIN_WPM, ESPEAK_WORDS_PER_MINUTE * speed)));
  const speak = ["-v", voice, "-s", String(wpm), "-b", "1"];
  if (!isEnglish(lang)) await checkReadable(bin, voice, lang, options.narration, options.signal);
  return {
    id: "espeak",
    identity: { voice, wpm },
    concurrency: CONCURRENCY,
    async synthesize(text, signal) {
      return withRetry(async () => decodeWav(await runEspeak(bin, [...speak, "--stdout"], text, signal), "espeak-ng output"), signal);
    },
    async wordLengths(words, wordsLang, signal) {
      const spelled = words.map((word) => spelledLength(word, wordsLang).ms);
      // CJK is weighted per character by spelling; espeak-ng reads few Chinese characters itself.
      const asked = words.map((word, i) => ({ word: bareWord(word), i })).filter(({ word }) => word && ![...word].some(isCjk) && !isPunctuationOnly(word));
      if (asked.length === 0) return spelled;
      // One word per paragraph, so espeak-ng prints one block of phonemes per word.
      const input = asked.map(({ word }) => word).join("\n\n");
      let output: Buffer;
      try {
        output = await runEspeak(bin, [...speak, "-q", "-x", "--sep=z"], input, signal);
      } catch (error) {
        // Only the timing model is lost: the spelling estimate stands in.
        if (signal?.aborted) throw error;
        return spelled;
      }
      const blocks = phonemeBlocks(output.toString("utf8"));
      // A word espeak-ng split or merged differently leaves the spelling estimate in place.
      if (blocks.length !== asked.length) return spelled;
      const lengths = [...spelled];
      asked.forEach(({ i }, k) => {
        lengths[i] = phonemeLengthMs(blocks[k]!);
      });
      return lengths;
    },
  };
}

async function chooseVoice(bin: string, lang: string, onWarning: (message: string) => void, signal: AbortSignal | undefined): Promise<string> {
  const voices = parseEspeakVoices((await withRetry(() => runEspeak(bin, ["--voices"], "", signal), signal)).toString("utf8"));
  const voice = pickEspeakVoice(lang, voices);
  if (voice) return voice;
  onWarning(`espeak-ng has no voice for language "${lang}"; the narration is read with the English voice`);
  return pickEspeakVoice("en", voices) ?? "en";
}

function isEnglish(lang: string): boolean {
  return /^en(?:[-_]|$)/iu.test(lang);
}

async function checkReadable(bin: string, voice: string, lang: string, narration: string, signal: AbortSignal | undefined): Promise<void> {
  if (!narration.trim()) return;
  let phonemes: string;
  try {
    phonemes = (await runEspeak(bin, ["-v", voice, "-q", "-x"], narration, signal)).toString("utf8");
  } catch (error) {
    // Synthesis reports espeak-ng failures itself; this check only stops a reading that would be nonsense.
    if (signal?.aborted) throw error;
    return;
  }
  if (englishSwitchShare(phonemes, narration) > MAX_ENGLISH_SWITCH_SHARE) {
    throw new VoiceUnavailable("espeak", `espeak-ng cannot read ${lang} text; use --voice openai`);
  }
}

/** Leading and trailing punctuation off ("(world)," → "world"); inner marks stay ("3.50", "don't"). */
function bareWord(word: string): string {
  return word.replace(/^[^\p{L}\p{N}$€£¥]+|[^\p{L}\p{N}%°]+$/gu, "");
}

async function withRetry<T>(run: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  let last: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (signal?.aborted) throw error;
      last = error;
    }
  }
  throw new VoiceUnavailable("espeak", last instanceof Error ? last.message : String(last));
}
