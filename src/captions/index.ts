export { alignWords, type TimeSpan, type WordAlignment } from "./align-words.js";
export { breakLines, countLines, lineWidth } from "./break-lines.js";
export { CAPTION_LOOKS, captionMetrics, type CaptionLook, type CaptionMetrics, type RunningCaptionStyle } from "./caption-looks.js";
export { captionUnits } from "./caption-units.js";
export { paginateAtoms, spokenWords, type PageRules } from "./paginate-atoms.js";
export { parseSubtitles, type ParsedSubtitles, type SubtitleFormat } from "./parse-subtitles.js";
export { breakKind, endsSentence, type BreakKind } from "./phrase-breaks.js";
export type { SubtitleCue } from "./subtitle-cue.js";
export { validateCues } from "./validate-cues.js";
