import { describe, expect, it } from "vitest";
import { alignWords, DEFAULT_ALIGN_OPTIONS } from "../src/voice/align-words.js";
import { parseEspeakVoices, pickEspeakVoice } from "../src/voice/espeak-voices.js";
import { findSilences } from "../src/voice/find-silences.js";
import { digitsSyllables, integerSyllables } from "../src/voice/number-syllables.js";
import { pauseAfterMs } from "../src/voice/pause-after.js";
import { pcm16Audio } from "../src/voice/pcm16-audio.js";
import { phonemeBlocks, phonemeLengthMs } from "../src/voice/phoneme-length.js";
import { sentencePauseMs } from "../src/voice/sentence-pause.js";
import { spelledLength, vowelGroups } from "../src/voice/spelled-length.js";
import { spreadUnits } from "../src/voice/spread-units.js";
import { timeSentenceWords } from "../src/voice/time-sentence-words.js";
import { voicedSpan } from "../src/voice/voiced-span.js";

const RATE = 16_000;

/** Sound (a 200 Hz tone) and silence, in milliseconds, alternating from sound. */
function toneAndSilence(...parts: number[]): Float32Array {
  const total = parts.reduce((a, b) => a + b, 0);
  const out = new Float32Array(Math.round((total / 1000) * RATE));
  let at = 0;
  parts.forEach((ms, i) => {
    const n = Math.round((ms / 1000) * RATE);
    if (i % 2 === 0) for (let k = 0; k < n; k += 1) out[at + k] = 0.5 * Math.sin((2 * Math.PI * 200 * (at + k)) / RATE);
    at += n;
  });
  return out;
}

describe("the spelling model of word length", () => {
  it("counts English syllables with silent endings", () => {
    expect(vowelGroups("make", "en")).toBe(1);
    expect(vowelGroups("table", "en")).toBe(2);
    expect(vowelGroups("jumped", "en")).toBe(1);
    expect(vowelGroups("wanted", "en")).toBe(2);
    expect(vowelGroups("extraordinary", "en")).toBe(5);
    expect(vowelGroups("yes", "en")).toBe(1);
  });

  it("reads numbers at their spoken length", () => {
    expect(integerSyllables(7)).toBe(2); // seven
    expect(integerSyllables(1_000_000)).toBe(3); // one million
    expect(digitsSyllables("2024")).toBe(5); // twen-ty twen-ty-four
    expect(digitsSyllables("2005")).toBe(4); // two thousand five
    expect(digitsSyllables("3.50")).toBe(5); // three point five zero
    expect(digitsSyllables("1,250")).toBe(8); // one thou-sand two hun-dred fif-ty
    expect(spelledLength("2024", "en").ms).toBeGreaterThan(spelledLength("12", "en").ms);
    expect(spelledLength("50%", "en").syllables).toBe(4); // fifty percent
  });

  it("gives a long word more time than a short one, and CJK one syllable per character", () => {
    expect(spelledLength("internationalisation", "en").ms).toBeGreaterThan(3 * spelledLength("it", "en").ms);
    expect(spelledLength("你好世界", "zh").syllables).toBe(4);
    expect(spelledLength("ちょっと", "ja").syllables).toBe(3); // two morae and two half ones
    expect(spelledLength("HTML", "en").syllables).toBe(4); // spelled out
    expect(spelledLength("(world),", "en")).toEqual(spelledLength("world", "en"));
    expect(spelledLength("—", "en").ms).toBe(0);
  });
});

