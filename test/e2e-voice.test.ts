import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoryboardSchema, storyboardDurationInFrames, type Storyboard } from "../src/schema/index.js";
import { FFMPEG, parseSrt, probe } from "./helpers/media-probe.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, "..");
const BIN = path.join(repo, "bin/reelpress.js");
const ffmpegEnv = { ...process.env, LD_LIBRARY_PATH: path.dirname(FFMPEG) };
let work: string;

const ARTICLE = `# Night trains return to the valley

The old night train to the coast runs again from Monday. Tickets went on sale this morning.

## A slower way to travel

Each carriage has twelve cabins with real beds. Breakfast is served before the train reaches the sea.

## What comes next

The operator plans a second route next year. It will stop in four mountain towns.
`;

/** ffmpeg's stderr for an audio filter run over the file's soundtrack. */
async function audioFilter(file: string, filter: string): Promise<string> {
  const { stderr } = await run(FFMPEG, ["-hide_banner", "-nostats", "-i", file, "-vn", "-af", filter, "-f", "null", "-"], { env: ffmpegEnv, maxBuffer: 8 << 20 });
  return stderr;
}

/** Where speech starts again after a pause, in ms. */
async function speechOnsets(file: string): Promise<number[]> {
  const log = await audioFilter(file, "silencedetect=n=-45dB:d=0.2");
  return [...log.matchAll(/silence_end: ([\d.]+)/g)].map((m) => Number(m[1]) * 1000);
}

beforeAll(async () => {
  work = await makeTempDir("e2e-voice");
  await writeFile(path.join(work, "trains.md"), ARTICLE);
}, 10_000);

afterAll(removeTempDirs);

describe("reelpress make with an espeak-ng voice", () => {
  let result: { files: Record<string, string>; voice: { engine: string }; loudness: { integratedLufs: number; truePeakDb: number } };
  let board: Storyboard;

  beforeAll(async () => {
    const { stdout } = await run(process.execPath, [BIN, "make", "trains.md", "-o", "trains.mp4", "--aspect", "1:1", "--voice", "espeak", "--music", "none", "--json", "--cache-dir", path.join(work, "cache")], { cwd: work, maxBuffer: 16 << 20 });
    result = JSON.parse(stdout);
    board = StoryboardSchema.parse(JSON.parse(await readFile(result.files.storyboard!, "utf8")));
  }, 600_000);

  it("has an AAC soundtrack as long as the video, every scene voiced", async () => {
    expect(result.voice.engine).toBe("espeak");
    const info = await probe(result.files.video!);
    const audio = info.streams.find((s) => s.codec_type === "audio");
    expect(audio?.codec_name).toBe("aac");
    const seconds = storyboardDurationInFrames(board) / board.output.fps;
    expect(Math.abs(Number(info.format.duration) - seconds)).toBeLessThan(0.05);
    expect(board.scenes.every((scene) => scene.voice !== null)).toBe(true);
  });

  it("starts each scene's voice at its scene, and times scenes by their audio", async () => {
    const onsets = await speechOnsets(result.files.video!);
    const fps = board.output.fps;
    for (const scene of board.scenes) {
      const voice = scene.voice!;
      const sceneStart = (scene.startFrame / fps) * 1000;
      const spoken = sceneStart + voice.offsetMs + voice.sentences[0]!.startMs;
      const nearest = Math.min(...onsets.map((t) => Math.abs(t - spoken)));
      expect(nearest, `scene ${scene.id} voice start`).toBeLessThan(150);
      // The voice ends inside its scene.
      expect(voice.offsetMs + voice.durationMs).toBeLessThanOrEqual((scene.durationInFrames / fps) * 1000);
    }
  });

  it("starts a caption with every sentence, within 150 ms of the voice", async () => {
    const cues = parseSrt(await readFile(result.files.srt!, "utf8"));
    const onsets = await speechOnsets(result.files.video!);
    const sentenceCues = cues.filter((cue, i) => i === 0 || /[.!?]["')\]]*$/.test(cues[i - 1]!.text.trim()));
    expect(sentenceCues.length).toBeGreaterThanOrEqual(board.scenes.length);
    for (const cue of sentenceCues) {
      const nearest = Math.min(...onsets.map((t) => Math.abs(t - cue.startMs)));
      expect(nearest, `cue "${cue.text}" at ${cue.startMs} ms`).toBeLessThan(150);
    }
  });

  it("is mixed to -16 LUFS integrated with true peak at most -1 dBTP", async () => {
    const log = await audioFilter(result.files.video!, "loudnorm=print_format=json");
    const measured = JSON.parse(log.slice(log.lastIndexOf("{"), log.lastIndexOf("}") + 1)) as { input_i: string; input_tp: string };
    expect(Math.abs(Number(measured.input_i) + 16)).toBeLessThanOrEqual(1);
    expect(Number(measured.input_tp)).toBeLessThanOrEqual(-1);
    expect(result.loudness.integratedLufs).toBeCloseTo(Number(measured.input_i), 0);
  });
});
