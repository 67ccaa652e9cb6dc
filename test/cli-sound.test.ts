import { readFile, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeWav } from "../src/audio/wav.js";
import { StoryboardSchema } from "../src/schema/index.js";
import { cli } from "./helpers/run-cli.js";
import { startServer, type TestServer } from "./helpers/serve.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const ARTICLE = `# Night trains return

The old night train to the coast runs again from Monday. Tickets went on sale this morning and sold out by noon.

## Cabins

Each carriage has twelve cabins with real beds. Breakfast is served before the train reaches the sea.
`;

let work: string;
let speech: TestServer;
const requests: { voice: string; input: string }[] = [];
let failing = false;

/** OpenAI's speech endpoint: 180 ms of 220 Hz tone per word, as a 24 kHz WAV. */
async function speak(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { voice: string; input: string };
  requests.push(body);
  if (failing) {
    res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: "The server had an error", type: "server_error", param: null, code: null } }));
    return;
  }
  const words = body.input.split(/\s+/).filter(Boolean).length;
  const samples = new Float32Array(Math.round(0.24 * words * 24_000));
  for (let i = 0; i < samples.length; i += 1) samples[i] = i % 5760 < 4320 ? 0.3 * Math.sin((2 * Math.PI * 220 * i) / 24_000) : 0;
  const wav = encodeWav({ sampleRate: 24_000, channels: [samples] });
  res.writeHead(200, { "content-type": "audio/wav", "content-length": wav.length });
  res.end(wav);
}

beforeAll(async () => {
  work = await makeTempDir("cli-sound");
  await writeFile(path.join(work, "trains.md"), ARTICLE);
  speech = await startServer({ "/v1/audio/speech": speak });
});

afterAll(async () => {
  await speech?.close();
  await removeTempDirs();
});

async function planned(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = path.join(work, `plan-${requests.length}-${Date.now()}.json`);
  const run = await cli(["plan", "trains.md", "-o", out, "--json", "--cache-dir", await makeTempDir("cli-sound-cache"), ...args], work, env);
  if (run.code !== 0) throw new Error(run.stderr);
  return { json: JSON.parse(run.stdout) as { warnings: string[] }, board: StoryboardSchema.parse(JSON.parse(await readFile(out, "utf8"))) };
}

describe("plan with a voice", () => {
  it("speaks every scene with an OpenAI-compatible server and times the scenes by the audio", async () => {
    requests.length = 0;
    const { board } = await planned(["--voice", "openai", "--voice-name", "nova", "--voice-base-url", speech.url("/v1")]);
    expect(board.audio.voice).toEqual({ engine: "openai", name: "nova", model: "gpt-4o-mini-tts", speed: 1, baseUrl: speech.url("/v1") });
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.voice === "nova")).toBe(true);
    for (const scene of board.scenes) {
      const voice = scene.voice!;
      expect(voice.words.length).toBeGreaterThan(0);
      expect(voice.offsetMs + voice.durationMs).toBeLessThanOrEqual((scene.durationInFrames / board.output.fps) * 1000);
    }
  });

  it("falls back to no voice with a warning when the speech server keeps failing", async () => {
    failing = true;
    try {
      const dir = await makeTempDir("cli-sound-config");
      await writeFile(path.join(dir, "trains.md"), ARTICLE);
      await writeFile(path.join(dir, "reelpress.config.json"), JSON.stringify({ voice: { maxRetries: 0 } }));
      const run = await cli(["plan", "trains.md", "--json", "--voice", "openai", "--voice-base-url", speech.url("/v1"), "--cache-dir", path.join(dir, "cache")], dir, {});
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout) as { warnings: string[]; files: { storyboard: string } };
      const board = StoryboardSchema.parse(JSON.parse(await readFile(json.files.storyboard, "utf8")));
      expect(board.audio.voice.engine).toBe("none");
      expect(board.scenes.every((s) => s.voice === null)).toBe(true);
      expect(json.warnings.join("\n")).toMatch(/voice/i);
    } finally {
      failing = false;
    }
  });

  it("records caption style, burn-in and music choices in the storyboard", async () => {
    const { board } = await planned(["--voice", "none", "--caption-style", "highlight", "--burn-captions", "false", "--music", "none"]);
    expect(board.captions).toEqual({ style: "highlight", burn: false });
    expect(board.audio.music.source).toBe("none");
    expect(board.scenes.every((s) => s.voice === null)).toBe(true);
    const auto = await planned(["--voice", "none"]);
    expect(auto.board.audio.music).toMatchObject({ source: "auto", file: null });
    expect(auto.board.captions).toEqual({ style: "subtitles", burn: true });
    const vertical = await planned(["--voice", "none", "--aspect", "9:16", "--music", "auto:calm"]);
    // The caption style comes from the template (clean: subtitles at every aspect; social: highlight).
    expect(vertical.board.captions.style).toBe("subtitles");
    expect(vertical.board.audio.music).toMatchObject({ source: "auto", mood: "calm" });
  });

  it("refuses a missing music file and a bad switch before doing any work", async () => {
    const music = await cli(["plan", "trains.md", "--music", "no-such-song.mp3"], work, {});
    expect(music.code).toBe(2);
    expect(music.stderr).toMatch(/^error: --music: no audio file at .*no-such-song\.mp3/);
    const burn = await cli(["plan", "trains.md", "--burn-captions", "maybe"], work, {});
    expect(burn.code).toBe(2);
    expect(burn.stderr).toMatch(/must be true or false/);
    const voice = await cli(["plan", "trains.md", "--voice", "robot"], work, {});
    expect(voice.code).toBe(2);
    const mood = await cli(["plan", "trains.md", "--music", "auto:sleepy"], work, {});
    expect(mood.code).toBe(2);
    expect(mood.stderr).toMatch(/the mood must be one of/);
  });
});
