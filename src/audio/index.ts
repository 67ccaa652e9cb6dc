export { measureLoudness, integratedLoudness, type Loudness } from "./measure-loudness.js";
export { synthesizeBed, BED_LOUDNESS_LUFS, type SynthesizeBedOptions } from "./synthesize-bed.js";
export { BED_STYLES, type BedStyle } from "./bed-styles.js";
export { loadMusic, type LoadMusicOptions } from "./load-music.js";
export { decodeAudioFile, type DecodeAudioOptions } from "./decode-audio-file.js";
export {
  mixSoundtrack,
  BED_LEVEL_LU,
  DUCK_DEPTH_DB,
  TRUE_PEAK_MARGIN_DB,
  type MixSoundtrackOptions,
  type MusicPlan,
  type Soundtrack,
  type SoundtrackPlan,
} from "./mix-soundtrack.js";
export { muxSoundtrack, type MuxSoundtrackOptions } from "./mux-soundtrack.js";
export { duckingGain, type DuckingOptions } from "./ducking-gain.js";
export { fitBed, type FitBedOptions } from "./fit-bed.js";
export { limitTruePeak, type LimitTruePeakOptions } from "./limit-true-peak.js";
export { resample } from "./resample.js";
export { truePeak } from "./true-peak.js";
export { decodeWav, encodeWav, durationMs, type PcmAudio } from "./wav.js";
