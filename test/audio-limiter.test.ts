import { describe, expect, it } from "vitest";
import { limitTruePeak } from "../src/audio/limit-true-peak.js";
import { measureLoudness } from "../src/audio/measure-loudness.js";
import { seededRandom } from "../src/audio/seeded-random.js";
import type { PcmAudio } from "../src/audio/wav.js";

const RATE = 48000;

/** Quiet noise with loud 12 kHz bursts whose samples miss their crests (true peak 3 dB over sample peak). */
function peaky(): PcmAudio {
  const random = seededRandom(3);
  const left = new Float32Array(4 * RATE);
  for (let i = 0; i < left.length; i += 1) left[i] = 0.05 * (2 * random() - 1);
  for (const at of [1, 2.5]) {
    for (let i = 0; i < 0.05 * RATE; i += 1) {
      const edge = Math.min(1, i / 240, (0.05 * RATE - i) / 240);
      left[at * RATE + i]! += 0.9 * edge * Math.sin((2 * Math.PI * 12000 * i) / RATE + Math.PI / 4);
    }
  }
  return { sampleRate: RATE, channels: [left, left.map((v) => v * 0.5)] };
}

describe("limitTruePeak", () => {
  it("holds inter-sample peaks under the ceiling, measured 4× oversampled", () => {
    const input = peaky();
    expect(measureLoudness(input).truePeakDb).toBeGreaterThan(-1);
    const out = limitTruePeak(input, -3);
    expect(measureLoudness(out).truePeakDb).toBeLessThanOrEqual(-3 + 1e-6);
    expect(measureLoudness(out).truePeakDb).toBeGreaterThan(-3.5);
  });

  it("touches nothing away from the peaks", () => {
    const input = peaky();
    const out = limitTruePeak(input, -3);
    // 300 ms before a burst the gain has not started to fall; 500 ms after one it is within
    // 1 % of 1, and 1.3 s after, exactly 1 again.
    for (const t of [0.7, 2.2, 2.35]) expect(out.channels[0]![t * RATE]).toBe(input.channels[0]![t * RATE]);
    expect(out.channels[0]![1.55 * RATE]! / input.channels[0]![1.55 * RATE]!).toBeGreaterThan(0.99);
  });

  it("applies the same gain to both channels, so the stereo image stays put", () => {
    const input = peaky();
    const out = limitTruePeak(input, -3);
    const at = Math.round(1.025 * RATE);
    expect(out.channels[1]![at]! / input.channels[1]![at]!).toBeCloseTo(out.channels[0]![at]! / input.channels[0]![at]!, 5);
  });

  it("returns audio already under the ceiling unchanged", () => {
    const input = peaky();
    const quiet = { sampleRate: RATE, channels: input.channels.map((c) => c.map((v) => v * 0.3)) };
    expect(limitTruePeak(quiet, -1).channels).toEqual(quiet.channels);
  });
});
