export interface DuckingOptions {
  /** How far the bed goes down while the voice speaks. @default 12 */
  depthDb?: number;
  /** Time to go all the way down. @default 80 */
  attackMs?: number;
  /** Time to come all the way back up. @default 400 */
  releaseMs?: number;
  /** The dip starts this long before the voice, so it is complete when the first word starts. @default 100 */
  lookAheadMs?: number;
  /** Pauses shorter than this (between words) keep the bed down. @default 250 */
  holdMs?: number;
  /** Voice level (RMS over 15 ms, dBFS) above which it counts as speaking. */
  thresholdDb: number;
}

export const DEFAULT_DUCKING = { depthDb: 12, attackMs: 80, releaseMs: 400, lookAheadMs: 100, holdMs: 250 } as const;
const HOP_SECONDS = 0.005;
/** A short moving average rounds the corners of the linear ramps. */
const SMOOTH_HOPS = 5;

/**
 * The gain (linear, one value per sample) a sidechain compressor keyed by `voice` applies to the
 * bed: 1 where the voice is silent, 10^(−depth/20) while it speaks, with ramps of attackMs down
 * and releaseMs up. Detection looks ahead, so the bed is down before the first word, and holds
 * through short pauses, so it does not pump between words.
 */
export function duckingGain(voice: Float32Array, sampleRate: number, options: DuckingOptions): Float32Array {
  const depth = options.depthDb ?? DEFAULT_DUCKING.depthDb;
  const hop = Math.max(1, Math.round(HOP_SECONDS * sampleRate));
  const hopMs = (hop / sampleRate) * 1000;
  const hops = Math.ceil(voice.length / hop);
  const gain = new Float32Array(voice.length).fill(1);
  if (hops === 0 || depth <= 0) return gain;
  // Speaking or not, per hop, from the RMS over the hop and its neighbours.
  const power = new Float64Array(hops);
  for (let h = 0; h < hops; h += 1) {
    let sum = 0;
    for (let i = h * hop, end = Math.min(voice.length, (h + 1) * hop); i < end; i += 1) sum += voice[i]! * voice[i]!;
    power[h] = sum / hop;
  }
  const threshold = 10 ** (options.thresholdDb / 10);
  const speaking = new Uint8Array(hops + 1);
  for (let h = 0; h < hops; h += 1) {
    const mean = ((power[h - 1] ?? 0) + power[h]! + (power[h + 1] ?? 0)) / 3;
    speaking[h] = mean > threshold ? 1 : 0;
  }
  // Widen each stretch of speech: look-ahead before it, hold after it (prefix sums over hops).
  const before = Math.round((options.lookAheadMs ?? DEFAULT_DUCKING.lookAheadMs) / hopMs);
  const after = Math.round((options.holdMs ?? DEFAULT_DUCKING.holdMs) / hopMs);
  const prefix = new Int32Array(hops + 1);
  for (let h = 0; h < hops; h += 1) prefix[h + 1] = prefix[h]! + speaking[h]!;
  const down = depth / Math.max(1, (options.attackMs ?? DEFAULT_DUCKING.attackMs) / hopMs);
  const up = depth / Math.max(1, (options.releaseMs ?? DEFAULT_DUCKING.releaseMs) / hopMs);
  const levelDb = new Float64Array(hops);
  let level = 0;
  for (let h = 0; h < hops; h += 1) {
    const active = prefix[Math.min(hops, h + before + 1)]! - prefix[Math.max(0, h - after)]! > 0;
    const target = active ? -depth : 0;
    level = target < level ? Math.max(target, level - down) : Math.min(target, level + up);
    levelDb[h] = level;
  }
  const smooth = new Float64Array(hops);
  const half = Math.floor(SMOOTH_HOPS / 2);
  for (let h = 0; h < hops; h += 1) {
    let sum = 0;
    for (let k = h - half; k <= h + half; k += 1) sum += levelDb[Math.min(hops - 1, Math.max(0, k))]!;
    smooth[h] = sum / SMOOTH_HOPS;
  }
  // Per sample: linear in dB between hop centres.
  for (let i = 0; i < voice.length; i += 1) {
    const pos = Math.max(0, Math.min(hops - 1, (i + 0.5) / hop - 0.5));
    const k = Math.floor(pos);
    const db = smooth[k]! + ((smooth[Math.min(hops - 1, k + 1)] ?? 0) - smooth[k]!) * (pos - k);
    if (db !== 0) gain[i] = 10 ** (db / 20);
  }
  return gain;
}
