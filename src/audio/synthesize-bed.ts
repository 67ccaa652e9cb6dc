import { ReelpressError } from "../errors.js";
import type { Mood } from "../schema/script.js";
import { BED_STYLES, type BedStyle } from "./bed-styles.js";
import { biquadState, filterBiquad, lowPassBiquad } from "./biquad.js";
import { addCircularReverb } from "./circular-reverb.js";
import { integratedLoudness } from "./measure-loudness.js";
import { pick, seededRandom } from "./seeded-random.js";
import { midiToHz, voiceChords } from "./voice-chords.js";
import { riseCurve, sawTable, sineTable, TABLE_SIZE } from "./wavetable.js";
import type { PcmAudio } from "./wav.js";

export interface SynthesizeBedOptions {
  sampleRate: number;
  /** The same seed gives the same bed, sample for sample. */
  seed: number;
}

/** Integrated loudness the bed is delivered at; the mixer sets its final level. */
export const BED_LOUDNESS_LUFS = -18;
/** Highest MIDI note any part plays: the saw table is band-limited for it. */
const HIGHEST_NOTE = 90;
/** The pad's low-pass moves this far either side of its centre, this often. */
const FILTER_SWING = 0.25;
const FILTER_LFO_SECONDS = 14;
const FILTER_BLOCK = 64;

interface Layer {
  left: Float32Array;
  right: Float32Array;
}

interface NoteShape {
  /** Samples from the start of the note to the start of its release. */
  sustain: number;
  attack: number;
  release: number;
}

interface Context {
  rate: number;
  /** Imported constants and helpers are copied here: hot loops then read locals, not module bindings. */
  tableSize: number;
  curve: Float32Array;
  frames: number;
  random: () => number;
  sine: Float32Array;
  saw: Float32Array;
  bass: Float32Array;
  pluck: Float32Array;
}

function additiveTable(partials: readonly number[]): Float32Array {
  const sine = sineTable();
  const table = new Float32Array(TABLE_SIZE + 1);
  partials.forEach((gain, index) => {
    for (let i = 0; i <= TABLE_SIZE; i += 1) table[i]! += gain * sine[((i * (index + 1)) % TABLE_SIZE)]!;
  });
  let peak = 0;
  for (const v of table) peak = Math.max(peak, Math.abs(v));
  for (let i = 0; i <= TABLE_SIZE; i += 1) table[i]! /= peak;
  return table;
}

/** Wavetable read with linear interpolation; `phase` is in table points. */
function read(table: Float32Array, phase: number): number {
  const k = phase | 0;
  return table[k]! + (table[k + 1]! - table[k]!) * (phase - k);
}

/** Adds a table oscillator at `hz`, over the whole note buffer, into both of its sides. */
function addOscillator(ctx: Context, table: Float32Array, hz: number, phase: number, note: Layer, gainLeft: number, gainRight: number): void {
  const size = ctx.tableSize;
  const inc = (hz / ctx.rate) * size;
  const { left, right } = note;
  let p = phase * size;
  for (let j = 0; j < left.length; j += 1) {
    const k = p | 0;
    const v = table[k]! + (table[k + 1]! - table[k]!) * (p - k);
    left[j]! += v * gainLeft;
    right[j]! += v * gainRight;
    p += inc;
    if (p >= size) p -= size;
  }
}

/** Fits a note's timing inside a bed shorter than the note itself. */
function fitShape(shape: NoteShape, frames: number): NoteShape {
  if (shape.sustain + shape.release <= frames) return shape;
  const release = Math.min(shape.release, frames / 2);
  const sustain = frames - release;
  return { sustain, release, attack: Math.min(shape.attack, sustain) };
}

function noteBuffer(ctx: Context, shape: NoteShape): Layer {
  const length = Math.floor(shape.sustain + shape.release);
  return { left: new Float32Array(length), right: new Float32Array(length) };
}

/**
 * Applies an attack/sustain/release envelope to a rendered note and adds it to the layer as a
 * loop (indices wrap at the end), so a tail that runs past the end of the bed sounds at its start
 * and the bed repeats seamlessly.
 */