describe("espeak-ng phonemes", () => {
  it("weights long vowels and consonant clusters above short words", () => {
    // espeak-ng -x --sep=z for "strengths" and "a"
    const strengths = ["s", "t", "r", "'E", "N", "k", "T", "s"].join("\u200c");
    expect(phonemeLengthMs(strengths)).toBeGreaterThan(3 * phonemeLengthMs("a#"));
    expect(phonemeLengthMs("b\u200c'i:")).toBeGreaterThan(phonemeLengthMs("b\u200c'I"));
    expect(phonemeLengthMs("_!")).toBe(0);
  });

  it("reads one block per paragraph, a number's several words in one block", () => {
    expect(phonemeBlocks("h@l'oU\n\nt'u: T'aUz@nd\n\n'End\n")).toEqual(["h@l'oU", "t'u: T'aUz@nd", "'End"]);
  });
});

describe("picking an espeak-ng voice", () => {
  const voices = parseEspeakVoices(
    [
      "Pty Language       Age/Gender VoiceName          File                 Other Languages",
      " 5  cmn             --/M      Chinese_(Mandarin,_latin_as_English) sit/cmn              (zh-cmn 5)(zh 5)",
      " 5  de              --/M      German             gmw/de",
      " 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)",
      " 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)",
      " 5  nb              --/M      Norwegian_Bokmål  gmq/nb               (no 5)",
      " 5  pt              --/M      Portuguese_(Portugal) roa/pt               (pt-pt 5)",
      " 5  pt-br           --/M      Portuguese_(Brazil) roa/pt-BR            (pt 6)",
      " 5  yue             --/M      Chinese_(Cantonese) sit/yue              (zh-yue 5)(zh 8)",
    ].join("\n"),
  );

  it("matches the whole tag, then its base language, then the languages voices also speak", () => {
    expect(pickEspeakVoice("pt-BR", voices)).toBe("pt-br");
    expect(pickEspeakVoice("pt", voices)).toBe("pt");
    expect(pickEspeakVoice("de-AT", voices)).toBe("de");
    expect(pickEspeakVoice("en-US", voices)).toBe("en-us");
    expect(pickEspeakVoice("en", voices)).toBe("en-gb");
    expect(pickEspeakVoice("zh-Hant-TW", voices)).toBe("cmn");
    expect(pickEspeakVoice("zh-HK", voices)).toBe("yue");
    expect(pickEspeakVoice("no", voices)).toBe("nb");
  });

  it("finds nothing for a language espeak-ng lacks", () => {
    expect(pickEspeakVoice("tlh", voices)).toBeNull();
  });
});

