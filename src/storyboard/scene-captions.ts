import type { Storyboard, StoryboardScene } from "../schema/storyboard.js";
import { timeCaptions, type CaptionPage } from "./caption-pages.js";
import { frameLayout } from "./layout.js";

/** Captions start a beat after the scene's fade-in and end a beat before it hands over. */
const LEAD_IN_MS = 250;
const TAIL_MS = 150;

export function frameToMs(frame: number, fps: number): number {
  return (frame * 1000) / fps;
}

/** The caption pages of one scene, in milliseconds from the start of the video. */
export function sceneCaptions(board: Pick<Storyboard, "output">, scene: StoryboardScene): CaptionPage[] {
  if (!scene.narration.trim()) return [];
  const { width, height, fps } = board.output;
  const layout = frameLayout(width, height);
  const sceneStart = frameToMs(scene.startFrame, fps);
  const sceneEnd = frameToMs(scene.startFrame + scene.durationInFrames, fps);
  const lead = Math.min(LEAD_IN_MS, (sceneEnd - sceneStart) / 4);
  const tail = Math.min(TAIL_MS, (sceneEnd - sceneStart) / 4);
  return timeCaptions(scene.narration, {
    startMs: Math.round(sceneStart + lead),
    endMs: Math.round(sceneEnd - tail),
    maxCharsPerLine: layout.maxCharsPerLine,
    maxLines: layout.maxLines,
  });
}

/** Every caption page of the video, in order. */
export function storyboardCaptions(board: Pick<Storyboard, "output" | "scenes">): CaptionPage[] {
  return board.scenes.flatMap((scene) => sceneCaptions(board, scene));
}