function addNote(ctx: Context, layer: Layer, start: number, shape: NoteShape, note: Layer): void {
  const { sustain, attack, release } = shape;
  const curve = ctx.curve;
  const steps = curve.length - 2;
  const riseAt = (x: number) => {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    const pos = x * steps;
    const k = pos | 0;
    return curve[k]! + (curve[k + 1]! - curve[k]!) * (pos - k);
  };
  const { left, right } = note;
  let index = Math.round(start) % ctx.frames;
  for (let j = 0; j < left.length; j += 1) {
    const env = (j < attack ? riseAt(j / attack) : 1) * (j < sustain ? 1 : 1 - riseAt((j - sustain) / release));
    layer.left[index]! += left[j]! * env;
    layer.right[index]! += right[j]! * env;
    index += 1;
    if (index === ctx.frames) index = 0;
  }
}

/** Detuned saw pair (one per side) over a centred sine, per note of the chord. */
function addPadChord(ctx: Context, pad: Layer, style: BedStyle, notes: readonly number[], start: number, length: number): void {
  const shape = fitShape({ sustain: length, attack: style.pad.attackSeconds * ctx.rate, release: style.pad.releaseSeconds * ctx.rate }, ctx.frames);
  const level = 0.22 / Math.sqrt(notes.length);
  for (const note of notes) {
    const hz = midiToHz(note);
    const cents = 5 + ctx.random() * 4;
    const buffer = noteBuffer(ctx, shape);
    const saw = style.pad.saw * level;
    const sine = style.pad.sine * level;
    addOscillator(ctx, ctx.saw, hz * 2 ** (cents / 1200), ctx.random(), buffer, 0.85 * saw, 0.35 * saw);
    addOscillator(ctx, ctx.saw, hz * 2 ** (-cents / 1200), ctx.random(), buffer, 0.35 * saw, 0.85 * saw);
    addOscillator(ctx, ctx.sine, hz, ctx.random(), buffer, 0.7 * sine, 0.7 * sine);
    addNote(ctx, pad, start, shape, buffer);
  }
}

/** The pad's low-pass, its cut-off drifting slowly; run as a loop (pre-rolled over the end) like the notes. */
function filterPad(ctx: Context, pad: Layer, cutoffHz: number, lfoPhase: number): void {
  const cycles = Math.max(1, Math.round(ctx.frames / ctx.rate / FILTER_LFO_SECONDS));
  const coefficients = (block: number) => {
    const t = (block * FILTER_BLOCK) / ctx.frames;
    return lowPassBiquad(ctx.rate, cutoffHz * (1 + FILTER_SWING * Math.sin(2 * Math.PI * (cycles * t + lfoPhase))), 0.9);
  };
  const blocks = Math.ceil(ctx.frames / FILTER_BLOCK);
  const preRoll = Math.min(blocks, Math.ceil((0.25 * ctx.rate) / FILTER_BLOCK));
  const sink = new Float32Array(ctx.frames);
  for (const channel of [pad.left, pad.right]) {
    const state = biquadState();
    const source = channel.slice();
    for (let b = blocks - preRoll; b < blocks; b += 1) {
      filterBiquad(coefficients(b), source, sink, state, b * FILTER_BLOCK, Math.min(ctx.frames, (b + 1) * FILTER_BLOCK));
    }
    for (let b = 0; b < blocks; b += 1) {
      filterBiquad(coefficients(b), source, channel, state, b * FILTER_BLOCK, Math.min(ctx.frames, (b + 1) * FILTER_BLOCK));
    }
  }
}