describe("laying words out in a sentence", () => {
  it("spreads units by nominal length, with the pauses between them", () => {
    const spans = spreadUnits(
      [
        { lengthMs: 100, pauseMs: 100 },
        { lengthMs: 200, pauseMs: 0 },
        { lengthMs: 100, pauseMs: 500 },
      ],
      1000,
      1500,
    );
    expect(spans).toEqual([
      { startMs: 1000, endMs: 1100 },
      { startMs: 1200, endMs: 1400 },
      { startMs: 1400, endMs: 1500 },
    ]);
  });

  it("gives a long word more time than a short one in the same audio", () => {
    const samples = toneAndSilence(2000);
    const words = ["I", "extraordinarily", "am"];
    const lengths = words.map((w) => spelledLength(w, "en").ms);
    const [i, long, am] = timeSentenceWords(words, lengths, samples, RATE);
    expect(long!.endMs - long!.startMs).toBeGreaterThan(2 * (i!.endMs - i!.startMs));
    expect(long!.endMs - long!.startMs).toBeGreaterThan(2 * (am!.endMs - am!.startMs));
  });

  it("puts the word after a comma where the sound resumes after the pause", () => {
    // "Hello there, everyone": 600 ms of speech, a 400 ms pause, 300 ms of speech (shorter than modelled).
    const samples = toneAndSilence(600, 400, 300);
    const words = ["Hello", "there,", "everyone"];
    const spans = timeSentenceWords(words, [300, 300, 600], samples, RATE, { ...DEFAULT_ALIGN_OPTIONS, refine: false });
    expect(spans[1]!.endMs).toBeCloseTo(600, -1);
    expect(spans[2]!.startMs).toBeCloseTo(1000, -1);
  });

  it("without matching the pause to the audio, the word after it lands in the wrong place", () => {
    const samples = toneAndSilence(600, 400, 300);
    const modelled = alignWords(
      [
        { lengthMs: 300, pauseMs: 0 },
        { lengthMs: 300, pauseMs: 180 },
        { lengthMs: 600, pauseMs: 0 },
      ],
      samples,
      RATE,
      { ...DEFAULT_ALIGN_OPTIONS, anchorPauses: false, refine: false },
    );
    expect(Math.abs(modelled[2]!.startMs - 1000)).toBeGreaterThan(150);
  });

  it("moves a boundary between words to the quiet point nearby", () => {
    // Two words, a short 40 ms gap at 330 ms; the model alone puts the boundary at 320 ms.
    const samples = toneAndSilence(330, 40, 270);
    const refined = alignWords(
      [
        { lengthMs: 100, pauseMs: 0 },
        { lengthMs: 100, pauseMs: 0 },
      ],
      samples,
      RATE,
      { ...DEFAULT_ALIGN_OPTIONS, finalLengthening: 1 },
    );
    expect(refined[0]!.endMs).toBeGreaterThanOrEqual(325);
    expect(refined[1]!.startMs).toBeGreaterThan(refined[0]!.endMs);
    expect(refined[1]!.startMs).toBeLessThanOrEqual(375);
  });

  it("gives a dash on its own the pause before the next word", () => {
    const samples = toneAndSilence(500, 250, 500);
    const spans = timeSentenceWords(["really", "—", "true"], [300, 0, 300], samples, RATE);
    expect(spans[1]!.startMs).toBe(spans[0]!.endMs);
    expect(spans[1]!.endMs).toBe(spans[2]!.startMs);
    expect(spans[2]!.startMs).toBeGreaterThan(700);
  });
});

describe("silence and pauses", () => {
  it("finds where the sound is, keeping a little either side", () => {
    const samples = toneAndSilence(0, 300, 500, 200);
    const span = voicedSpan(samples, RATE)!;
    expect((span.start / RATE) * 1000).toBeGreaterThan(270);
    expect((span.start / RATE) * 1000).toBeLessThanOrEqual(300);
    expect((span.end / RATE) * 1000).toBeGreaterThanOrEqual(800);
    expect((span.end / RATE) * 1000).toBeLessThan(830);
    expect(voicedSpan(new Float32Array(1000), RATE)).toBeNull();
  });

  it("finds inner silences longer than the minimum only", () => {
    const samples = toneAndSilence(200, 50, 200, 150, 200);
    const silences = findSilences(samples, RATE, 90);
    expect(silences).toHaveLength(1);
    expect(silences[0]!.startMs).toBeCloseTo(450, -1);
    expect(silences[0]!.endMs).toBeCloseTo(600, -1);
  });

  it("pauses longer after a full stop than a comma, and shorter when speaking faster", () => {
    expect(pauseAfterMs("world,")).toBeGreaterThan(0);
    expect(pauseAfterMs("this;")).toBeGreaterThan(pauseAfterMs("world,"));
    expect(pauseAfterMs("(said)")).toBe(0);
    expect(pauseAfterMs("“done,”")).toBe(pauseAfterMs("done,"));
    expect(sentencePauseMs("It works.", 1)).toBe(250);
    expect(sentencePauseMs("It works.", 2)).toBe(125);
    expect(sentencePauseMs("真的吗？", 1)).toBe(250);
  });

  it("reads raw 16-bit PCM as 24 kHz mono", () => {
    const bytes = Buffer.alloc(6);
    bytes.writeInt16LE(16384, 0);
    bytes.writeInt16LE(-32768, 2);
    bytes.writeInt16LE(0, 4);
    const audio = pcm16Audio(bytes);
    expect(audio.sampleRate).toBe(24_000);
    expect([...audio.channels[0]!]).toEqual([0.5, -1, 0]);
  });
});
