import { captionMetrics, type RunningCaptionStyle } from "../captions/caption-looks.js";
import type { Storyboard, StoryboardScene } from "../schema/storyboard.js";
import { timeCaptions, timeCaptionsToVoice, type CaptionPage } from "./caption-pages.js";
import { frameLayout } from "./layout.js";

/** Captions end a beat before the scene hands over; without a voice they also start a beat after its fade-in. */
const LEAD_IN_MS = 250;
const TAIL_MS = 150;

export function frameToMs(frame: number, fps: number): number {
  return (frame * 1000) / fps;
}

export interface SceneCaptionOptions {
  /** How the pages are cut: short highlight pages or two-line subtitles. @default "subtitles" */
  style?: RunningCaptionStyle;
}

/**
 * The caption pages of one scene, in milliseconds from the start of the video. A voiced scene's
 * pages follow its voice's words (and its spoken text); otherwise they are timed by reading speed.
 */
export function sceneCaptions(
  board: Pick<Storyboard, "output"> & Partial<Pick<Storyboard, "meta" | "theme">>,
  scene: StoryboardScene,
  options: SceneCaptionOptions = {},
): CaptionPage[] {
  const { width, height, fps } = board.output;
  const metrics = captionMetrics(frameLayout(width, height, board.theme ? { ...board.theme, captions: true } : {}), options.style ?? "subtitles");
  const layout = { maxCharsPerLine: metrics.maxCharsPerLine, maxLines: metrics.maxLines, words: metrics.words, lang: board.meta?.lang ?? "en" };
  const sceneStart = frameToMs(scene.startFrame, fps);
  const sceneEnd = frameToMs(scene.startFrame + scene.durationInFrames, fps);
  const tail = Math.min(TAIL_MS, (sceneEnd - sceneStart) / 4);
  const voice = scene.voice;
  if (voice && voice.text.trim()) {
    // The last page stays up to the scene's tail, also when the scene outlasts its voice.
    return timeCaptionsToVoice(voice.text, voice.words, {
      ...layout,
      voiceStartMs: sceneStart + voice.offsetMs,
      voiceDurationMs: voice.durationMs,
      endMs: Math.round(sceneEnd - tail),
    });
  }
  if (!scene.narration.trim()) return [];
  const lead = Math.min(LEAD_IN_MS, (sceneEnd - sceneStart) / 4);
  return timeCaptions(scene.narration, { ...layout, startMs: Math.round(sceneStart + lead), endMs: Math.round(sceneEnd - tail) });
}

/**
 * Every caption page of the video, in order, cut as two-line subtitles whatever the burned-in
 * style: this is what the .srt and .vtt files hold.
 */
export function storyboardCaptions(board: Pick<Storyboard, "output" | "scenes"> & Partial<Pick<Storyboard, "meta">>): CaptionPage[] {
  return board.scenes.flatMap((scene) => sceneCaptions(board, scene));
}
