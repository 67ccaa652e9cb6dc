import { chmod, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeWav, durationMs } from "../src/audio/wav.js";
import type { ReelpressError } from "../src/errors.js";
import { splitUnits } from "../src/text/text-units.js";
import { DEFAULT_VOICE_SETTINGS, findEspeak, speakScenes, type SpeakScenesResult, type SpokenScene, type VoiceSettings } from "../src/voice/index.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const SCENES = [
  { id: "s1", narration: "Reelpress turns an article into a video. It reads the text aloud, sentence by sentence. The whole job takes 2024 milliseconds!" },
  { id: "s2", narration: "Captions follow the voice, word by word." },
  { id: "s3", narration: "  " },
];

let realEspeak: string;

afterAll(removeTempDirs);

beforeAll(async () => {
  const found = await findEspeak();
  // CI installs espeak-ng (apt-get install espeak-ng); these tests are about the real thing.
  if (!found) throw new Error("espeak-ng is not on PATH: install it with `sudo apt-get install espeak-ng`");
  realEspeak = found;
});

/** An espeak-ng that logs each call's arguments, one line per call, then runs the real one (or fails when `fail` matches). */
async function loggingEspeak(fail?: string): Promise<{ bin: string; calls: () => Promise<string[]> }> {
  const dir = await makeTempDir("espeak-bin");
  const log = path.join(dir, "calls.log");
  const bin = path.join(dir, "espeak-ng");
  const failLine = fail ? `case "$*" in *${fail}*) echo "simulated failure" >&2; exit 3;; esac\n` : "";
  await writeFile(bin, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\n${failLine}exec '${realEspeak}' "$@"\n`);
  await chmod(bin, 0o755);
  await writeFile(log, "");
  return { bin, calls: async () => (await readFile(log, "utf8")).split("\n").filter(Boolean) };
}

function settings(extra: Partial<VoiceSettings> = {}): VoiceSettings {
  return { ...DEFAULT_VOICE_SETTINGS, engine: "espeak", ...extra };
}

/**
 * Where sound starts after at least `minGapMs` of silence (and at the very start), from the
 * WAV's own samples: 5 ms frames, silent when no sample exceeds 1% of full scale.
 */
function soundOnsets(samples: Float32Array, sampleRate: number, minGapMs = 150): number[] {
  const frame = Math.round(sampleRate * 0.005);
  const onsets: number[] = [];
  let quietFrames = Infinity;
  for (let at = 0; at < samples.length; at += frame) {
    let peak = 0;
    for (let i = at; i < Math.min(samples.length, at + frame); i += 1) peak = Math.max(peak, Math.abs(samples[i]!));
    if (peak > 0.01) {
      if (quietFrames * 5 >= minGapMs) onsets.push((at / sampleRate) * 1000);
      quietFrames = 0;
    } else quietFrames += 1;
  }
  return onsets;
}

describe("speakScenes with espeak-ng", () => {
  let cacheDir: string;
  let result: SpeakScenesResult;
  let voice: SpokenScene;
  let warnings: string[];
  let elapsedMs: number;

  beforeAll(async () => {
    cacheDir = await makeTempDir("voice-espeak");
    warnings = [];
    const started = performance.now();
    result = await speakScenes(SCENES, "en", settings(), { cacheDir, onWarning: (m) => warnings.push(m) });
    elapsedMs = performance.now() - started;
    voice = result.voices[0]!;
  });

  it("speaks every scene that has words, with no fallback", () => {
    expect(result.engine).toBe("espeak");
    expect(result.fallback).toBeNull();
    expect(warnings).toEqual([]);
    expect(result.voices[0]).not.toBeNull();
    expect(result.voices[1]).not.toBeNull();
    expect(result.voices[2]).toBeNull();
    expect(elapsedMs).toBeLessThan(20_000);
  });

  it("writes a mono WAV in the cache whose length is the voice's duration", async () => {
    for (const spoken of result.voices.slice(0, 2)) {
      expect(path.dirname(spoken!.file)).toBe(path.join(cacheDir, "voice"));
      expect(path.basename(spoken!.file)).toMatch(/^[0-9a-f]{64}\.wav$/);
      const audio = decodeWav(await readFile(spoken!.file));
      expect(audio.channels).toHaveLength(1);
      expect(spoken!.durationMs).toBeGreaterThan(1000);
      expect(Math.abs(durationMs(audio) - spoken!.durationMs)).toBeLessThan(1);
      expect(spoken!.timing).toBe("modelled");
    }
  });

  it("times every word of the narration, in order, without overlap, inside its sentence", () => {
    expect(voice.words.map((w) => w.text)).toEqual(splitUnits(SCENES[0]!.narration));
    expect(voice.sentences.map((s) => s.text)).toEqual([
      "Reelpress turns an article into a video.",
      "It reads the text aloud, sentence by sentence.",
      "The whole job takes 2024 milliseconds!",
    ]);
    let previousEnd = 0;
    for (const word of voice.words) {
      expect(word.startMs).toBeGreaterThanOrEqual(previousEnd);
      expect(word.endMs).toBeGreaterThan(word.startMs);
      previousEnd = word.endMs;
      const sentence = voice.sentences.find((s) => word.startMs >= s.startMs && word.endMs <= s.endMs);
      expect(sentence, `"${word.text}" lies inside a sentence`).toBeDefined();
    }
    expect(voice.words.at(-1)!.endMs).toBeLessThanOrEqual(voice.durationMs);
    expect(voice.sentences[0]!.startMs).toBe(0);
  });

  it("starts each sentence where the audio's sound starts again after a pause, within 150 ms", async () => {
    const audio = decodeWav(await readFile(voice.file));
    const onsets = soundOnsets(audio.channels[0]!, audio.sampleRate);
    for (const sentence of voice.sentences) {
      const nearest = Math.min(...onsets.map((onset) => Math.abs(onset - sentence.startMs)));
      expect(nearest, `onset near "${sentence.text}"`).toBeLessThan(150);
    }
    // Nothing is sounding in the pause just before each later sentence.
    for (const sentence of voice.sentences.slice(1)) {
      const at = Math.round(((sentence.startMs - 100) / 1000) * audio.sampleRate);
      expect(Math.abs(audio.channels[0]![at]!)).toBeLessThan(0.01);
    }
  });

  it("gives a long word more time than a short one", () => {
    const word = (text: string) => voice.words.find((w) => w.text === text)!;
    const length = (text: string) => word(text).endMs - word(text).startMs;
    expect(length("milliseconds!")).toBeGreaterThan(1.5 * length("job"));
    expect(length("2024")).toBeGreaterThan(length("an"));
  });

  it("synthesises nothing on a second run: the cache answers", async () => {
    const espeak = await loggingEspeak();
    const dir = await makeTempDir("voice-cache");
    const first = await speakScenes(SCENES.slice(0, 2), "en", settings({ espeakPath: espeak.bin }), { cacheDir: dir });
    const synthesised = (await espeak.calls()).filter((call) => call.includes("--stdout"));
    expect(synthesised).toHaveLength(4); // one call per sentence
    const second = await speakScenes(SCENES.slice(0, 2), "en", settings({ espeakPath: espeak.bin }), { cacheDir: dir });
    expect((await espeak.calls()).filter((call) => call.includes("--stdout"))).toHaveLength(4);
    expect(second).toEqual(first);
    // A different speed is a different recording.
    await speakScenes(SCENES.slice(1, 2), "en", settings({ espeakPath: espeak.bin, speed: 1.5 }), { cacheDir: dir });
    expect((await espeak.calls()).filter((call) => call.includes("--stdout"))).toHaveLength(5);
  });
});

describe("espeak-ng voices and fallbacks", () => {
  it("speaks German text with the German voice", async () => {
    const espeak = await loggingEspeak();
    const result = await speakScenes([{ id: "de", narration: "Die Straßenbahn fährt heute nicht. Morgen wieder!" }], "de-DE", settings({ espeakPath: espeak.bin }), {
      cacheDir: await makeTempDir("voice-de"),
    });
    expect(result.engine).toBe("espeak");
    const calls = await espeak.calls();
    const speaking = calls.filter((call) => call.includes("--stdout"));
    expect(speaking).toHaveLength(2);
    for (const call of speaking) expect(call).toMatch(/(^|\s)-v de(\s|$)/);
    expect(result.voices[0]!.words.map((w) => w.text)).toEqual(["Die", "Straßenbahn", "fährt", "heute", "nicht.", "Morgen", "wieder!"]);
  });

  it("reads a language espeak-ng has no voice for in English, and says so", async () => {
    const espeak = await loggingEspeak();
    const warnings: string[] = [];
    const result = await speakScenes([{ id: "x", narration: "Qapla." }], "tlh", settings({ espeakPath: espeak.bin }), {
      cacheDir: await makeTempDir("voice-tlh"),
      onWarning: (m) => warnings.push(m),
    });
    expect(result.engine).toBe("espeak");
    expect(warnings).toEqual([expect.stringContaining('no voice for language "tlh"')]);
    expect((await espeak.calls()).find((call) => call.includes("--stdout"))).toMatch(/-v en/);
  });

  it("falls back to no voice, saying how to install espeak-ng, when the binary is missing", async () => {
    const warnings: string[] = [];
    const missing = path.join(await makeTempDir("no-espeak"), "espeak-ng");
    const result = await speakScenes(SCENES, "en", settings({ espeakPath: missing }), { cacheDir: await makeTempDir("voice-missing"), onWarning: (m) => warnings.push(m) });
    expect(result.engine).toBe("none");
    expect(result.voices).toEqual([null, null, null]);
    expect(result.fallback).toContain(`espeak-ng was not found at ${missing}`);
    expect(result.fallback).toContain("sudo apt-get install espeak-ng");
    expect(result.fallback).toContain("brew install espeak-ng");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("sudo apt-get install espeak-ng");
  });

  it("retries a failing espeak-ng once, then falls back to no voice with a warning", async () => {
    const espeak = await loggingEspeak("--stdout");
    const warnings: string[] = [];
    const result = await speakScenes([{ id: "one", narration: "Just one sentence here." }], "en", settings({ espeakPath: espeak.bin }), {
      cacheDir: await makeTempDir("voice-fail"),
      onWarning: (m) => warnings.push(m),
    });
    expect(result).toEqual({ voices: [null], engine: "none", fallback: expect.stringContaining("simulated failure") });
    expect((await espeak.calls()).filter((call) => call.includes("--stdout"))).toHaveLength(2);
    expect(warnings).toEqual([expect.stringMatching(/^espeak voice: .*simulated failure.*no voice/)]);
  });

  it("speaks nothing with the engine set to none", async () => {
    const espeak = await loggingEspeak();
    const result = await speakScenes(SCENES, "en", settings({ engine: "none", espeakPath: espeak.bin }), { cacheDir: await makeTempDir("voice-none") });
    expect(result).toEqual({ voices: [null, null, null], engine: "none", fallback: null });
    expect(await espeak.calls()).toEqual([]);
  });

  it("speaks faster at a higher speed, with shorter pauses", async () => {
    const cacheDir = await makeTempDir("voice-speed");
    const normal = await speakScenes([SCENES[0]!], "en", settings(), { cacheDir });
    const fast = await speakScenes([SCENES[0]!], "en", settings({ speed: 1.6 }), { cacheDir });
    expect(fast.voices[0]!.durationMs).toBeLessThan(0.8 * normal.voices[0]!.durationMs);
  });

  it("stops with E_ABORTED when the signal fires", async () => {
    const controller = new AbortController();
    controller.abort();
    const run = speakScenes(SCENES, "en", settings(), { cacheDir: await makeTempDir("voice-abort"), signal: controller.signal });
    await expect(run).rejects.toMatchObject({ code: "E_ABORTED" } satisfies Partial<ReelpressError>);
  });

  it("speaks French text with the French voice", async () => {
    const result = await speakScenes([{ id: "fr", narration: "Le train part à huit heures. Nous arriverons à Lyon avant midi." }], "fr", settings(), {
      cacheDir: await makeTempDir("voice-fr"),
    });
    expect(result.engine).toBe("espeak");
    expect(result.fallback).toBeNull();
    expect(result.voices[0]!.words).toHaveLength(12);
  });

  it.each([
    ["ja", "東京は晴れ。今日は暖かい。"],
    ["zh", "北京是中国的首都，有很多历史名胜。"],
  ])("gives up before speaking %s text that espeak-ng would read with English words, and says to use openai", async (lang, narration) => {
    const espeak = await loggingEspeak();
    const warnings: string[] = [];
    const result = await speakScenes([{ id: lang, narration }], lang, settings({ espeakPath: espeak.bin }), {
      cacheDir: await makeTempDir(`voice-${lang}`),
      onWarning: (m) => warnings.push(m),
    });
    expect(result).toEqual({ voices: [null], engine: "none", fallback: `espeak-ng cannot read ${lang} text; use --voice openai` });
    expect(warnings).toEqual([`espeak voice: espeak-ng cannot read ${lang} text; use --voice openai; the video has no voice and is timed by reading speed`]);
    expect((await espeak.calls()).filter((call) => call.includes("--stdout"))).toEqual([]);
  });

  it("keeps the voice, timed by spelling, when espeak-ng's phoneme call fails", async () => {
    const espeak = await loggingEspeak("--sep=z");
    const warnings: string[] = [];
    const result = await speakScenes([SCENES[1]!], "en", settings({ espeakPath: espeak.bin }), { cacheDir: await makeTempDir("voice-nophonemes"), onWarning: (m) => warnings.push(m) });
    expect((await espeak.calls()).some((call) => call.includes("--sep=z"))).toBe(true);
    expect(result.engine).toBe("espeak");
    expect(warnings).toEqual([]);
    const words = result.voices[0]!.words;
    expect(words.map((w) => w.text)).toEqual(splitUnits(SCENES[1]!.narration));
    for (const word of words) expect(word.endMs).toBeGreaterThan(word.startMs);
  });
});

describe("espeak-ng voice with a cache that cannot be written", () => {
  const scene = { id: "c", narration: "The cache folder is full today." };
  let key: string;

  beforeAll(async () => {
    const result = await speakScenes([scene], "en", settings(), { cacheDir: await makeTempDir("voice-key") });
    key = path.basename(result.voices[0]!.file, ".wav");
  });

  async function leftovers(dir: string): Promise<string[]> {
    return (await readdir(path.join(dir, "voice"))).filter((name) => name.endsWith(".tmp"));
  }

  it("still uses the voice when only its timings cannot be saved, with a warning and no temporary file left", async () => {
    const cacheDir = await makeTempDir("voice-nojson");
    await mkdir(path.join(cacheDir, "voice", `${key}.json`), { recursive: true });
    const warnings: string[] = [];
    const result = await speakScenes([scene], "en", settings(), { cacheDir, onWarning: (m) => warnings.push(m) });
    expect(result.engine).toBe("espeak");
    expect((await stat(result.voices[0]!.file)).size).toBeGreaterThan(1000);
    expect(warnings).toEqual([expect.stringMatching(/^the voice timings could not be saved in the cache folder .*EISDIR/)]);
    expect(await leftovers(cacheDir)).toEqual([]);
  });

  it("falls back to no voice with a warning, not a failure, when the audio cannot be saved", async () => {
    const cacheDir = await makeTempDir("voice-nowav");
    await mkdir(path.join(cacheDir, "voice", `${key}.wav`), { recursive: true });
    const warnings: string[] = [];
    const result = await speakScenes([scene], "en", settings(), { cacheDir, onWarning: (m) => warnings.push(m) });
    expect(result).toEqual({ voices: [null], engine: "none", fallback: expect.stringContaining("could not be saved in the cache folder") });
    expect(warnings).toHaveLength(1);
    expect(await leftovers(cacheDir)).toEqual([]);
  });

  it("falls back to no voice with a warning when the cache folder cannot be made", async () => {
    const cacheDir = await makeTempDir("voice-nodir");
    await writeFile(path.join(cacheDir, "voice"), "not a folder");
    const result = await speakScenes([scene], "en", settings(), { cacheDir });
    expect(result).toEqual({ voices: [null], engine: "none", fallback: expect.stringContaining("could not be saved in the cache folder") });
  });
});
