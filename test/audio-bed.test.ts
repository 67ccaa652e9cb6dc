import { describe, expect, it } from "vitest";
import { BED_STYLES } from "../src/audio/bed-styles.js";
import { filterBiquad, highPassBiquad } from "../src/audio/biquad.js";
import { measureLoudness } from "../src/audio/measure-loudness.js";
import { BED_LOUDNESS_LUFS, synthesizeBed } from "../src/audio/synthesize-bed.js";
import { MoodSchema, type Mood } from "../src/schema/script.js";

const RATE = 48000;
const MOODS = MoodSchema.options;
const PULSED: Mood[] = MOODS.filter((mood) => BED_STYLES[mood].pulse !== "none");
const STILL: Mood[] = MOODS.filter((mood) => BED_STYLES[mood].pulse === "none");

/**
 * Loudest 2 ms of the signal above 10 kHz, in dB. The pads are low-passed and the plucks have
 * a few harmonics, so a bed has next to nothing up there; a click (a step in the waveform) is
 * broadband and shows as a burst. The first 20 ms are skipped: the filter's own start-up.
 */
function clickLevelDb(samples: Float32Array): number {
  const highPass = highPassBiquad(RATE, 10000);
  const high = filterBiquad(highPass, filterBiquad(highPass, samples));
  const window = 0.002 * RATE;
  let loudest = 0;
  for (let start = 0.02 * RATE; start + window <= high.length; start += window) {
    let power = 0;
    for (let i = start; i < start + window; i += 1) power += high[i]! * high[i]!;
    loudest = Math.max(loudest, power / window);
  }
  return 10 * Math.log10(loudest);
}
const CLICK_LIMIT_DB = -75;
/** Long enough for four chords of the slowest style (calm: two bars of 4/4 at 64 bpm each). */
const BED_SECONDS = 32;

/** Energy of each pitch class (C = 0) from G3 to C6, by Goertzel filters over 250 ms Hann windows. */
function chroma(samples: Float32Array, from = 0, to = samples.length): Float64Array {
  const n = Math.round(0.25 * RATE);
  const window = Float32Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
  const classes = new Float64Array(12);
  for (let note = 55; note <= 84; note += 1) {
    const c = 2 * Math.cos((2 * Math.PI * 440 * 2 ** ((note - 69) / 12)) / RATE);
    for (let start = from; start + n <= to; start += n) {
      let s1 = 0;
      let s2 = 0;
      for (let i = 0; i < n; i += 1) {
        const s0 = samples[start + i]! * window[i]! + c * s1 - s2;
        s2 = s1;
        s1 = s0;
      }
      classes[note % 12]! += s1 * s1 + s2 * s2 - c * s1 * s2;
    }
  }
  return classes;
}

/** Depth of the bed's loudness envelope (10 ms RMS) modulated at `bpm`, searched ±4 % around it. */
function pulseDepth(samples: Float32Array, bpm: number): number {
  const hop = 0.01 * RATE;
  const envelope: number[] = [];
  for (let start = 0; start + hop <= samples.length; start += hop) {
    let power = 0;
    for (let i = start; i < start + hop; i += 1) power += samples[i]! * samples[i]!;
    envelope.push(Math.sqrt(power / hop));
  }
  const total = envelope.reduce((a, b) => a + b, 0);
  let best = 0;
  for (let hz = (bpm / 60) * 0.96; hz <= (bpm / 60) * 1.04; hz += bpm / 60 / 500) {
    let re = 0;
    let im = 0;
    envelope.forEach((v, n) => {
      re += v * Math.cos(2 * Math.PI * hz * n * 0.01);
      im -= v * Math.sin(2 * Math.PI * hz * n * 0.01);
    });
    best = Math.max(best, Math.hypot(re, im) / total);
  }
  return best;
}

