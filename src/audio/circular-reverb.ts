/** Freeverb's tunings at 44.1 kHz (comb and all-pass delays in samples), scaled to the rate used. */
const COMBS = [1116, 1277, 1422, 1557];
const ALLPASS_LEFT = [556, 441];
const ALLPASS_RIGHT = [579, 464];
const FEEDBACK = 0.8;
const DAMPING = 0.3;
const ALLPASS_GAIN = 0.5;
/** The tail has fallen below −60 dB well within this; it is also how far the reverb is pre-rolled. */
const WARM_UP_SECONDS = 2.5;

/**
 * Adds a small Schroeder/Freeverb-style room to `left`/`right`, fed by the mono `send`. The
 * buffer is treated as a loop: the reverb first runs over the end of the send so that its tail
 * wraps into the start, which keeps the result seamless when the buffer is played on repeat.
 */
export function addCircularReverb(send: Float32Array, left: Float32Array, right: Float32Array, sampleRate: number, wet: number): void {
  const frames = send.length;
  if (frames === 0 || wet <= 0) return;
  const scale = sampleRate / 44100;
  const combs = COMBS.map((n) => ({ buf: new Float32Array(Math.max(1, Math.round(n * scale))), at: 0, store: 0 }));
  const allpass = (lengths: number[]) => lengths.map((n) => ({ buf: new Float32Array(Math.max(1, Math.round(n * scale))), at: 0 }));
  const apLeft = allpass(ALLPASS_LEFT);
  const apRight = allpass(ALLPASS_RIGHT);
  const gain = wet * 0.2;
  const warmUp = Math.round(WARM_UP_SECONDS * sampleRate);
  for (let k = -warmUp; k < frames; k += 1) {
    const index = ((k % frames) + frames) % frames;
    const input = send[index]!;
    let sum = 0;
    for (const comb of combs) {
      const y = comb.buf[comb.at]!;
      comb.store = y * (1 - DAMPING) + comb.store * DAMPING;
      comb.buf[comb.at] = input + comb.store * FEEDBACK;
      comb.at = comb.at + 1 === comb.buf.length ? 0 : comb.at + 1;
      sum += y;
    }
    let l = sum;
    for (const ap of apLeft) {
      const y = ap.buf[ap.at]!;
      ap.buf[ap.at] = l + y * ALLPASS_GAIN;
      ap.at = ap.at + 1 === ap.buf.length ? 0 : ap.at + 1;
      l = y - l;
    }
    let r = sum;
    for (const ap of apRight) {
      const y = ap.buf[ap.at]!;
      ap.buf[ap.at] = r + y * ALLPASS_GAIN;
      ap.at = ap.at + 1 === ap.buf.length ? 0 : ap.at + 1;
      r = y - r;
    }
    if (k >= 0) {
      left[index]! += l * gain;
      right[index]! += r * gain;
    }
  }
}
