import { describe, expect, it } from "vitest";
import { fitBed } from "../src/audio/fit-bed.js";
import { seededRandom } from "../src/audio/seeded-random.js";
import type { PcmAudio } from "../src/audio/wav.js";

const RATE = 48000;

function noiseBed(seconds: number): PcmAudio {
  const random = seededRandom(9);
  const channel = () => Float32Array.from({ length: seconds * RATE }, () => 0.2 * (2 * random() - 1));
  return { sampleRate: RATE, channels: [channel(), channel()] };
}

function rmsDb(samples: Float32Array, from: number, to: number): number {
  let power = 0;
  for (let i = Math.round(from * RATE); i < Math.round(to * RATE); i += 1) power += samples[i]! ** 2;
  return 10 * Math.log10(power / ((to - from) * RATE));
}

describe("fitBed", () => {
  it("loops a short bed to the length asked, with no dip or bump where the repeats overlap", () => {
    const bed = noiseBed(3);
    const out = fitBed(bed, 20 * RATE);
    expect(out.channels[0]!.length).toBe(20 * RATE);
    const steady = rmsDb(bed.channels[0]!, 0, 3);
    // Every 100 ms between the fades, the level stays within 1 dB of the source's.
    for (let t = 1.5; t < 17.4; t += 0.1) expect(Math.abs(rmsDb(out.channels[0]!, t, t + 0.1) - steady), `at ${t.toFixed(1)} s`).toBeLessThan(1);
  });

  it("trims a long bed to the length asked", () => {
    const bed = noiseBed(10);
    const out = fitBed(bed, 6 * RATE);
    expect(out.channels[1]!.length).toBe(6 * RATE);
    expect(out.channels[1]![3 * RATE]).toBe(bed.channels[1]![3 * RATE]);
  });

  it("fades in over 1.5 s and out over 2.5 s, silent at both ends", () => {
    const out = fitBed(noiseBed(10), 10 * RATE);
    const steady = rmsDb(out.channels[0]!, 4, 6);
    expect(out.channels[0]![0]).toBe(0);
    expect(rmsDb(out.channels[0]!, 0, 0.1) - steady).toBeLessThan(-30);
    expect(rmsDb(out.channels[0]!, 0.7, 0.8) - steady).toBeGreaterThan(-6);
    expect(rmsDb(out.channels[0]!, 0.7, 0.8) - steady).toBeLessThan(-1);
    expect(rmsDb(out.channels[0]!, 1.5, 2)).toBeCloseTo(steady, 0);
    expect(rmsDb(out.channels[0]!, 9.9, 10) - steady).toBeLessThan(-30);
    expect(rmsDb(out.channels[0]!, 8.5, 8.75) - steady).toBeLessThan(-2);
    expect(rmsDb(out.channels[0]!, 8.5, 8.75) - steady).toBeGreaterThan(-8);
  });

  it("shortens both fades together when the video is shorter than the two", () => {
    const out = fitBed(noiseBed(3), 2 * RATE);
    const middle = rmsDb(out.channels[0]!, 0.7, 0.8);
    expect(middle).toBeGreaterThan(rmsDb(out.channels[0]!, 0, 0.1) + 20);
    expect(middle).toBeGreaterThan(rmsDb(out.channels[0]!, 1.9, 2) + 20);
  });
});
