import type { PcmAudio } from "../audio/wav.js";
import type { SentenceTiming, WordTiming } from "../schema/storyboard.js";
import { splitSentences } from "../script/split-sentences.js";
import { splitUnits } from "../text/text-units.js";
import { monoSamples } from "./mono-samples.js";
import { isPunctuationOnly } from "./pause-after.js";
import { sentencePauseMs } from "./sentence-pause.js";
import type { SpeechEngine } from "./speech-engine.js";
import { timeSentenceWords } from "./time-sentence-words.js";
import { voicedSpan } from "./voiced-span.js";

export interface SpokenNarration {
  /** Mono, at the engine's rate; starts with the first sentence's first sound. */
  audio: PcmAudio;
  words: WordTiming[];
  sentences: SentenceTiming[];
}

/**
 * Speaks a narration sentence by sentence (sentences split as the script stage splits them), trims
 * each sentence's leading and trailing silence, and joins them with a pause, so each sentence's
 * start in the file is known exactly. Words are placed inside their sentence by timeSentenceWords.
 */
export async function speakNarration(engine: SpeechEngine, text: string, lang: string, speed: number, signal: AbortSignal | undefined): Promise<SpokenNarration> {
  const sentences = splitSentences(text, lang);
  const words = sentences.map((sentence) => splitUnits(sentence));
  const [lengths, clips] = await Promise.all([
    engine.wordLengths(words.flat(), lang, signal),
    Promise.all(sentences.map((sentence, i) => (words[i]!.some((w) => !isPunctuationOnly(w)) ? engine.synthesize(sentence, signal) : null))),
  ]);
  const sampleRate = clips.find((clip) => clip !== null)?.sampleRate ?? 24_000;
  const pieces: Float32Array[] = [];
  const wordTimings: WordTiming[] = [];
  const sentenceTimings: SentenceTiming[] = [];
  let position = 0;
  let lengthIndex = 0;
  const lastSpoken = clips.reduce((last, clip, i) => (clip ? i : last), -1);
  sentences.forEach((sentence, i) => {
    const sentenceWords = words[i]!;
    const sentenceLengths = lengths.slice(lengthIndex, lengthIndex + sentenceWords.length);
    lengthIndex += sentenceWords.length;
    const clip = clips[i] ? trimmed(monoSamples(clips[i]!, sampleRate), sampleRate) : new Float32Array(0);
    const startMs = toMs(position, sampleRate);
    const spans = clip.length > 0 ? timeSentenceWords(sentenceWords, sentenceLengths, clip, sampleRate) : sentenceWords.map(() => ({ startMs: 0, endMs: 0 }));
    sentenceWords.forEach((word, k) => {
      wordTimings.push({ text: word, startMs: round(startMs + spans[k]!.startMs), endMs: round(startMs + spans[k]!.endMs) });
    });
    pieces.push(clip);
    position += clip.length;
    sentenceTimings.push({ text: sentence, startMs: round(startMs), endMs: round(toMs(position, sampleRate)) });
    if (clip.length > 0 && i < lastSpoken) {
      const pause = new Float32Array(Math.round((sentencePauseMs(sentence, speed) / 1000) * sampleRate));
      pieces.push(pause);
      position += pause.length;
    }
  });
  const samples = new Float32Array(position);
  let at = 0;
  for (const piece of pieces) {
    samples.set(piece, at);
    at += piece.length;
  }
  return { audio: { sampleRate, channels: [samples] }, words: wordTimings, sentences: sentenceTimings };
}

function trimmed(samples: Float32Array, sampleRate: number): Float32Array {
  const span = voicedSpan(samples, sampleRate);
  return span ? samples.slice(span.start, span.end) : samples;
}

function toMs(samples: number, sampleRate: number): number {
  return (samples / sampleRate) * 1000;
}

/** Tenths of a millisecond: plenty, and rounding keeps the order of times. */
function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
