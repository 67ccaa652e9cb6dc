import { execFile } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mixSoundtrack, type SoundtrackPlan, type Soundtrack } from "../src/audio/mix-soundtrack.js";
import { muxSoundtrack } from "../src/audio/mux-soundtrack.js";
import { seededRandom } from "../src/audio/seeded-random.js";
import { decodeWav, encodeWav } from "../src/audio/wav.js";
import { ffmpegTool } from "../src/media/ffmpeg-bin.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "..");
const RATE = 48000;
const VOICE_A_MS = 1000;
const VOICE_B_MS = 12000;

let dir: string;
let voiceA: string;
let voiceB: string;
let voiceASeconds: number;
let voiceBSeconds: number;
let video20: string;
let video5: string;
let mixed: Soundtrack;
let mixedWav: string;
let muxed: string;

async function ffmpeg(args: string[]): Promise<string> {
  const { file, env } = ffmpegTool("ffmpeg");
  return (await run(file, ["-hide_banner", "-nostdin", ...args], { env, maxBuffer: 64 * 1024 * 1024 })).stderr;
}

async function ffprobe(args: string[]): Promise<string> {
  const { file, env } = ffmpegTool("ffprobe");
  return (await run(file, ["-v", "error", ...args], { env, maxBuffer: 64 * 1024 * 1024 })).stdout;
}

/** A still-picture H.264 video made with ffmpeg, with no audio. */
async function makeVideo(name: string, seconds: number): Promise<string> {
  const out = path.join(dir, name);
  const picture = path.resolve(repoRoot, "../shared/medialib/images/coco_train2017_000000000790.jpg");
  await ffmpeg(["-v", "error", "-loop", "1", "-framerate", "30", "-i", picture, "-t", String(seconds), "-vf", "scale=320:240,format=yuv420p", "-c:v", "libx264", "-preset", "ultrafast", out]);
  return out;
}

async function speak(name: string, text: string): Promise<string> {
  const out = path.join(dir, name);
  await run("espeak-ng", ["-v", "en", "-w", out, text]).catch((cause: unknown) => {
    throw new Error("espeak-ng is not on PATH: install it with `sudo apt-get install espeak-ng`", { cause });
  });
  return out;
}

/**
 * ffmpeg's loudnorm analysis: integrated loudness from a linear-mode run (which meters each
 * sample once; dynamic mode meters its last 3 s twice) and from the default dynamic run, and the
 * true peak from the dynamic run (measured on a 192 kHz resampling).
 */
async function loudnorm(file: string): Promise<{ linearLufs: number; dynamicLufs: number; truePeakDb: number }> {
  const analyse = async (filter: string) => {
    const stderr = await ffmpeg(["-nostats", "-i", file, "-vn", "-af", filter, "-f", "null", "-"]);
    return JSON.parse(stderr.slice(stderr.lastIndexOf("{"), stderr.lastIndexOf("}") + 1)) as { input_i: string; input_tp: string };
  };
  const linear = await analyse("loudnorm=linear=true:I=-16:TP=0:measured_I=-16:measured_TP=-10:measured_LRA=1:measured_thresh=-30:print_format=json");
  const dynamic = await analyse("loudnorm=print_format=json");
  return { linearLufs: Number(linear.input_i), dynamicLufs: Number(dynamic.input_i), truePeakDb: Number(dynamic.input_tp) };
}

/** RMS of both channels over [from, to) seconds, in dBFS. */
function rmsDb(channels: Float32Array[], from: number, to: number): number {
  let power = 0;
  let count = 0;
  for (const channel of channels) {
    for (let i = Math.round(from * RATE); i < Math.round(to * RATE); i += 1) power += channel[i]! ** 2;
    count += Math.round(to * RATE) - Math.round(from * RATE);
  }
  return 10 * Math.log10(power / count);
}

function plan(overrides: Partial<SoundtrackPlan> = {}): SoundtrackPlan {
  return {
    durationMs: 20_000,
    voices: [
      { file: voiceA, startMs: VOICE_A_MS },
      { file: voiceB, startMs: VOICE_B_MS },
    ],
    music: { source: "auto", mood: "upbeat", seed: 4 },
    targetLufs: -16,
    truePeakDb: -1,
    ...overrides,
  };
}

