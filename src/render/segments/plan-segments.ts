import { sceneWindows } from "../../../compositions/scene-windows.js";
import type { Storyboard } from "../../schema/storyboard.js";
import type { SegmentRange } from "./segment-backend.js";

export interface PlannedSegment extends SegmentRange {
  /** "scene": frames only one scene draws; "transition": frames where the next scene comes in over it. */
  kind: "scene" | "transition";
  /** Indexes of the scenes drawn in these frames (one, or two for a transition). */
  scenes: number[];
}

/**
 * Cuts the timeline into segments at every transition's start and end, so that a scene's own
 * frames and each transition are separate pieces of work: an edit to one scene's text re-renders
 * that scene and the transitions beside it, and nothing else. Segments cover the timeline once, in order.
 */
export function planSegments(board: Pick<Storyboard, "scenes" | "transitionFrames">): PlannedSegment[] {
  const windows = sceneWindows(board);
  const segments: PlannedSegment[] = [];
  windows.forEach((window, i) => {
    const bodyFrom = window.from + window.fadeInFrames;
    const bodyTo = window.from + window.durationInFrames - window.fadeOutFrames;
    if (bodyTo > bodyFrom) segments.push({ kind: "scene", scenes: [i], from: bodyFrom, to: bodyTo });
    if (window.fadeOutFrames > 0) segments.push({ kind: "transition", scenes: [i, i + 1], from: bodyTo, to: bodyTo + window.fadeOutFrames });
  });
  return segments;
}
