import type { Storyboard } from "../schema/storyboard.js";

/** The frame the poster is taken from: 1.5 s into the first scene, once its title is in. */
export function posterFrame(board: Storyboard): number {
  const first = board.scenes[0]!;
  return first.startFrame + Math.min(first.durationInFrames - 1, Math.round(board.output.fps * 1.5));
}