beforeAll(async () => {
  dir = await makeTempDir("audio-soundtrack");
  voiceA = await speak("a.wav", "Reelpress turns an article into a short video. It writes a script and finds pictures for every scene.");
  voiceB = await speak("b.wav", "The music bed ducks under the voice, and the mix is normalised.");
  voiceASeconds = decodeWav(await readFile(voiceA)).channels[0]!.length / 22050;
  voiceBSeconds = decodeWav(await readFile(voiceB)).channels[0]!.length / 22050;
  // The gap between the two voices must be long enough for the bed to come back up.
  expect(VOICE_A_MS / 1000 + voiceASeconds).toBeLessThan(VOICE_B_MS / 1000 - 3);
  [video20, video5] = await Promise.all([makeVideo("video20.mp4", 20), makeVideo("video5.mp4", 5)]);
  mixed = await mixSoundtrack(plan(), { stems: true });
  mixedWav = path.join(dir, "mix.wav");
  await writeFile(mixedWav, encodeWav(mixed.audio));
  muxed = path.join(dir, "narrated.mp4");
  await muxSoundtrack(video20, mixedWav, muxed);
}, 120_000);
afterAll(removeTempDirs);

describe("mixSoundtrack", () => {
  it("mixes two espeak voices over an auto bed to −16 LUFS with its true peak 1.5 dB under the limit", () => {
    expect(mixed.audio.sampleRate).toBe(RATE);
    expect(mixed.audio.channels).toHaveLength(2);
    expect(mixed.audio.channels[0]!.length).toBe(20 * RATE);
    expect(mixed.integratedLufs).toBeGreaterThan(-16.2);
    expect(mixed.integratedLufs).toBeLessThan(-15.8);
    expect(mixed.truePeakDb).toBeLessThanOrEqual(-1.5 + 1e-6);
  });

  it("measures −16 ±1 LUFS and at most −1 dBTP in ffmpeg's loudnorm analysis once encoded to AAC in the MP4", async () => {
    const measured = await loudnorm(muxed);
    for (const lufs of [measured.linearLufs, measured.dynamicLufs]) {
      expect(lufs).toBeGreaterThanOrEqual(-17);
      expect(lufs).toBeLessThanOrEqual(-15);
    }
    expect(measured.truePeakDb).toBeLessThanOrEqual(-1);
  }, 30_000);

  it("ducks the bed at least 8 dB while a voice speaks, compared with the gap between voices", () => {
    const bed = mixed.stems!.bed.channels;
    const gap = rmsDb(bed, VOICE_A_MS / 1000 + voiceASeconds + 0.8, VOICE_B_MS / 1000 - 0.2);
    const underA = rmsDb(bed, VOICE_A_MS / 1000 + 0.5, VOICE_A_MS / 1000 + voiceASeconds - 0.5);
    const underB = rmsDb(bed, VOICE_B_MS / 1000 + 0.5, VOICE_B_MS / 1000 + voiceBSeconds - 0.5);
    expect(gap - underA).toBeGreaterThanOrEqual(8);
    expect(gap - underB).toBeGreaterThanOrEqual(8);
  });

  it("keeps the bed well under the voice: 15 dB or more below it while it speaks", () => {
    const { voice, bed } = mixed.stems!;
    const from = VOICE_A_MS / 1000 + 0.5;
    const to = VOICE_A_MS / 1000 + voiceASeconds - 0.5;
    expect(rmsDb(voice.channels, from, to) - rmsDb(bed.channels, from, to)).toBeGreaterThanOrEqual(15);
  });

  it("starts each voice where it is placed", async () => {
    /** Time of the first sample above 5 % of the loudest one in [from, to) seconds. */
    const onset = (samples: Float32Array, rate: number, from: number, to: number) => {
      const part = samples.subarray(Math.round(from * rate), Math.round(to * rate));
      let peak = 0;
      for (const v of part) peak = Math.max(peak, Math.abs(v));
      return from + part.findIndex((v) => Math.abs(v) > 0.05 * peak) / rate;
    };
    const voice = mixed.stems!.voice.channels[0]!;
    for (const [file, startMs, seconds] of [[voiceA, VOICE_A_MS, voiceASeconds], [voiceB, VOICE_B_MS, voiceBSeconds]] as const) {
      const inFile = onset(decodeWav(await readFile(file)).channels[0]!, 22050, 0, seconds);
      const inMix = onset(voice, RATE, startMs / 1000 - 0.5, startMs / 1000 + seconds);
      expect(Math.abs(inMix - startMs / 1000 - inFile)).toBeLessThan(0.005);
    }
  });

  it("fades the bed in and out: the first and last 100 ms are quiet", () => {
    const channels = mixed.audio.channels;
    expect(rmsDb(channels, 0, 0.1)).toBeLessThan(-50);
    expect(rmsDb(channels, 19.9, 20)).toBeLessThan(-50);
    expect(rmsDb(channels, 9.5, 11)).toBeGreaterThan(-35);
  });

  it("makes the same soundtrack from the same seed and another from a different seed", async () => {
    const again = await mixSoundtrack(plan());
    expect(Buffer.from(again.audio.channels[0]!.buffer).equals(Buffer.from(mixed.audio.channels[0]!.buffer))).toBe(true);
    const other = await mixSoundtrack(plan({ music: { source: "auto", mood: "upbeat", seed: 5 } }));
    expect(Buffer.from(other.audio.channels[0]!.buffer).equals(Buffer.from(mixed.audio.channels[0]!.buffer))).toBe(false);
  }, 30_000);

  it("mixes a voice with no music to the target", async () => {
    const result = await mixSoundtrack(plan({ music: { source: "none" } }), { stems: true });
    expect(result.integratedLufs).toBeCloseTo(-16, 0);
    expect(result.truePeakDb).toBeLessThanOrEqual(-1.5 + 1e-6);
    expect(result.stems!.bed.channels[0]!.every((v) => v === 0)).toBe(true);
  });

  it("mixes music with no voice to the target, faded at both ends", async () => {
    const result = await mixSoundtrack(plan({ voices: [], music: { source: "auto", mood: "calm", seed: 1 } }));
    expect(result.integratedLufs).toBeCloseTo(-16, 0);
    expect(result.truePeakDb).toBeLessThanOrEqual(-1.5 + 1e-6);
    expect(rmsDb(result.audio.channels, 0, 0.1)).toBeLessThan(-45);
    expect(rmsDb(result.audio.channels, 19.9, 20)).toBeLessThan(-45);
  });

  it("loops a short music file to the length of the video without gaps", async () => {
    const music = path.join(dir, "loop.mp3");
    const wav = path.join(dir, "loop.wav");
    // Steady noise, so any dip or bump at a loop point stands out (a real bed has its own swells).
    const random = seededRandom(2);
    const noise = () => Float32Array.from({ length: 4 * 44100 }, () => 0.1 * (2 * random() - 1));
    await writeFile(wav, encodeWav({ sampleRate: 44100, channels: [noise(), noise()] }));
    await ffmpeg(["-v", "error", "-i", wav, "-c:a", "libmp3lame", "-b:a", "192k", music]);
    const result = await mixSoundtrack(plan({ voices: [], music: { source: "file", file: music } }), { stems: true });
    const bed = result.stems!.bed.channels;
    const steady = rmsDb(bed, 2, 17);
    for (let t = 2; t < 17; t += 0.1) expect(Math.abs(rmsDb(bed, t, t + 0.1) - steady), `at ${t.toFixed(1)} s`).toBeLessThan(1.5);
    expect(result.integratedLufs).toBeCloseTo(-16, 0);
  }, 30_000);

  it("keeps total silence silent instead of raising it", async () => {
    const silent = path.join(dir, "silent.wav");
    await writeFile(silent, encodeWav({ sampleRate: 22050, channels: [new Float32Array(22050 * 2)] }));
    const result = await mixSoundtrack(plan({ voices: [{ file: silent, startMs: 500 }], music: { source: "none" } }));
    expect(result.integratedLufs).toBe(-Infinity);
    expect(result.truePeakDb).toBe(-Infinity);
    expect(result.audio.channels.every((c) => c.every((v) => v === 0))).toBe(true);
  });

  it("throws E_MEDIA for a music file that does not decode", async () => {
    const bad = path.join(dir, "bad.mp3");
    await writeFile(bad, "not music at all\n".repeat(50));
    await expect(mixSoundtrack(plan({ music: { source: "file", file: bad } }))).rejects.toMatchObject({ code: "E_MEDIA" });
  });

  it("rejects a plan with no length", async () => {
    await expect(mixSoundtrack(plan({ durationMs: 0 }))).rejects.toMatchObject({ code: "E_INVALID_INPUT", message: '"durationMs" must be a positive number, but is 0' });
  });
});

