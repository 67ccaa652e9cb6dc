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

  it("starts a caption with every spoken sentence, within 150 ms of the voice heard in the audio", async () => {
    const cues = parseSrt(await readFile(result.files.srt!, "utf8"));
    const onsets = await speechOnsets(result.files.video!);
    const fps = board.output.fps;
    const sentences = board.scenes.flatMap((scene) => scene.voice!.sentences.map((s) => (scene.startFrame / fps) * 1000 + scene.voice!.offsetMs + s.startMs));
    expect(sentences.length).toBeGreaterThanOrEqual(6);
    for (const start of sentences) {
      // Heard: speech resumes there after a pause …
      expect(Math.min(...onsets.map((t) => Math.abs(t - start))), `sentence at ${start} ms in the audio`).toBeLessThan(150);
      // … and shown: a caption starts with it.
      expect(Math.min(...cues.map((c) => Math.abs(c.startMs - start))), `sentence at ${start} ms in the captions`).toBeLessThan(150);
    }
  });

  it("is mixed to -16 LUFS integrated with true peak at most -1 dBTP", async () => {
    const log = await audioFilter(result.files.video!, "loudnorm=print_format=json");
    const measured = JSON.parse(log.slice(log.lastIndexOf("{"), log.lastIndexOf("}") + 1)) as { input_i: string; input_tp: string };
    expect(Math.abs(Number(measured.input_i) + 16)).toBeLessThanOrEqual(1);
    expect(Number(measured.input_tp)).toBeLessThanOrEqual(-1);
    expect(result.loudness.integratedLufs).toBeCloseTo(Number(measured.input_i), 0);
  });

  it("records an edited narration again at render, with a music bed mixed under the voices", async () => {
    const edited = structuredClone(board);
    const target = edited.scenes.findIndex((s) => s.kind === "content");
    edited.scenes[target]!.narration = "Sleeper cabins are back. Each one has a window seat.";
    edited.audio.music = { source: "auto", file: null, mood: "calm" };
    await writeFile(path.join(work, "edited.json"), JSON.stringify(edited, null, 2));
    const { stdout } = await run(process.execPath, [BIN, "render", "edited.json", "-o", "edited.mp4", "--json", "--cache-dir", path.join(work, "cache")], { cwd: work, maxBuffer: 16 << 20 });
    const out = JSON.parse(stdout) as { files: Record<string, string>; warnings: string[] };
    expect(out.warnings.join("\n")).toContain(`recorded the voice of ${edited.scenes[target]!.id} again`);
    const rendered = StoryboardSchema.parse(JSON.parse(await readFile(out.files.storyboard!, "utf8")));
    const scene = rendered.scenes[target]!;
    expect(scene.voice!.text).toBe("Sleeper cabins are back. Each one has a window seat.");
    expect(scene.voice!.offsetMs + scene.voice!.durationMs).toBeLessThanOrEqual((scene.durationInFrames / rendered.output.fps) * 1000);
    expect(parseSrt(await readFile(out.files.srt!, "utf8")).map((c) => c.text).join(" ")).toContain("Sleeper cabins are back.");
    const log = await audioFilter(out.files.video!, "loudnorm=print_format=json");
    const measured = JSON.parse(log.slice(log.lastIndexOf("{"), log.lastIndexOf("}") + 1)) as { input_i: string; input_tp: string };
    expect(Math.abs(Number(measured.input_i) + 16)).toBeLessThanOrEqual(1);
    expect(Number(measured.input_tp)).toBeLessThanOrEqual(-1);
  }, 600_000);
});
