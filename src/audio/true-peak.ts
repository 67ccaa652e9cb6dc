/**
 * True peak per ITU-R BS.1770-4 Annex 2: the signal is oversampled 4× by a polyphase FIR
 * interpolator and the largest absolute value is taken. Phase 0 of the interpolator is the input
 * sample itself; phases 1–3 are windowed-sinc fractional delays of 2 × HALF_TAPS taps (cut-off at Nyquist).
 */

export const OVERSAMPLING = 4;
const HALF_TAPS = 12;
const KAISER_BETA = 6;

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 30; k += 1) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return sum;
}

/** Kaiser window over −half…half, 0 outside. */
export function kaiser(t: number, half: number, beta: number): number {
  const r = t / half;
  if (r <= -1 || r >= 1) return 0;
  return besselI0(beta * Math.sqrt(1 - r * r)) / besselI0(beta);
}

export function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

/**
 * PHASES[p − 1][j] weighs x[i − HALF_TAPS + 1 + j] for the value at i + p/4. Each phase is
 * normalised to unity gain at DC so a constant signal reads as itself.
 */
const PHASES: Float64Array[] = Array.from({ length: OVERSAMPLING - 1 }, (_, index) => {
  const frac = (index + 1) / OVERSAMPLING;
  const taps = new Float64Array(2 * HALF_TAPS);
  let sum = 0;
  for (let j = 0; j < taps.length; j += 1) {
    const t = j - HALF_TAPS + 1 - frac;
    taps[j] = sinc(t) * kaiser(t, HALF_TAPS, KAISER_BETA);
    sum += taps[j]!;
  }
  for (let j = 0; j < taps.length; j += 1) taps[j]! /= sum;
  return taps;
});

/**
 * A point between samples is only interpolated when a sample near it (the block of SKIP_BLOCK
 * samples it falls in, or the next one) is within SKIP_RATIO (6 dB) of the level of interest:
 * overshoot beyond that between samples all 6 dB down needs full-scale content near Nyquist,
 * which speech and music do not have. It skips all but the loudest few per cent of a mix.
 */
const SKIP_RATIO = 2;
const SKIP_BLOCK = 8;

/**
 * For each sample i, the largest absolute value of the 4×-oversampled signal on [i, i + 1): the
 * sample itself and the three interpolated points after it. Where the signal nearby stays
 * 6 dB under `floor`, the sample's own magnitude is given instead (it is then below `floor`
 * either way).
 */
export function truePeakEnvelope(samples: Float32Array, floor = 0): Float32Array {
  const n = samples.length;
  const out = new Float32Array(n);
  const span = 2 * HALF_TAPS;
  // Zero-padded copy so the inner loop needs no bounds checks.
  const padded = new Float32Array(n + span);
  padded.set(samples, HALF_TAPS - 1);
  const [p1, p2, p3] = PHASES as [Float64Array, Float64Array, Float64Array];
  const near = floor / SKIP_RATIO;
  const blocks = new Float32Array(Math.ceil(n / SKIP_BLOCK) + 2);
  for (let i = 0; i < n; i += 1) {
    const v = samples[i]! < 0 ? -samples[i]! : samples[i]!;
    out[i] = v;
    const b = (i / SKIP_BLOCK) | 0;
    if (v > blocks[b]!) blocks[b] = v;
  }
  for (let i = 0; i < n; i += 1) {
    if (near > 0) {
      const b = (i / SKIP_BLOCK) | 0;
      // i − 3 … i + 4 lies in blocks b − 1 … b + 1 whatever i's place in its block.
      if (blocks[b]! < near && blocks[b + 1]! < near && (b === 0 || blocks[b - 1]! < near)) continue;
    }
    let y1 = 0;
    let y2 = 0;
    let y3 = 0;
    for (let j = 0; j < span; j += 1) {
      const x = padded[i + j]!;
      y1 += p1[j]! * x;
      y2 += p2[j]! * x;
      y3 += p3[j]! * x;
    }
    let peak = out[i]!;
    if (y1 < 0) y1 = -y1;
    if (y2 < 0) y2 = -y2;
    if (y3 < 0) y3 = -y3;
    if (y1 > peak) peak = y1;
    if (y2 > peak) peak = y2;
    if (y3 > peak) peak = y3;
    out[i] = peak;
  }
  return out;
}

/** The largest absolute value of the 4×-oversampled channels, linear (1 = 0 dBTP). */
export function truePeak(channels: readonly Float32Array[]): number {
  let samplePeak = 0;
  for (const channel of channels) {
    for (let i = 0; i < channel.length; i += 1) {
      const v = channel[i]! < 0 ? -channel[i]! : channel[i]!;
      if (v > samplePeak) samplePeak = v;
    }
  }
  let peak = samplePeak;
  for (const channel of channels) {
    const envelope = truePeakEnvelope(channel, samplePeak);
    for (let i = 0; i < envelope.length; i += 1) if (envelope[i]! > peak) peak = envelope[i]!;
  }
  return peak;
}

export function linearToDb(value: number): number {
  return value > 0 ? 20 * Math.log10(value) : -Infinity;
}

export function dbToLinear(db: number): number {
  return 10 ** (db / 20);
}
