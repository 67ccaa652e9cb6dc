/** Oscillator tables: one cycle, TABLE_SIZE points plus a guard point for interpolation. */
export const TABLE_SIZE = 4096;

export function sineTable(): Float32Array {
  const table = new Float32Array(TABLE_SIZE + 1);
  for (let i = 0; i <= TABLE_SIZE; i += 1) table[i] = Math.sin((2 * Math.PI * i) / TABLE_SIZE);
  return table;
}

/**
 * A band-limited sawtooth with `harmonics` partials, softened by Lanczos sigma factors so it has
 * no Gibbs ringing; peak-normalised to 1. Limiting the partials to below Nyquist for the highest
 * note it plays keeps the saw free of aliasing.
 */
export function sawTable(harmonics: number): Float32Array {
  const table = new Float32Array(TABLE_SIZE + 1);
  const count = Math.max(1, Math.floor(harmonics));
  for (let h = 1; h <= count; h += 1) {
    const sigma = h === 1 ? 1 : Math.sin((Math.PI * h) / (count + 1)) / ((Math.PI * h) / (count + 1));
    const gain = sigma / h;
    for (let i = 0; i <= TABLE_SIZE; i += 1) table[i]! += gain * Math.sin((2 * Math.PI * h * i) / TABLE_SIZE);
  }
  let peak = 0;
  for (const v of table) peak = Math.max(peak, Math.abs(v));
  for (let i = 0; i <= TABLE_SIZE; i += 1) table[i]! /= peak;
  return table;
}

const CURVE_STEPS = 1024;

/**
 * A raised-cosine rise from 0 to 1 in CURVE_STEPS steps (plus a guard point): its slope is zero
 * at both ends, so envelopes built from it start and stop without clicks.
 */
export function riseCurve(): Float32Array {
  const curve = new Float32Array(CURVE_STEPS + 2);
  for (let i = 0; i <= CURVE_STEPS + 1; i += 1) curve[i] = 0.5 - 0.5 * Math.cos((Math.PI * Math.min(i, CURVE_STEPS)) / CURVE_STEPS);
  return curve;
}