function addBass(ctx: Context, layer: Layer, style: BedStyle, tonic: number, root: number, start: number, length: number, beat: number): void {
  const low = 36 + ((tonic + root) % 12);
  const strike = (offset: number, note: number, sustain: number, gain: number) => {
    const shape = fitShape({ sustain, attack: 0.03 * ctx.rate, release: 0.18 * ctx.rate }, ctx.frames);
    const buffer = noteBuffer(ctx, shape);
    addOscillator(ctx, ctx.bass, midiToHz(note), 0, buffer, gain, gain);
    addNote(ctx, layer, start + offset, shape, buffer);
  };
  if (style.bass === "held") {
    strike(0, low, Math.max(0.1 * ctx.rate, length - 0.15 * ctx.rate), 0.3);
    return;
  }
  const step = style.bass === "halves" ? 2 * beat : beat;
  for (let at = 0, i = 0; at < length - 0.25 * beat; at += step, i += 1) {
    const note = style.bass === "bounce" && i % 2 === 1 ? low + 7 : low;
    strike(at, note, Math.min(step, length - at) * 0.7, i === 0 ? 0.3 : 0.24);
  }
}

/** Multiplies a note buffer by exp(−t/τ): the decay of a plucked or struck sound. */
function decayNote(note: Layer, seconds: number, rate: number): void {
  const factor = Math.exp(-1 / (seconds * rate));
  let level = 1;
  for (let j = 0; j < note.left.length; j += 1) {
    note.left[j]! *= level;
    note.right[j]! *= level;
    level *= factor;
  }
}

function addPulse(ctx: Context, layer: Layer, style: BedStyle, notes: readonly number[], start: number, length: number, beat: number): void {
  if (style.pulse === "none") return;
  const step = style.pulse === "quarters" ? beat : beat / 2;
  const skip = [true, false, true, true, false, true, false, true];
  const arpeggio = [...notes, ...notes.slice(1, -1).reverse()].map((n) => n + 12);
  const shape = fitShape({ sustain: 0.45 * ctx.rate, attack: 0.006 * ctx.rate, release: 0.06 * ctx.rate }, ctx.frames);
  for (let at = 0, i = 0; at < length - step * 0.5; at += step, i += 1) {
    if (style.pulse === "skip" && !skip[i % skip.length]) continue;
    const accent = i % Math.round(beat / step) === 0 ? 1 : 0.7;
    const gain = 0.11 * accent * (0.9 + 0.2 * ctx.random());
    const pan = 0.5 + (i % 2 === 0 ? -0.2 : 0.2);
    const buffer = noteBuffer(ctx, shape);
    addOscillator(ctx, ctx.pluck, midiToHz(arpeggio[i % arpeggio.length]!), 0, buffer, gain * (1 - pan), gain * pan);
    decayNote(buffer, 0.2, ctx.rate);
    addNote(ctx, layer, start + at, shape, buffer);
  }
}

function addKicks(ctx: Context, layer: Layer, start: number, length: number, beat: number): void {
  const shape = fitShape({ sustain: 0.3 * ctx.rate, attack: 0.003 * ctx.rate, release: 0.05 * ctx.rate }, ctx.frames);
  const kick = noteBuffer(ctx, shape);
  let phase = 0;
  for (let j = 0; j < kick.left.length; j += 1) {
    // A pitch drop from 110 to 45 Hz: a soft thump rather than a click.
    const hz = 45 + 65 * Math.exp(-j / (0.03 * ctx.rate));
    kick.left[j] = kick.right[j] = 0.22 * read(ctx.sine, phase);
    phase += (hz / ctx.rate) * ctx.tableSize;
    if (phase >= ctx.tableSize) phase -= ctx.tableSize;
  }
  decayNote(kick, 0.12, ctx.rate);
  for (let at = 0; at < length - beat * 0.5; at += beat) addNote(ctx, layer, start + at, shape, kick);
}

/** Chord start times (in samples) tiling the bed; a remainder too short for a chord lengthens the last one. */
function chordGrid(frames: number, chordLength: number, beat: number): { start: number; length: number }[] {
  const count = Math.max(1, Math.floor(frames / chordLength));
  const grid = Array.from({ length: count }, (_, k) => ({ start: k * chordLength, length: chordLength }));
  const rest = frames - count * chordLength;
  if (rest >= 2 * beat) grid.push({ start: count * chordLength, length: rest });
  else grid[grid.length - 1]!.length += rest;
  return grid;
}

