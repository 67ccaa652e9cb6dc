import type { Storyboard } from "../src/schema/storyboard.js";

export interface SceneWindow {
  /** First frame the scene is drawn: it fades in over the tail of the scene before. */
  from: number;
  durationInFrames: number;
  /** Frames at the start of the window spent fading in over the previous scene. */
  fadeInFrames: number;
  /** Frames at the end of the window during which the next scene fades in on top. */
  fadeOutFrames: number;
}

/**
 * Where each scene sits on the timeline. Scene i starts its fade transitionFrames before its
 * startFrame, so the timeline stays exactly as long as the storyboard.
 */
export function sceneWindows(board: Pick<Storyboard, "scenes" | "transitionFrames">): SceneWindow[] {
  const fades = board.scenes.map((_, i) =>
    i === 0 ? 0 : Math.min(board.transitionFrames, board.scenes[i - 1]!.durationInFrames),
  );
  return board.scenes.map((scene, i) => ({
    from: scene.startFrame - fades[i]!,
    durationInFrames: scene.durationInFrames + fades[i]!,
    fadeInFrames: fades[i]!,
    fadeOutFrames: fades[i + 1] ?? 0,
  }));
}
