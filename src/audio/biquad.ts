/** A second-order IIR section, normalised so that a0 = 1. */
export interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/** Filter state (transposed direct form II); carry it between calls to filter a stream in pieces. */
export interface BiquadState {
  s1: number;
  s2: number;
}

export function biquadState(): BiquadState {
  return { s1: 0, s2: 0 };
}

/**
 * Runs `input` through one biquad into `output` (which may be `input` itself). The state is kept
 * in doubles: the K-weighting high-pass sits at 38 Hz, where float state would drift at 192 kHz.
 */
export function filterBiquad(c: Biquad, input: Float32Array, output: Float32Array = new Float32Array(input.length), state: BiquadState = biquadState(), from = 0, to = input.length): Float32Array {
  const { b0, b1, b2, a1, a2 } = c;
  let { s1, s2 } = state;
  for (let i = from; i < to; i += 1) {
    const x = input[i]!;
    const y = b0 * x + s1;
    s1 = b1 * x - a1 * y + s2;
    s2 = b2 * x - a2 * y;
    output[i] = y;
  }
  state.s1 = s1;
  state.s2 = s2;
  return output;
}

/** RBJ cookbook low-pass. */
export function lowPassBiquad(sampleRate: number, cutoffHz: number, q = Math.SQRT1_2): Biquad {
  const w0 = (2 * Math.PI * Math.min(cutoffHz, sampleRate * 0.49)) / sampleRate;
  const cos = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  const a0 = 1 + alpha;
  return { b0: (1 - cos) / 2 / a0, b1: (1 - cos) / a0, b2: (1 - cos) / 2 / a0, a1: (-2 * cos) / a0, a2: (1 - alpha) / a0 };
}

/** RBJ cookbook high-pass. */
export function highPassBiquad(sampleRate: number, cutoffHz: number, q = Math.SQRT1_2): Biquad {
  const w0 = (2 * Math.PI * Math.min(cutoffHz, sampleRate * 0.49)) / sampleRate;
  const cos = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  const a0 = 1 + alpha;
  return { b0: (1 + cos) / 2 / a0, b1: -(1 + cos) / a0, b2: (1 + cos) / 2 / a0, a1: (-2 * cos) / a0, a2: (1 - alpha) / a0 };
}
