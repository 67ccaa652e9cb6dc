import type { Biquad } from "./biquad.js";

/**
 * The two K-weighting stages of ITU-R BS.1770-4 (a high shelf of about +4 dB above 1.7 kHz, then a
 * 38 Hz high-pass), derived from their analogue prototypes for any sample rate. The recommendation
 * only lists coefficients for 48 kHz; these reproduce them there.
 */
export function kWeightingFilters(sampleRate: number): [shelf: Biquad, highPass: Biquad] {
  // Shelf: centre frequency, gain (dB) and Q of the prototype fitted to the 48 kHz coefficients.
  let f0 = 1681.974450955533;
  const gainDb = 3.999843853973347;
  let q = 0.7071752369554196;
  let k = Math.tan((Math.PI * f0) / sampleRate);
  const vh = 10 ** (gainDb / 20);
  const vb = vh ** 0.4996667741545416;
  let a0 = 1 + k / q + k * k;
  const shelf: Biquad = {
    b0: (vh + (vb * k) / q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = Math.tan((Math.PI * f0) / sampleRate);
  a0 = 1 + k / q + k * k;
  const highPass: Biquad = { b0: 1, b1: -2, b2: 1, a1: (2 * (k * k - 1)) / a0, a2: (1 - k / q + k * k) / a0 };
  return [shelf, highPass];
}
