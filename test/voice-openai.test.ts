import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { decodeWav, durationMs, encodeWav } from "../src/audio/wav.js";
import { runFfmpegTool } from "../src/media/ffmpeg-bin.js";
import { DEFAULT_VOICE_SETTINGS, speakScenes, type VoiceSettings } from "../src/voice/index.js";
import { startServer, type TestServer } from "./helpers/serve.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const API_KEY = "sk-test-SPEECH-5e6f7a8b9c0d";
const RATE = 24_000;

const SCENES = [
  { id: "s1", narration: "Footage matches each scene. Captions follow the voice, word by word, in sync." },
  { id: "s2", narration: "Music sits underneath everything." },
];

interface SpeechBody {
  model: string;
  voice: string;
  input: string;
  response_format?: string;
  speed?: number;
}

/**
 * The audio a speech server makes here: 120 ms of silence, then per word a 220 Hz tone of 45 ms
 * per letter with 30 ms between words (250 ms after a comma), then 300 ms of silence. Also
 * returns where each word's tone starts, in ms.
 */
function toneSpeech(input: string): { samples: Float32Array; wordStarts: number[] } {
  const pieces: number[] = [120];
  const wordStarts: number[] = [];
  let at = 120;
  input.split(/\s+/).filter(Boolean).forEach((word, i, words) => {
    const tone = Math.max(80, 45 * word.replace(/[^\p{L}\p{N}]/gu, "").length);
    const gap = i === words.length - 1 ? 300 : /,$/.test(word) ? 250 : 30;
    wordStarts.push(at);
    pieces.push(tone, gap);
    at += tone + gap;
  });
  const samples = new Float32Array(Math.round((at / 1000) * RATE));
  let ms = 0;
  pieces.forEach((length, k) => {
    if (k % 2 === 1) {
      const from = Math.round((ms / 1000) * RATE);
      const to = Math.round(((ms + length) / 1000) * RATE);
      for (let i = from; i < to; i += 1) samples[i] = 0.4 * Math.sin((2 * Math.PI * 220 * i) / RATE);
    }
    ms += length;
  });
  return { samples, wordStarts };
}

/** The same audio encoded as a server that ignores response_format sends it. */
async function encodedSpeech(samples: Float32Array, format: "mp3" | "opus"): Promise<Buffer> {
  const dir = await makeTempDir("speech-encode");
  const wav = path.join(dir, "in.wav");
  const out = path.join(dir, `out.${format === "mp3" ? "mp3" : "ogg"}`);
  await writeFile(wav, encodeWav({ sampleRate: RATE, channels: [samples] }));
  const codec = format === "mp3" ? ["-c:a", "libmp3lame", "-b:a", "64k"] : ["-c:a", "libopus", "-b:a", "48k"];
  await runFfmpegTool("ffmpeg", ["-hide_banner", "-v", "error", "-y", "-i", wav, ...codec, out]);
  return readFile(out);
}

type Answer = "wav" | "pcm" | "mp3" | "opus" | { status: number; headers?: Record<string, string>; body: unknown; type?: string };

interface SpeechServer {
  server: TestServer;
  bodies: SpeechBody[];
  auth: string[];
}

/** POST /v1/audio/speech as OpenAI answers it: the audio bytes, or an error object; `answer(n)` picks for the n-th request. */
async function speechServer(answer: (n: number, body: SpeechBody) => Answer = () => "wav"): Promise<SpeechServer> {
  const bodies: SpeechBody[] = [];
  const auth: string[] = [];
  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as SpeechBody;
    bodies.push(body);
    auth.push(String(req.headers.authorization ?? ""));
    const reply = answer(bodies.length - 1, body);
    if (reply === "mp3" || reply === "opus") {
      const bytes = await encodedSpeech(toneSpeech(body.input).samples, reply);
      res.writeHead(200, { "content-type": reply === "mp3" ? "audio/mpeg" : "audio/ogg", "content-length": bytes.length });
      res.end(bytes);
      return;
    }
    if (reply === "wav" || reply === "pcm") {
      const { samples } = toneSpeech(body.input);
      const wav = encodeWav({ sampleRate: RATE, channels: [samples] });
      const bytes = reply === "wav" ? wav : wav.subarray(44);
      res.writeHead(200, { "content-type": reply === "wav" ? "audio/wav" : "audio/pcm", "content-length": bytes.length });
      res.end(bytes);
      return;
    }
    const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, { "content-type": reply.type ?? "application/json", ...reply.headers });
    res.end(text);
  };
  return { server: await startServer({ "/v1/audio/speech": handler }), bodies, auth };
}

