import { CHORD_INTERVALS, type Chord } from "./bed-styles.js";

function closeVoicings(pitchClasses: readonly number[], low: number, high: number): number[][] {
  const out: number[][] = [];
  for (let inversion = 0; inversion < pitchClasses.length; inversion += 1) {
    const order = [...pitchClasses.slice(inversion), ...pitchClasses.slice(0, inversion)];
    for (let base = low; base < low + 12; base += 1) {
      if ((base - order[0]! + 120) % 12 !== 0) continue;
      const notes = [base];
      for (const pc of order.slice(1)) {
        let note = notes[notes.length - 1]! + 1;
        while ((note - pc + 120) % 12 !== 0) note += 1;
        notes.push(note);
      }
      for (let shift = 0; notes[notes.length - 1]! + shift <= high; shift += 12) out.push(notes.map((n) => n + shift));
    }
  }
  return out;
}

/**
 * MIDI notes for each chord of a progression, in close position inside `register`, each chord
 * voiced to move as little as possible from the one before (smooth voice leading is most of what
 * makes a pad progression sound like music rather than blocks of tones).
 */
export function voiceChords(chords: readonly Chord[], tonic: number, register: readonly [number, number], startNear: number): number[][] {
  const voiced: number[][] = [];
  let previous: number[] | null = null;
  for (const [root, quality] of chords) {
    const pcs = [...new Set(CHORD_INTERVALS[quality].map((i) => (tonic + root + i) % 12))];
    const candidates = closeVoicings(pcs, register[0], register[1]);
    let best = candidates[0]!;
    let bestCost = Infinity;
    for (const candidate of candidates) {
      const cost = previous
        ? candidate.reduce((sum, note, i) => sum + Math.abs(note - (previous![i] ?? previous![previous!.length - 1]!)), 0)
        : Math.abs(candidate[0]! - startNear);
      if (cost < bestCost) {
        best = candidate;
        bestCost = cost;
      }
    }
    voiced.push(best);
    previous = best;
  }
  return voiced;
}

export function midiToHz(note: number): number {
  return 440 * 2 ** ((note - 69) / 12);
}