describe("muxSoundtrack", () => {
  /** Per video packet: pts, size and an MD5 of its bytes. */
  async function videoPackets(file: string): Promise<string> {
    return ffprobe(["-select_streams", "v:0", "-show_packets", "-show_data_hash", "md5", "-show_entries", "packet=pts,size,data_hash", "-of", "csv", file]);
  }

  async function streams(file: string): Promise<{ codec_type: string; codec_name: string; duration: string; sample_rate?: string; channels?: number }[]> {
    return (JSON.parse(await ffprobe(["-show_streams", "-of", "json", file])) as { streams: { codec_type: string; codec_name: string; duration: string }[] }).streams;
  }

  it("adds an AAC track as long as the video (±1 frame) and copies the video stream bit for bit", async () => {
    const [video, audio] = await streams(muxed);
    expect(video).toMatchObject({ codec_type: "video", codec_name: "h264" });
    expect(audio).toMatchObject({ codec_type: "audio", codec_name: "aac", sample_rate: "48000", channels: 2 });
    expect(Math.abs(Number(audio!.duration) - Number(video!.duration))).toBeLessThanOrEqual(1 / 30);
    const [before, after] = await Promise.all([videoPackets(video20), videoPackets(muxed)]);
    expect(after.split("\n").length).toBeGreaterThan(500);
    expect(after).toBe(before);
  }, 30_000);

  it.each([
    ["pads a soundtrack shorter than the video", 3],
    ["cuts a soundtrack longer than the video", 8],
  ])("%s to the video's length", async (_, seconds) => {
    const wav = path.join(dir, `tone-${seconds}.wav`);
    const tone = Float32Array.from({ length: seconds * RATE }, (__, i) => 0.2 * Math.sin((2 * Math.PI * 440 * i) / RATE));
    await writeFile(wav, encodeWav({ sampleRate: RATE, channels: [tone, tone] }));
    const out = path.join(dir, `video5-${seconds}.mp4`);
    await muxSoundtrack(video5, wav, out);
    const [video, audio] = await streams(out);
    expect(Math.abs(Number(audio!.duration) - Number(video!.duration))).toBeLessThanOrEqual(1 / 30);
    expect(Number(video!.duration)).toBeCloseTo(5, 1);
  }, 30_000);

  it("puts the MP4 index before the media data, for streaming", async () => {
    const bytes = await readFile(muxed);
    expect(bytes.indexOf("moov")).toBeGreaterThan(0);
    expect(bytes.indexOf("moov")).toBeLessThan(bytes.indexOf("mdat"));
  });

  it("throws E_MEDIA and leaves no file behind when the soundtrack is not audio", async () => {
    const bad = path.join(dir, "bad-track.wav");
    await writeFile(bad, "RIFF but not really\n".repeat(20));
    const out = path.join(dir, "never.mp4");
    await expect(muxSoundtrack(video5, bad, out)).rejects.toMatchObject({ code: "E_MEDIA" });
    expect((await readdir(dir)).filter((name) => name.includes("never"))).toEqual([]);
  }, 30_000);
});