function apiError(status: number, message: string, type: string, headers: Record<string, string> = {}): Answer {
  return { status, headers, body: { error: { message, type, param: null, code: null } } };
}

let api: SpeechServer | null = null;

afterEach(async () => {
  await api?.server.close();
  api = null;
});

afterAll(removeTempDirs);

function settings(server: TestServer, extra: Partial<VoiceSettings> = {}): VoiceSettings {
  return { ...DEFAULT_VOICE_SETTINGS, engine: "openai", apiKey: API_KEY, baseURL: server.url("/v1"), timeoutMs: 5000, maxRetries: 2, ...extra };
}

describe("speakScenes with the OpenAI speech API", () => {
  it("asks for each sentence as WAV with the default model and voice, and times the words", async () => {
    api = await speechServer();
    const warnings: string[] = [];
    const cacheDir = await makeTempDir("voice-openai");
    const result = await speakScenes(SCENES, "en", settings(api.server), { cacheDir, onWarning: (m) => warnings.push(m) });
    expect(result.engine).toBe("openai");
    expect(result.fallback).toBeNull();
    expect(warnings).toEqual([]);
    expect(api.bodies.map((b) => b.input).sort()).toEqual(
      ["Footage matches each scene.", "Captions follow the voice, word by word, in sync.", "Music sits underneath everything."].sort(),
    );
    for (const body of api.bodies) expect(body).toMatchObject({ model: "gpt-4o-mini-tts", voice: "alloy", response_format: "wav", speed: 1 });
    expect(api.auth.every((header) => header === `Bearer ${API_KEY}`)).toBe(true);

    const voice = result.voices[0]!;
    const audio = decodeWav(await readFile(voice.file));
    expect(audio.sampleRate).toBe(RATE);
    expect(Math.abs(durationMs(audio) - voice.durationMs)).toBeLessThan(1);
    expect(voice.words.map((w) => w.text)).toEqual(SCENES[0]!.narration.split(" "));
    let previousEnd = 0;
    for (const word of voice.words) {
      expect(word.startMs).toBeGreaterThanOrEqual(previousEnd);
      expect(word.endMs).toBeGreaterThan(word.startMs);
      previousEnd = word.endMs;
    }
  });

  it("starts words where the server's audio has them, each sentence's first word within 20 ms", async () => {
    api = await speechServer();
    const result = await speakScenes([SCENES[0]!], "en", settings(api.server), { cacheDir: await makeTempDir("voice-openai-sync") });
    const voice = result.voices[0]!;
    // Where each tone really is in the scene's file: the sentence's tones, shifted to where the sentence starts.
    const errors: number[] = [];
    voice.sentences.forEach((sentence) => {
      const { wordStarts } = toneSpeech(sentence.text);
      const words = voice.words.filter((w) => w.startMs >= sentence.startMs && w.endMs <= sentence.endMs);
      expect(words).toHaveLength(wordStarts.length);
      // The file's sentence starts 15 ms before its first sound (the trim keeps a margin).
      const shift = sentence.startMs + 15 - wordStarts[0]!;
      words.forEach((word, i) => errors.push(Math.abs(word.startMs - (wordStarts[i]! + shift))));
      expect(errors[errors.length - words.length]).toBeLessThan(20);
    });
    expect(Math.max(...errors)).toBeLessThan(100);
    expect(errors.reduce((a, b) => a + b, 0) / errors.length).toBeLessThan(40);
  });

  it("passes the chosen voice, model and speed", async () => {
    api = await speechServer();
    await speakScenes([SCENES[1]!], "en", settings(api.server, { voice: "nova", model: "tts-1", speed: 1.25 }), { cacheDir: await makeTempDir("voice-openai-opts") });
    expect(api.bodies).toEqual([{ model: "tts-1", voice: "nova", input: "Music sits underneath everything.", response_format: "wav", speed: 1.25 }]);
  });

  it("reads a raw 24 kHz PCM answer", async () => {
    api = await speechServer(() => "pcm");
    const result = await speakScenes([SCENES[1]!], "en", settings(api.server), { cacheDir: await makeTempDir("voice-openai-pcm") });
    expect(result.engine).toBe("openai");
    const { samples } = toneSpeech(SCENES[1]!.narration);
    // The file holds the sentence without the server's leading and trailing silence.
    expect(result.voices[0]!.durationMs).toBeLessThan((samples.length / RATE) * 1000 - 300);
    expect(result.voices[0]!.durationMs).toBeGreaterThan((samples.length / RATE) * 1000 - 460);
  });

  it("retries a 429 and goes on", async () => {
    api = await speechServer((n) => (n === 0 ? apiError(429, "Rate limit reached", "requests", { "retry-after-ms": "1" }) : "wav"));
    const warnings: string[] = [];
    const result = await speakScenes([SCENES[1]!], "en", settings(api.server), { cacheDir: await makeTempDir("voice-openai-429"), onWarning: (m) => warnings.push(m) });
    expect(result.engine).toBe("openai");
    expect(result.voices[0]).not.toBeNull();
    expect(api.bodies).toHaveLength(2);
    expect(warnings).toEqual([]);
  });

  it("falls back to no voice with a warning when the server keeps failing", async () => {
    api = await speechServer(() => apiError(500, "The server had an error", "server_error", { "retry-after-ms": "1" }));
    const warnings: string[] = [];
    const result = await speakScenes([SCENES[1]!], "en", settings(api.server, { maxRetries: 1 }), { cacheDir: await makeTempDir("voice-openai-500"), onWarning: (m) => warnings.push(m) });
    expect(result.engine).toBe("none");
    expect(result.voices).toEqual([null]);
    expect(result.fallback).toBe("the speech server answered HTTP 500 after 1 retry: The server had an error");
    expect(api.bodies).toHaveLength(2);
    expect(warnings).toEqual([`openai voice: ${result.fallback}; the video has no voice and is timed by reading speed`]);
  });

  it("falls back on a rejected key, without ever showing the key", async () => {
    api = await speechServer(() => apiError(401, `Incorrect API key provided: ${API_KEY}.`, "invalid_request_error"));
    const warnings: string[] = [];
    const result = await speakScenes(SCENES, "en", settings(api.server), { cacheDir: await makeTempDir("voice-openai-401"), onWarning: (m) => warnings.push(m) });
    expect(result.engine).toBe("none");
    expect(result.voices).toEqual([null, null]);
    expect(result.fallback).toContain("key rejected");
    expect(result.fallback).toContain("HTTP 401");
    expect(JSON.stringify({ result, warnings })).not.toContain(API_KEY);
    expect(warnings).toHaveLength(1);
  });

  it("falls back when the server answers audio it cannot read", async () => {
    api = await speechServer(() => ({ status: 200, type: "audio/mpeg", body: "ID3\u0004not really mp3" }));
    const result = await speakScenes([SCENES[1]!], "en", settings(api.server), { cacheDir: await makeTempDir("voice-openai-mp3") });
    expect(result.engine).toBe("none");
    expect(result.fallback).toBe("the speech server answered audio/mpeg that does not decode as audio");
  });

  it.each(["mp3", "opus"] as const)("decodes a %s answer from a server that ignores the WAV request", async (format) => {
    api = await speechServer(() => format);
    const warnings: string[] = [];
    const result = await speakScenes([SCENES[1]!], "en", settings(api.server), { cacheDir: await makeTempDir(`voice-openai-${format}`), onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
    expect(result.engine).toBe("openai");
    const voice = result.voices[0]!;
    expect(decodeWav(await readFile(voice.file)).sampleRate).toBe(RATE);
    // The sentence's tones without the server's leading and trailing silence, as for WAV.
    const { samples } = toneSpeech(SCENES[1]!.narration);
    expect(voice.durationMs).toBeLessThan((samples.length / RATE) * 1000 - 300);
    expect(voice.durationMs).toBeGreaterThan((samples.length / RATE) * 1000 - 460);
    expect(voice.words.map((w) => w.text)).toEqual(SCENES[1]!.narration.split(" "));
  });

  it("falls back without a request when there is no key and no server", async () => {
    const result = await speakScenes(SCENES, "en", { ...DEFAULT_VOICE_SETTINGS, engine: "openai" }, { cacheDir: await makeTempDir("voice-openai-nokey") });
    expect(result).toEqual({ voices: [null, null], engine: "none", fallback: expect.stringContaining("no OPENAI_API_KEY") });
  });

  it("works with a local server that needs no key", async () => {
    api = await speechServer();
    const result = await speakScenes([SCENES[1]!], "en", settings(api.server, { apiKey: null }), { cacheDir: await makeTempDir("voice-openai-local") });
    expect(result.engine).toBe("openai");
  });

  it("asks nothing on a second run: the cache answers", async () => {
    api = await speechServer();
    const cacheDir = await makeTempDir("voice-openai-cache");
    const first = await speakScenes(SCENES, "en", settings(api.server), { cacheDir });
    expect(api.bodies).toHaveLength(3);
    const second = await speakScenes(SCENES, "en", settings(api.server), { cacheDir });
    expect(api.bodies).toHaveLength(3);
    expect(second).toEqual(first);
    await speakScenes(SCENES, "en", settings(api.server, { voice: "nova" }), { cacheDir });
    expect(api.bodies).toHaveLength(6);
  });
});
