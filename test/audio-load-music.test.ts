import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMusic } from "../src/audio/load-music.js";
import { encodeWav } from "../src/audio/wav.js";
import { ffmpegTool } from "../src/media/ffmpeg-bin.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "..");
const SOURCE_RATE = 44100;

let dir: string;
let source: string;

async function encode(name: string, args: string[]): Promise<string> {
  const { file, env } = ffmpegTool("ffmpeg");
  const out = path.join(dir, name);
  await run(file, ["-v", "error", "-y", "-i", source, ...args, out], { env });
  return out;
}

/** Zero crossings per second of a channel over its middle second: twice the frequency of a tone. */
function crossingsPerSecond(samples: Float32Array, rate: number): number {
  const from = Math.round(samples.length / 2 - rate / 2);
  let count = 0;
  for (let i = from + 1; i < from + rate; i += 1) if (samples[i - 1]! < 0 !== samples[i]! < 0) count += 1;
  return count;
}

beforeAll(async () => {
  dir = await makeTempDir("audio-load-music");
  source = path.join(dir, "source.wav");
  // 3 s: 440 Hz on the left, 660 Hz on the right, so a swapped or summed pair shows.
  const tone = (hz: number) => Float32Array.from({ length: 3 * SOURCE_RATE }, (_, i) => 0.3 * Math.sin((2 * Math.PI * hz * i) / SOURCE_RATE));
  await writeFile(source, encodeWav({ sampleRate: SOURCE_RATE, channels: [tone(440), tone(660)] }));
});
afterAll(removeTempDirs);

describe("loadMusic", () => {
  it.each([
    ["WAV", "music.wav", ["-c:a", "pcm_s16le"]],
    ["MP3", "music.mp3", ["-c:a", "libmp3lame", "-b:a", "192k"]],
    ["M4A (AAC)", "music.m4a", ["-c:a", "aac", "-b:a", "192k", "-f", "mp4"]],
    ["Ogg (Opus)", "music.ogg", ["-c:a", "libopus", "-b:a", "128k"]],
  ])("decodes %s to stereo float at the rate asked", async (_, name, args) => {
    const file = await encode(name, args);
    const audio = await loadMusic(file, { sampleRate: 48000 });
    expect(audio.sampleRate).toBe(48000);
    expect(audio.channels).toHaveLength(2);
    // Lossy formats pad or trim a few milliseconds.
    expect(Math.abs(audio.channels[0]!.length / 48000 - 3)).toBeLessThan(0.06);
    expect(crossingsPerSecond(audio.channels[0]!, 48000)).toBeCloseTo(880, -1);
    expect(crossingsPerSecond(audio.channels[1]!, 48000)).toBeCloseTo(1320, -1);
    // Away from the ends, where the tone starts and stops abruptly and lossy codecs ring.
    let peak = 0;
    for (const v of audio.channels[0]!.subarray(9600, -9600)) peak = Math.max(peak, Math.abs(v));
    expect(peak).toBeGreaterThan(0.27);
    expect(peak).toBeLessThan(0.33);
  });

  it("makes a mono file stereo and stops at maxSeconds", async () => {
    const mono = await encode("mono.wav", ["-ac", "1", "-ar", "22050", "-c:a", "pcm_s16le"]);
    const audio = await loadMusic(mono, { sampleRate: 48000, maxSeconds: 1 });
    expect(audio.channels).toHaveLength(2);
    expect(audio.channels[0]!.length).toBe(48000);
    expect(audio.channels[1]![1000]).toBe(audio.channels[0]![1000]);
  });

  it("throws E_MEDIA naming the file when it is not audio", async () => {
    const text = path.join(dir, "notes.mp3");
    await writeFile(text, "this is not an mp3\n".repeat(100));
    await expect(loadMusic(text, { sampleRate: 48000 })).rejects.toMatchObject({ code: "E_MEDIA", message: expect.stringContaining(text) });
  });

  it("throws E_MEDIA when the file holds a picture but no sound", async () => {
    const picture = path.resolve(repoRoot, "../shared/medialib/images/coco_train2017_000000000790.jpg");
    await expect(loadMusic(picture, { sampleRate: 48000 })).rejects.toMatchObject({ code: "E_MEDIA", message: expect.stringContaining("no audio stream") });
  });

  it("throws E_FILE_NOT_FOUND for a file that is not there", async () => {
    await expect(loadMusic(path.join(dir, "missing.mp3"), { sampleRate: 48000 })).rejects.toMatchObject({ code: "E_FILE_NOT_FOUND" });
  });

  it("stops when cancelled", async () => {
    const file = await encode("cancel.wav", ["-c:a", "pcm_s16le"]);
    await expect(loadMusic(file, { sampleRate: 48000, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
  });
});
