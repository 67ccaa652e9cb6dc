import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kWeightingFilters } from "../src/audio/k-weighting.js";
import { integratedLoudness, measureLoudness } from "../src/audio/measure-loudness.js";
import { resample } from "../src/audio/resample.js";
import { seededRandom } from "../src/audio/seeded-random.js";
import { decodeWav, encodeWav, type PcmAudio } from "../src/audio/wav.js";
import { ffmpegTool } from "../src/media/ffmpeg-bin.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const run = promisify(execFile);

/**
 * ffmpeg's loudnorm analysis of a file. Integrated loudness comes from a linear-mode run: in its
 * default dynamic mode loudnorm feeds its last 3 s look-ahead buffer to the input meter a second
 * time at the end of the stream, which over-weights the end of a short file (0.3 LU on a 6 s
 * voice clip). Linear mode meters each sample once, but does not upsample, so the true peak
 * comes from the dynamic run, which measures on a 192 kHz resampling.
 */
async function loudnorm(file: string): Promise<{ integratedLufs: number; dynamicLufs: number; truePeakDb: number }> {
  const { file: ffmpeg, env } = ffmpegTool("ffmpeg");
  const analyse = async (filter: string) => {
    const { stderr } = await run(ffmpeg, ["-hide_banner", "-nostats", "-i", file, "-vn", "-af", filter, "-f", "null", "-"], { env });
    const json = JSON.parse(stderr.slice(stderr.lastIndexOf("{"), stderr.lastIndexOf("}") + 1)) as { input_i: string; input_tp: string; normalization_type: string };
    return json;
  };
  const linear = await analyse("loudnorm=linear=true:I=-16:TP=0:measured_I=-16:measured_TP=-10:measured_LRA=1:measured_thresh=-30:print_format=json");
  expect(linear.normalization_type).toBe("linear");
  const dynamic = await analyse("loudnorm=print_format=json");
  return { integratedLufs: Number(linear.input_i), dynamicLufs: Number(dynamic.input_i), truePeakDb: Number(dynamic.input_tp) };
}

function tone(hz: number, amplitude: number, seconds: number, rate: number, phase = 0): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  // 50 ms raised-cosine ends: an abrupt start rings, in our meter and in ffmpeg's alike.
  const ramp = 0.05 * rate;
  for (let i = 0; i < out.length; i += 1) {
    const edge = Math.min(1, i / ramp, (out.length - 1 - i) / ramp);
    out[i] = amplitude * (0.5 - 0.5 * Math.cos(Math.PI * edge)) * Math.sin((2 * Math.PI * hz * i) / rate + phase);
  }
  return out;
}

function noise(amplitude: number, seconds: number, rate: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: Math.round(seconds * rate) }, () => amplitude * (2 * random() - 1));
}

let dir: string;
let voiceFile: string;

beforeAll(async () => {
  dir = await makeTempDir("audio-loudness");
  voiceFile = path.join(dir, "voice.wav");
  await run("espeak-ng", ["-v", "en", "-w", voiceFile, "Loudness is measured in blocks of four hundred milliseconds. Quiet gaps between sentences do not count."]).catch((cause: unknown) => {
    throw new Error("espeak-ng is not on PATH: install it with `sudo apt-get install espeak-ng`", { cause });
  });
});
afterAll(removeTempDirs);

