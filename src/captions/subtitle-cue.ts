/** One numbered cue of an .srt or .vtt file; times in whole milliseconds from the start of the video. */
export interface SubtitleCue {
  index: number;
  startMs: number;
  endMs: number;
  lines: string[];
}
