/**
 * Short-time loudness of a mono signal: the RMS of `windowMs` windows every `hopMs`. Frame i
 * covers samples [i·hop, i·hop + window). Silence and speech are told apart on this track.
 */
export interface EnergyTrack {
  sampleRate: number;
  hop: number;
  window: number;
  rms: Float32Array;
  /** The loudest frame's RMS. */
  peak: number;
}

export const DEFAULT_WINDOW_MS = 10;
export const DEFAULT_HOP_MS = 5;
/** Quieter than this below the loudest frame counts as silence… */
export const SILENCE_BELOW_PEAK_DB = -40;
/** …and so does anything under this absolute level, whatever the peak (−60 dBFS). */
export const SILENCE_FLOOR_DB = -60;

export function energyTrack(samples: Float32Array, sampleRate: number, windowMs = DEFAULT_WINDOW_MS, hopMs = DEFAULT_HOP_MS): EnergyTrack {
  const window = Math.max(1, Math.round((sampleRate * windowMs) / 1000));
  const hop = Math.max(1, Math.round((sampleRate * hopMs) / 1000));
  const frames = samples.length === 0 ? 0 : Math.max(1, Math.ceil((samples.length - window) / hop) + 1);
  const rms = new Float32Array(frames);
  let peak = 0;
  for (let f = 0; f < frames; f += 1) {
    const from = f * hop;
    const to = Math.min(samples.length, from + window);
    let sum = 0;
    for (let i = from; i < to; i += 1) sum += samples[i]! * samples[i]!;
    const value = Math.sqrt(sum / Math.max(1, to - from));
    rms[f] = value;
    if (value > peak) peak = value;
  }
  return { sampleRate, hop, window, rms, peak };
}

/** The RMS level under which a frame of this track is silence. */
export function silenceLevel(track: EnergyTrack): number {
  return Math.max(track.peak * 10 ** (SILENCE_BELOW_PEAK_DB / 20), 10 ** (SILENCE_FLOOR_DB / 20));
}

export function frameStartMs(track: EnergyTrack, frame: number): number {
  return ((frame * track.hop) / track.sampleRate) * 1000;
}

export function frameCenterMs(track: EnergyTrack, frame: number): number {
  return ((frame * track.hop + track.window / 2) / track.sampleRate) * 1000;
}

/** The frame whose centre is nearest to a time. */
export function frameAt(track: EnergyTrack, ms: number): number {
  const frame = Math.round(((ms / 1000) * track.sampleRate - track.window / 2) / track.hop);
  return Math.max(0, Math.min(track.rms.length - 1, frame));
}
