import type { Aspect, Storyboard } from "../schema/storyboard.js";
import { OUTPUT_SIZES } from "./layout.js";

/**
 * The same storyboard drawn at another aspect: only `output` changes. Scenes, timing, media and
 * voice stay; the composition lays text and crops out from the output size, so captions re-flow
 * by themselves. A storyboard drawn at a fraction of the standard size keeps that fraction. Pure.
 */
export function retargetStoryboard(board: Storyboard, aspect: Aspect): Storyboard {
  if (aspect === board.output.aspect) return board;
  const scale = board.output.width / OUTPUT_SIZES[board.output.aspect].width;
  const size = OUTPUT_SIZES[aspect];
  return { ...board, output: { ...board.output, aspect, width: even(size.width * scale), height: even(size.height * scale) } };
}

/** H.264 in yuv420p needs even sides. */
function even(value: number): number {
  return Math.max(2, Math.round(value / 2) * 2);
}
