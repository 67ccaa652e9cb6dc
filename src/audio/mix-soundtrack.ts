import { readFile } from "node:fs/promises";
import { ReelpressError } from "../errors.js";
import type { Mood } from "../schema/script.js";
import { decodeAudioFile } from "./decode-audio-file.js";
import { duckingGain } from "./ducking-gain.js";
import { fitBed } from "./fit-bed.js";
import { limitTruePeak } from "./limit-true-peak.js";
import { loadMusic } from "./load-music.js";
import { integratedLoudness, measureLoudness } from "./measure-loudness.js";
import { resample } from "./resample.js";
import { synthesizeBed } from "./synthesize-bed.js";
import { decodeWav, type PcmAudio } from "./wav.js";

export type MusicPlan = { source: "none" } | { source: "auto"; mood: Mood; seed: number } | { source: "file"; file: string };

export interface SoundtrackPlan {
  durationMs: number;
  /** Voice files (WAV, or anything ffmpeg decodes) and where each starts on the timeline. */
  voices: { file: string; startMs: number }[];
  music: MusicPlan;
  /** @example -16 */
  targetLufs: number;
  /** The most the final true peak may reach, before the encoding margin. @example -1 */
  truePeakDb: number;
}

export interface MixSoundtrackOptions {
  /** @default 48000 */
  sampleRate?: number;
  signal?: AbortSignal;
  /** Also return the voice and the (ducked, faded) bed as separate stereo tracks, at the mix's gain. @default false */
  stems?: boolean;
}

export interface Soundtrack {
  /** Stereo at the sample rate asked for, exactly durationMs long. */
  audio: PcmAudio;
  /** −Infinity when the soundtrack is silent. */
  integratedLufs: number;
  truePeakDb: number;
  stems?: { voice: PcmAudio; bed: PcmAudio };
}

export const DEFAULT_MIX_SAMPLE_RATE = 48000;
/** The bed, where the voice is silent, sits this far below the voice's integrated loudness (about −21 LUFS under a −16 LUFS voice). */
export const BED_LEVEL_LU = -5;
/** Ducking depth: under speech the bed is BED_LEVEL_LU − 12 ≈ 17 LU below the voice. */
export const DUCK_DEPTH_DB = 12;
/** Voice above this level relative to its own loudness counts as speech for ducking. */
const SPEECH_THRESHOLD_LU = -25;
/** Headroom left under `truePeakDb` for the overshoot AAC encoding adds. */
export const TRUE_PEAK_MARGIN_DB = 0.5;
/** Normalisation never raises the level more than this: a near-silent input is left near silent. */
export const MAX_GAIN_DB = 30;
const LOUDNESS_TOLERANCE_LU = 0.1;
const NORMALISE_PASSES = 3;

function validate(plan: SoundtrackPlan): void {
  const bad = (field: string, rule: string, value: unknown) => new ReelpressError("E_INVALID_INPUT", `"${field}" ${rule}, but is ${String(value)}`);
  if (!(plan.durationMs > 0) || !Number.isFinite(plan.durationMs)) throw bad("durationMs", "must be a positive number", plan.durationMs);
  if (!(plan.targetLufs <= 0)) throw bad("targetLufs", "must be 0 or below", plan.targetLufs);
  if (!(plan.truePeakDb <= 0)) throw bad("truePeakDb", "must be 0 or below", plan.truePeakDb);
  for (const voice of plan.voices) if (!(voice.startMs >= 0)) throw bad("voices[].startMs", "must be 0 or more", voice.startMs);
}

async function readVoice(file: string, sampleRate: number, signal: AbortSignal | undefined): Promise<Float32Array> {
  const bytes = await readFile(file).catch((cause: unknown) => {
    throw new ReelpressError("E_FILE_NOT_FOUND", `the voice file cannot be read: ${file}`, { cause, hint: "make the voice again (the cache may have been cleared)" });
  });
  const isWav = bytes.length >= 12 && bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WAVE";
  const audio = isWav ? decodeWav(bytes, file) : await decodeAudioFile(file, { sampleRate, channels: 1, signal, role: "the voice file" });
  const frames = audio.channels[0]?.length ?? 0;
  const mono = new Float32Array(frames);
  for (const channel of audio.channels) for (let i = 0; i < frames; i += 1) mono[i]! += channel[i]! / audio.channels.length;
  return resample({ sampleRate: audio.sampleRate, channels: [mono] }, sampleRate).channels[0]!;
}

