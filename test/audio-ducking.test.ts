import { describe, expect, it } from "vitest";
import { duckingGain } from "../src/audio/ducking-gain.js";

const RATE = 48000;

/** A voice stand-in: 200 Hz buzz at about −20 dBFS RMS during each [from, to) second span. */
function speech(seconds: number, spans: [number, number][]): Float32Array {
  const out = new Float32Array(seconds * RATE);
  for (const [from, to] of spans) for (let i = from * RATE; i < to * RATE; i += 1) out[i] = 0.14 * Math.sin((2 * Math.PI * 200 * i) / RATE);
  return out;
}

const db = (gain: Float32Array, seconds: number) => 20 * Math.log10(gain[Math.round(seconds * RATE)]!);

describe("duckingGain", () => {
  const options = { thresholdDb: -45, depthDb: 12, attackMs: 80, releaseMs: 400 };

  it("leaves the bed alone when nobody speaks", () => {
    const gain = duckingGain(new Float32Array(3 * RATE), RATE, options);
    expect(gain.every((g) => g === 1)).toBe(true);
  });

  it("lowers the bed by the full depth while the voice speaks", () => {
    const gain = duckingGain(speech(8, [[2, 5]]), RATE, options);
    for (const t of [2.2, 3, 4, 4.9]) expect(db(gain, t)).toBeCloseTo(-12, 1);
    expect(db(gain, 1)).toBe(0);
    expect(db(gain, 7)).toBe(0);
  });

  it("starts the dip just before the first word, so the bed is already down when it starts", () => {
    const gain = duckingGain(speech(6, [[2, 4]]), RATE, options);
    expect(db(gain, 2)).toBeLessThan(-10);
    expect(db(gain, 1.95)).toBeLessThan(-3);
    // …but not long before: 150 ms ahead the bed is still at full level.
    expect(db(gain, 1.85)).toBeGreaterThan(-1);
  });

  it("comes back up over about the release time after the voice stops", () => {
    const gain = duckingGain(speech(8, [[2, 4]]), RATE, options);
    const end = 4 + 0.25; // after the hold
    expect(db(gain, end + 0.2)).toBeGreaterThan(-10);
    expect(db(gain, end + 0.2)).toBeLessThan(-2);
    expect(db(gain, end + 0.5)).toBeGreaterThan(-0.5);
  });

  it("stays down through a short pause between words", () => {
    const gain = duckingGain(speech(6, [[1, 2], [2.15, 3]]), RATE, options);
    expect(db(gain, 2.08)).toBeCloseTo(-12, 1);
  });

  it("moves smoothly: never more than 0.5 dB in a millisecond", () => {
    const gain = duckingGain(speech(10, [[1, 2.5], [3, 3.3], [6, 9]]), RATE, options);
    const perMs = RATE / 1000;
    let steepest = 0;
    for (let i = perMs; i < gain.length; i += perMs) steepest = Math.max(steepest, Math.abs(20 * Math.log10(gain[i]! / gain[i - perMs]!)));
    expect(steepest).toBeLessThan(0.5);
    expect(steepest).toBeGreaterThan(0.05);
  });

  it("ignores sound below the threshold (breaths, room tone)", () => {
    const quiet = speech(4, [[1, 3]]).map((v) => v * 0.001);
    expect(duckingGain(quiet, RATE, options).every((g) => g === 1)).toBe(true);
  });
});