/**
 * A royalty-free music bed the project makes itself: a slow progression of soft pads (detuned
 * saws and a sine under a drifting low-pass, slow attack and release), a gentle bass, and for
 * upbeat moods a soft plucked pulse, in a key, tempo and harmony chosen by mood, plus a small
 * room. Stereo, at BED_LOUDNESS_LUFS. Every note is enveloped, and the whole bed is rendered as a
 * loop (tails wrap to the start), so it has no clicks and repeats seamlessly at its own length.
 */
export function synthesizeBed(mood: Mood, seconds: number, options: SynthesizeBedOptions): PcmAudio {
  const rate = options.sampleRate;
  if (!(seconds > 0) || !Number.isFinite(seconds)) throw new ReelpressError("E_INVALID_INPUT", `"seconds" must be a positive number, but is ${seconds}`);
  if (!Number.isInteger(rate) || rate < 8000 || rate > 384000) throw new ReelpressError("E_INVALID_INPUT", `"sampleRate" must be an integer from 8000 to 384000, but is ${rate}`);
  const style = BED_STYLES[mood];
  const random = seededRandom(options.seed);
  const frames = Math.max(1, Math.round(seconds * rate));
  const ctx: Context = {
    rate,
    tableSize: TABLE_SIZE,
    curve: riseCurve(),
    frames,
    random,
    sine: sineTable(),
    saw: sawTable((0.45 * rate) / midiToHz(HIGHEST_NOTE)),
    bass: additiveTable([1, 0.3, 0.1, 0.04]),
    pluck: additiveTable([1, 0.35, 0.15, 0.06, 0.03]),
  };
  const tonic = pick(random, style.keys);
  const progression = pick(random, style.progressions);
  const beat = (60 / (style.bpm * (0.97 + 0.06 * random()))) * rate;
  const grid = chordGrid(frames, beat * style.beatsPerChord, beat);
  const chords = grid.map((_, k) => progression[k % progression.length]!);
  const voicings = voiceChords(chords, tonic, style.pad.register, (style.pad.register[0] + style.pad.register[1]) / 2 - 4 + Math.floor(random() * 5));
  const layer = (): Layer => ({ left: new Float32Array(frames), right: new Float32Array(frames) });
  const pad = layer();
  const rhythm = layer();
  grid.forEach(({ start, length }, k) => {
    addPadChord(ctx, pad, style, voicings[k]!, start, length);
    addBass(ctx, rhythm, style, tonic, chords[k]![0], start, length, beat);
  });
  filterPad(ctx, pad, style.pad.cutoffHz, random());
  const pulse = layer();
  grid.forEach(({ start, length }, k) => {
    addPulse(ctx, pulse, style, voicings[k]!, start, length, beat);
    if (style.kick) addKicks(ctx, rhythm, start, length, beat);
  });
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  const send = new Float32Array(frames);
  for (let i = 0; i < frames; i += 1) {
    left[i] = pad.left[i]! + rhythm.left[i]! + pulse.left[i]!;
    right[i] = pad.right[i]! + rhythm.right[i]! + pulse.right[i]!;
    send[i] = 0.5 * (pad.left[i]! + pad.right[i]!) + pulse.left[i]! + pulse.right[i]!;
  }
  addCircularReverb(send, left, right, rate, style.reverb);
  const audio: PcmAudio = { sampleRate: rate, channels: [left, right] };
  const loudness = integratedLoudness(audio);
  if (Number.isFinite(loudness)) {
    let gain = 10 ** ((BED_LOUDNESS_LUFS - loudness) / 20);
    let peak = 0;
    for (const channel of audio.channels) for (const v of channel) peak = Math.max(peak, Math.abs(v));
    // Beds are quiet by design; the cap only matters for a bed of a second or two.
    gain = Math.min(gain, 0.7 / Math.max(peak, 1e-9));
    for (const channel of audio.channels) for (let i = 0; i < frames; i += 1) channel[i]! *= gain;
  }
  return audio;
}