async function makeBed(music: MusicPlan, frames: number, sampleRate: number, signal: AbortSignal | undefined): Promise<PcmAudio | null> {
  if (music.source === "none") return null;
  const source =
    music.source === "auto"
      ? synthesizeBed(music.mood, frames / sampleRate, { sampleRate, seed: music.seed })
      : await loadMusic(music.file, { sampleRate, signal, maxSeconds: Math.ceil(frames / sampleRate) + 1 });
  return fitBed(source, frames);
}

function scale(audio: PcmAudio, gainDb: number): PcmAudio {
  const gain = 10 ** (gainDb / 20);
  return {
    sampleRate: audio.sampleRate,
    channels: audio.channels.map((channel) => {
      const out = new Float32Array(channel.length);
      for (let i = 0; i < channel.length; i += 1) out[i] = channel[i]! * gain;
      return out;
    }),
  };
}

/**
 * Mixes a video's soundtrack: each voice (resampled) at its start, over a music bed that is
 * looped or trimmed to the video, faded in and out, set BED_LEVEL_LU under the voice and ducked
 * DUCK_DEPTH_DB while it speaks; then the whole mix is normalised to `targetLufs` and held under
 * `truePeakDb − TRUE_PEAK_MARGIN_DB` by a true-peak limiter. Voice only, music only and total
 * silence all work; silence stays silence.
 */
export async function mixSoundtrack(plan: SoundtrackPlan, options: MixSoundtrackOptions = {}): Promise<Soundtrack> {
  validate(plan);
  const rate = options.sampleRate ?? DEFAULT_MIX_SAMPLE_RATE;
  const { signal } = options;
  const frames = Math.round((plan.durationMs / 1000) * rate);

  const voice = new Float32Array(frames);
  for (const { file, startMs } of plan.voices) {
    signal?.throwIfAborted();
    const samples = await readVoice(file, rate, signal);
    const at = Math.round((startMs / 1000) * rate);
    for (let i = 0; i < samples.length && at + i < frames; i += 1) voice[at + i]! += samples[i]!;
  }
  signal?.throwIfAborted();
  const voiceLufs = integratedLoudness({ sampleRate: rate, channels: [voice, voice] });

  let bed = await makeBed(plan.music, frames, rate, signal);
  signal?.throwIfAborted();
  if (bed && Number.isFinite(voiceLufs)) {
    const bedLufs = integratedLoudness(bed);
    if (Number.isFinite(bedLufs)) bed = scale(bed, voiceLufs + BED_LEVEL_LU - bedLufs);
    const duck = duckingGain(voice, rate, { depthDb: DUCK_DEPTH_DB, thresholdDb: Math.max(-80, voiceLufs + SPEECH_THRESHOLD_LU) });
    for (const channel of bed.channels) for (let i = 0; i < frames; i += 1) channel[i]! *= duck[i]!;
  }

  const mix: PcmAudio = {
    sampleRate: rate,
    channels: [0, 1].map((c) => {
      const out = voice.slice();
      const music = bed?.channels[c];
      if (music) for (let i = 0; i < frames; i += 1) out[i]! += music[i]!;
      return out;
    }),
  };
  const ceilingDb = plan.truePeakDb - TRUE_PEAK_MARGIN_DB;
  const mixLufs = integratedLoudness(mix);
  let gainDb = 0;
  let audio: PcmAudio;
  if (!Number.isFinite(mixLufs)) audio = limitTruePeak(mix, ceilingDb);
  else {
    gainDb = Math.min(MAX_GAIN_DB, plan.targetLufs - mixLufs);
    // The limiter takes a little loudness off a peaky mix: measure again and make up for it.
    for (let pass = 1; ; pass += 1) {
      signal?.throwIfAborted();
      audio = limitTruePeak(scale(mix, gainDb), ceilingDb);
      const error = plan.targetLufs - integratedLoudness(audio);
      if (Math.abs(error) <= LOUDNESS_TOLERANCE_LU || pass === NORMALISE_PASSES || gainDb + error > MAX_GAIN_DB) break;
      gainDb += error;
    }
  }
  const measured = measureLoudness(audio);
  const result: Soundtrack = { audio, integratedLufs: measured.integratedLufs, truePeakDb: measured.truePeakDb };
  if (options.stems) {
    const silent = new Float32Array(frames);
    result.stems = {
      voice: scale({ sampleRate: rate, channels: [voice, voice] }, gainDb),
      bed: scale(bed ?? { sampleRate: rate, channels: [silent, silent] }, gainDb),
    };
  }
  return result;
}