describe("measureLoudness against ffmpeg's loudnorm analysis", () => {
  const cases: [string, () => Promise<{ audio: PcmAudio; encoding: "pcm16" | "float32" }>][] = [
    ["a 440 Hz sine, stereo, 48 kHz", async () => ({ audio: { sampleRate: 48000, channels: [tone(440, 0.3, 8, 48000), tone(440, 0.3, 8, 48000)] }, encoding: "float32" })],
    ["white noise, stereo, 44.1 kHz", async () => ({ audio: { sampleRate: 44100, channels: [noise(0.25, 8, 44100, 1), noise(0.25, 8, 44100, 2)] }, encoding: "float32" })],
    ["an espeak-ng voice, mono, 22.05 kHz", async () => ({ audio: decodeWav(await readFile(voiceFile)), encoding: "pcm16" })],
    [
      "silence, speech, silence, mono, 22.05 kHz",
      async () => {
        const voice = decodeWav(await readFile(voiceFile));
        const gap = 4 * voice.sampleRate;
        const samples = new Float32Array(gap * 2 + voice.channels[0]!.length);
        samples.set(voice.channels[0]!, gap);
        return { audio: { sampleRate: voice.sampleRate, channels: [samples] }, encoding: "pcm16" };
      },
    ],
    [
      "speech resampled to 48 kHz stereo",
      async () => {
        const voice = resample(decodeWav(await readFile(voiceFile)), 48000);
        return { audio: { sampleRate: 48000, channels: [voice.channels[0]!, voice.channels[0]!.map((v) => v * 0.5)] }, encoding: "float32" };
      },
    ],
  ];

  it.each(cases)("agrees within 0.3 LU and 0.3 dB on %s", async (name, make) => {
    const { audio, encoding } = await make();
    const file = path.join(dir, `${name.replace(/\W+/g, "-")}.wav`);
    await writeFile(file, encodeWav(audio, encoding));
    // Measure what the file holds (16-bit rounding included), as ffmpeg does.
    const ours = measureLoudness(decodeWav(await readFile(file)));
    const theirs = await loudnorm(file);
    expect(Math.abs(ours.integratedLufs - theirs.integratedLufs)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(ours.truePeakDb - theirs.truePeakDb)).toBeLessThanOrEqual(0.3);
  }, 30_000);
});

describe("measureLoudness", () => {
  it("derives the K-weighting biquads that BS.1770-4 lists for 48 kHz", () => {
    const [shelf, highPass] = kWeightingFilters(48000);
    const published = { b0: 1.53512485958697, b1: -2.69169618940638, b2: 1.19839281085285, a1: -1.69065929318241, a2: 0.73248077421585 };
    for (const key of Object.keys(published) as (keyof typeof published)[]) expect(shelf[key]).toBeCloseTo(published[key], 6);
    expect(highPass).toMatchObject({ b0: 1, b1: -2, b2: 1 });
    expect(highPass.a1).toBeCloseTo(-1.99004745483398, 6);
    expect(highPass.a2).toBeCloseTo(0.99007225036621, 6);
  });

  it("reads a −20 dBFS 997 Hz sine in both channels as −20 LUFS at 48, 44.1 and 22.05 kHz", () => {
    for (const rate of [48000, 44100, 22050]) {
      const sine = tone(997, 0.1, 10, rate);
      expect(integratedLoudness({ sampleRate: rate, channels: [sine, sine] })).toBeCloseTo(-20, 1);
    }
  });

  it("reports digital silence as −Infinity, not NaN", () => {
    const silence = new Float32Array(48000 * 5);
    expect(measureLoudness({ sampleRate: 48000, channels: [silence, silence] })).toEqual({ integratedLufs: -Infinity, truePeakDb: -Infinity });
  });

  it("leaves silence out through the absolute gate", () => {
    const rate = 48000;
    const sine = tone(997, 0.1, 20, rate);
    const padded = new Float32Array(sine.length + 20 * rate);
    padded.set(sine, 10 * rate);
    // Ungated, twice the length would read 3 LU lower; only the blocks straddling the edges count a little.
    const difference = integratedLoudness({ sampleRate: rate, channels: [padded] }) - integratedLoudness({ sampleRate: rate, channels: [sine] });
    expect(Math.abs(difference)).toBeLessThan(0.1);
  });

  it("leaves passages 20 LU under the rest out through the relative gate", () => {
    const rate = 48000;
    const loud = tone(997, 0.1, 10, rate);
    const quiet = tone(997, 0.01, 10, rate);
    const both = new Float32Array(loud.length + quiet.length);
    both.set(loud);
    both.set(quiet, loud.length);
    // Ungated, the mean power of the two would read 2.96 LU below the loud half.
    const difference = integratedLoudness({ sampleRate: rate, channels: [both] }) - integratedLoudness({ sampleRate: rate, channels: [loud] });
    expect(Math.abs(difference)).toBeLessThan(0.15);
  });

  it("finds the inter-sample peak of a quarter-sample-rate sine whose samples miss its crests", () => {
    const rate = 48000;
    // Samples fall at 45° from the crests: the sample peak is 3 dB under the true peak.
    const sine = tone(12000, 0.5, 2, rate, Math.PI / 4);
    let samplePeak = 0;
    for (const v of sine) samplePeak = Math.max(samplePeak, Math.abs(v));
    expect(20 * Math.log10(samplePeak)).toBeCloseTo(-9.03, 1);
    expect(measureLoudness({ sampleRate: rate, channels: [sine] }).truePeakDb).toBeCloseTo(-6.02, 1);
  });
});
