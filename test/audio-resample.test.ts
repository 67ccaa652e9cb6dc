import { describe, expect, it } from "vitest";
import { resample } from "../src/audio/resample.js";

function sine(hz: number, rate: number, seconds: number): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * rate) }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / rate));
}

/** Error power relative to the signal's, in dB, away from the edges. */
function errorDb(actual: Float32Array, expected: (i: number) => number): number {
  let error = 0;
  let signal = 0;
  for (let i = 1000; i < actual.length - 1000; i += 1) {
    error += (actual[i]! - expected(i)) ** 2;
    signal += expected(i) ** 2;
  }
  return 10 * Math.log10(error / signal);
}

describe("resample", () => {
  it.each([
    [22050, 48000, 1000],
    [24000, 48000, 5000],
    [44100, 48000, 12000],
    [96000, 48000, 3000],
  ])("turns a sine at %i Hz into the same sine at %i Hz (%i Hz tone) with error under −80 dB", (from, to, hz) => {
    const out = resample({ sampleRate: from, channels: [sine(hz, from, 2)] }, to);
    expect(out.sampleRate).toBe(to);
    expect(out.channels[0]!.length).toBe(2 * to);
    expect(errorDb(out.channels[0]!, (i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / to))).toBeLessThan(-80);
  });

  it("removes what the lower rate cannot hold instead of folding it back", () => {
    // 20 kHz at 48 kHz does not exist at 22.05 kHz; it must vanish, not alias to 2.05 kHz.
    const out = resample({ sampleRate: 48000, channels: [sine(20000, 48000, 1)] }, 22050).channels[0]!;
    let power = 0;
    for (let i = 500; i < out.length - 500; i += 1) power += out[i]! ** 2;
    expect(10 * Math.log10(power / (out.length - 1000) / 0.125)).toBeLessThan(-60);
  });

  it("keeps every channel and returns a copy when the rate already matches", () => {
    const left = sine(440, 48000, 0.1);
    const same = resample({ sampleRate: 48000, channels: [left, left] }, 48000);
    expect(same.channels).toHaveLength(2);
    expect(same.channels[0]).toEqual(left);
    expect(same.channels[0]).not.toBe(left);
  });
});
