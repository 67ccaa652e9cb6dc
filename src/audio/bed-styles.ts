import type { Mood } from "../schema/script.js";

export type ChordQuality = "maj" | "min" | "maj7" | "min7" | "dom7" | "sus2" | "sus4" | "add9" | "madd9";

/** Semitones above the chord's root. */
export const CHORD_INTERVALS: Record<ChordQuality, readonly number[]> = {
  maj: [0, 4, 7],
  min: [0, 3, 7],
  maj7: [0, 4, 7, 11],
  min7: [0, 3, 7, 10],
  dom7: [0, 4, 7, 10],
  sus2: [0, 2, 7],
  sus4: [0, 5, 7],
  add9: [0, 4, 7, 14],
  madd9: [0, 3, 7, 14],
};

/** A chord as [semitones of its root above the key's tonic, quality]. */
export type Chord = readonly [root: number, quality: ChordQuality];

export interface BedStyle {
  /** Tonic pitch classes (0 = C) the seed chooses from. */
  keys: readonly number[];
  bpm: number;
  beatsPerChord: number;
  /** Progressions the seed chooses from; each repeats for the length of the bed. */
  progressions: readonly (readonly Chord[])[];
  pad: {
    attackSeconds: number;
    releaseSeconds: number;
    /** Centre of the pad's low-pass; a slow LFO moves it ±25 %. */
    cutoffHz: number;
    /** Detuned saw pair vs. pure sine: more saw is brighter and wider. */
    saw: number;
    sine: number;
    /** Lowest and highest MIDI note of the pad voicing. */
    register: readonly [number, number];
  };
  /** held: one note per chord; halves/quarters: re-struck; bounce: root and fifth on quarters. */
  bass: "held" | "halves" | "quarters" | "bounce";
  /** Soft plucked arpeggio over the chord, or none. */
  pulse: "none" | "quarters" | "eighths" | "skip";
  /** A soft low thump on every beat. */
  kick: boolean;
  /** Reverb send, 0–1. */
  reverb: number;
}

/**
 * One style per mood: key, tempo, harmony and arrangement. Slow major progressions for calm and
 * neutral, minor ones for serious and dramatic, brighter and pulsed ones for upbeat and playful.
 */
export const BED_STYLES: Record<Mood, BedStyle> = {
  neutral: {
    keys: [2, 0, 5],
    bpm: 84,
    beatsPerChord: 4,
    progressions: [
      [[0, "add9"], [7, "maj"], [9, "min7"], [5, "maj7"]],
      [[0, "maj7"], [9, "min7"], [5, "maj7"], [7, "sus4"]],
    ],
    pad: { attackSeconds: 0.9, releaseSeconds: 1.6, cutoffHz: 1800, saw: 0.55, sine: 0.6, register: [52, 74] },
    bass: "held",
    pulse: "none",
    kick: false,
    reverb: 0.3,
  },
  calm: {
    keys: [5, 3, 7],
    bpm: 64,
    beatsPerChord: 8,
    progressions: [
      [[0, "maj7"], [5, "maj7"], [9, "min7"], [7, "sus2"]],
      [[0, "add9"], [4, "min7"], [5, "maj7"], [5, "add9"]],
    ],
    pad: { attackSeconds: 2, releaseSeconds: 2.5, cutoffHz: 1100, saw: 0.35, sine: 0.8, register: [50, 72] },
    bass: "held",
    pulse: "none",
    kick: false,
    reverb: 0.4,
  },
  upbeat: {
    keys: [7, 9, 0],
    bpm: 112,
    beatsPerChord: 4,
    progressions: [
      [[0, "maj"], [7, "maj"], [9, "min"], [5, "maj"]],
      [[0, "add9"], [5, "maj"], [9, "min7"], [7, "maj"]],
    ],
    pad: { attackSeconds: 0.3, releaseSeconds: 0.8, cutoffHz: 2600, saw: 0.6, sine: 0.45, register: [55, 76] },
    bass: "quarters",
    pulse: "eighths",
    kick: true,
    reverb: 0.2,
  },
  serious: {
    keys: [2, 4, 9],
    bpm: 70,
    beatsPerChord: 8,
    progressions: [
      [[0, "min"], [8, "maj"], [3, "maj"], [10, "maj"]],
      [[0, "madd9"], [5, "min7"], [8, "maj7"], [7, "sus4"]],
    ],
    pad: { attackSeconds: 1.5, releaseSeconds: 2, cutoffHz: 1300, saw: 0.5, sine: 0.6, register: [50, 72] },
    bass: "held",
    pulse: "none",
    kick: false,
    reverb: 0.35,
  },
  inspiring: {
    keys: [4, 2, 7],
    bpm: 92,
    beatsPerChord: 4,
    progressions: [
      [[9, "min"], [5, "maj"], [0, "maj"], [7, "maj"]],
      [[0, "add9"], [7, "maj"], [9, "min7"], [5, "maj7"]],
    ],
    pad: { attackSeconds: 0.6, releaseSeconds: 1.5, cutoffHz: 2200, saw: 0.6, sine: 0.5, register: [54, 76] },
    bass: "halves",
    pulse: "quarters",
    kick: false,
    reverb: 0.35,
  },
  dramatic: {
    keys: [0, 2, 5],
    bpm: 68,
    beatsPerChord: 4,
    progressions: [
      [[0, "min"], [8, "maj"], [3, "maj"], [7, "maj"]],
      [[0, "min"], [5, "min"], [8, "maj"], [7, "sus4"]],
    ],
    pad: { attackSeconds: 1, releaseSeconds: 1.8, cutoffHz: 1500, saw: 0.7, sine: 0.5, register: [45, 69] },
    bass: "held",
    pulse: "none",
    kick: false,
    reverb: 0.45,
  },
  playful: {
    keys: [5, 0, 9],
    bpm: 120,
    beatsPerChord: 4,
    progressions: [
      [[0, "maj"], [9, "min"], [2, "min7"], [7, "dom7"]],
      [[0, "maj"], [5, "maj"], [7, "maj"], [5, "maj"]],
    ],
    pad: { attackSeconds: 0.15, releaseSeconds: 0.6, cutoffHz: 2400, saw: 0.45, sine: 0.55, register: [55, 76] },
    bass: "bounce",
    pulse: "skip",
    kick: false,
    reverb: 0.2,
  },
};