describe("synthesizeBed", () => {
  const beds = new Map(MOODS.map((mood) => [mood, synthesizeBed(mood, BED_SECONDS, { sampleRate: RATE, seed: 11 })]));

  it.each(MOODS)("makes a %s bed: stereo, exactly as long as asked, at the bed loudness, with headroom", (mood) => {
    const bed = beds.get(mood)!;
    expect(bed.sampleRate).toBe(RATE);
    expect(bed.channels).toHaveLength(2);
    for (const channel of bed.channels) expect(channel.length).toBe(BED_SECONDS * RATE);
    const loudness = measureLoudness(bed);
    expect(loudness.integratedLufs).toBeCloseTo(BED_LOUDNESS_LUFS, 1);
    expect(loudness.truePeakDb).toBeLessThan(-3);
    // Wide, not mono: the detuned saws sit on opposite sides.
    let difference = 0;
    for (let i = 0; i < bed.channels[0]!.length; i += 1) difference += Math.abs(bed.channels[0]![i]! - bed.channels[1]![i]!);
    expect(difference / bed.channels[0]!.length).toBeGreaterThan(0.005);
  });

  it.each(MOODS)("keeps a %s bed in one key: nine tenths of its pitched energy is on one diatonic scale", (mood) => {
    const classes = chroma(beds.get(mood)!.channels[0]!);
    const total = classes.reduce((a, b) => a + b, 0);
    const major = [0, 2, 4, 5, 7, 9, 11];
    const best = Math.max(...Array.from({ length: 12 }, (_, key) => major.reduce((sum, degree) => sum + classes[(key + degree) % 12]!, 0)));
    expect(best / total).toBeGreaterThan(0.9);
  });

  it.each(MOODS)("moves a %s bed through a chord progression, not one held chord", (mood) => {
    const bed = beds.get(mood)!.channels[0]!;
    const style = BED_STYLES[mood];
    const chordSamples = Math.round(((60 / style.bpm) * style.beatsPerChord * RATE) / 1.03);
    const chords = new Set<string>();
    for (let start = 0; start + chordSamples <= bed.length; start += chordSamples) {
      // The three strongest pitch classes in the middle of each chord's span.
      const classes = chroma(bed, start + Math.round(chordSamples / 4), start + Math.round((3 * chordSamples) / 4));
      chords.add([...classes.keys()].sort((a, b) => classes[b]! - classes[a]!).slice(0, 3).sort((a, b) => a - b).join(","));
    }
    expect(chords.size).toBeGreaterThanOrEqual(3);
  });

  it("gives upbeat, inspiring and playful beds a pulse at their tempo, and the others none", () => {
    expect(PULSED).toEqual(expect.arrayContaining(["upbeat", "playful"]));
    for (const mood of PULSED) expect(pulseDepth(beds.get(mood)!.channels[0]!, BED_STYLES[mood].bpm), mood).toBeGreaterThan(0.06);
    for (const mood of STILL) expect(pulseDepth(beds.get(mood)!.channels[0]!, BED_STYLES[mood].bpm), mood).toBeLessThan(0.04);
  });

  it.each(MOODS)("has no clicks in a %s bed, at note boundaries or where it loops", (mood) => {
    const [left] = beds.get(mood)!.channels as [Float32Array];
    const twice = new Float32Array(left.length * 2);
    twice.set(left);
    twice.set(left, left.length);
    expect(clickLevelDb(twice)).toBeLessThan(CLICK_LIMIT_DB);
  });

  it("the click check catches a step of 0.01 (−40 dBFS) in a bed", () => {
    const left = beds.get("calm")!.channels[0]!.slice();
    for (let i = 7 * RATE; i < left.length; i += 1) left[i]! += 0.01;
    expect(clickLevelDb(left)).toBeGreaterThan(CLICK_LIMIT_DB);
  });

  it("makes the same bed from the same seed and a different one from another seed", () => {
    const a = synthesizeBed("inspiring", 8, { sampleRate: RATE, seed: 5 });
    const b = synthesizeBed("inspiring", 8, { sampleRate: RATE, seed: 5 });
    const c = synthesizeBed("inspiring", 8, { sampleRate: RATE, seed: 6 });
    expect(Buffer.from(b.channels[0]!.buffer).equals(Buffer.from(a.channels[0]!.buffer))).toBe(true);
    expect(Buffer.from(b.channels[1]!.buffer).equals(Buffer.from(a.channels[1]!.buffer))).toBe(true);
    expect(Buffer.from(c.channels[0]!.buffer).equals(Buffer.from(a.channels[0]!.buffer))).toBe(false);
  });

  it("makes beds of odd lengths and other sample rates", () => {
    for (const [seconds, rate] of [[0.5, 48000], [3.3, 44100], [7, 22050]] as const) {
      const bed = synthesizeBed("playful", seconds, { sampleRate: rate, seed: 1 });
      expect(bed.channels[0]!.length).toBe(Math.round(seconds * rate));
      expect(Number.isFinite(measureLoudness(bed).truePeakDb)).toBe(true);
    }
  });

  it("rejects a length or sample rate it cannot make", () => {
    expect(() => synthesizeBed("calm", 0, { sampleRate: RATE, seed: 1 })).toThrow(expect.objectContaining({ code: "E_INVALID_INPUT" }));
    expect(() => synthesizeBed("calm", 5, { sampleRate: 100, seed: 1 })).toThrow(/"sampleRate" must be an integer from 8000 to 384000, but is 100/);
  });

  it("synthesises a 60 s bed at 48 kHz at least 20 times faster than real time", () => {
    synthesizeBed("upbeat", 2, { sampleRate: RATE, seed: 1 });
    const before = process.cpuUsage();
    synthesizeBed("upbeat", 60, { sampleRate: RATE, seed: 1 });
    const used = process.cpuUsage(before);
    const cpuSeconds = (used.user + used.system) / 1e6;
    expect(60 / cpuSeconds).toBeGreaterThan(20);
  });
});
