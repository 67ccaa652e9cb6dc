import { sceneWindows } from "../../compositions/scene-windows.js";
import type { Storyboard } from "../../src/schema/storyboard.js";

export interface SceneDiff {
  scene: string;
  /** Frames of the scene compared. */
  frames: number;
  /** Of those, frames whose pixels differ between the two renders. */
  differing: number;
}

/**
 * Per scene, how many frames differ between two renders of the same timeline. A scene owns its
 * frames [startFrame, startFrame + duration); the edited scene also owns the frames where it fades
 * in over the scene before (those show it), so they are left out of that scene's count.
 */
export function sceneDiffs(board: Pick<Storyboard, "scenes" | "transitionFrames">, edited: number, a: readonly string[], b: readonly string[]): SceneDiff[] {
  const windows = sceneWindows(board);
  const editedFrom = windows[edited]?.from ?? Infinity;
  const editedEnd = editedFrom + (windows[edited]?.durationInFrames ?? 0);
  return board.scenes.map((scene, i) => {
    const from = i === edited ? editedFrom : scene.startFrame;
    const end = i === edited ? editedEnd : Math.min(scene.startFrame + scene.durationInFrames, i === edited - 1 ? editedFrom : Infinity);
    let frames = 0;
    let differing = 0;
    for (let f = from; f < end; f++) {
      frames += 1;
      if (a[f] === undefined || a[f] !== b[f]) differing += 1;
    }
    return { scene: scene.id, frames, differing };
  });
}
