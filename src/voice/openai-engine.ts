import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createOpenAiClient } from "../openai/openai-client.js";
import { decodeAudioFile } from "../audio/decode-audio-file.js";
import { decodeWav, type PcmAudio } from "../audio/wav.js";
import { ReelpressError } from "../errors.js";
import { mapSpeechError } from "./map-speech-error.js";
import { OPENAI_PCM_RATE, pcm16Audio } from "./pcm16-audio.js";
import { VoiceUnavailable, type SpeechEngine } from "./speech-engine.js";
import { spelledLength } from "./spelled-length.js";
import { DEFAULT_OPENAI_VOICE, DEFAULT_SPEECH_BASE_URL, type VoiceSettings } from "./voice-settings.js";

const CONCURRENCY = 4;
const MIN_SPEED = 0.25;
const MAX_SPEED = 4;

/**
 * The OpenAI speech endpoint (or a compatible server at `baseURL`) as a SpeechEngine. Asks for
 * WAV; a server that answers raw PCM (audio/pcm, audio/L16) is read as 24 kHz 16-bit mono, and
 * one that answers another format whatever was asked (MP3, Opus, AAC, FLAC…) is decoded by ffmpeg.
 * Throws VoiceUnavailable when there is neither a key nor a base URL.
 */
export function createOpenAiEngine(settings: Pick<VoiceSettings, "voice" | "model" | "speed" | "apiKey" | "baseURL" | "timeoutMs" | "maxRetries">): SpeechEngine {
  if (!settings.apiKey && !settings.baseURL) {
    throw new VoiceUnavailable("openai", "no OPENAI_API_KEY is set, and no base URL of a compatible server");
  }
  const baseURL = settings.baseURL ?? DEFAULT_SPEECH_BASE_URL;
  const voice = settings.voice ?? DEFAULT_OPENAI_VOICE;
  const speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, settings.speed));
  const client = createOpenAiClient({ ...settings, baseURL });
  const context = { model: settings.model, voice, apiKey: settings.apiKey, timeoutMs: settings.timeoutMs, maxRetries: settings.maxRetries };
  return {
    id: "openai",
    identity: { baseURL, model: settings.model, voice },
    concurrency: CONCURRENCY,
    async synthesize(text, signal) {
      try {
        const response = await client.audio.speech.create({ model: settings.model, voice, input: text, response_format: "wav", speed }, { signal });
        const bytes = new Uint8Array(await response.arrayBuffer());
        return await readSpeech(bytes, response.headers.get("content-type"), signal);
      } catch (error) {
        throw mapSpeechError(error, context);
      }
    },
    async wordLengths(words, lang) {
      return words.map((word) => spelledLength(word, lang).ms);
    },
  };
}

async function readSpeech(bytes: Uint8Array, contentType: string | null, signal: AbortSignal | undefined): Promise<PcmAudio> {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  const riff = bytes.length >= 12 && String.fromCharCode(...bytes.subarray(0, 4)) === "RIFF";
  if (riff) return decodeWav(bytes, "the speech server's WAV");
  if (type === "audio/pcm" || type === "audio/l16" || type === "application/octet-stream") return pcm16Audio(bytes);
  return decodeCompressed(bytes, type || "an unknown type", signal);
}

/** MP3, Opus and the rest, through a temporary file (ffmpeg needs to seek in some containers). */
async function decodeCompressed(bytes: Uint8Array, type: string, signal: AbortSignal | undefined): Promise<PcmAudio> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "reelpress-speech-"));
  try {
    const file = path.join(dir, "speech");
    await writeFile(file, bytes);
    return await decodeAudioFile(file, { sampleRate: OPENAI_PCM_RATE, channels: 1, signal, role: "the speech server's audio" });
  } catch (error) {
    if (error instanceof ReelpressError && error.code === "E_MEDIA") {
      throw new VoiceUnavailable("openai", `the speech server answered ${type} that does not decode as audio`);
    }
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
