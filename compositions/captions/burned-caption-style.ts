import type { RunningCaptionStyle } from "../../src/captions/caption-looks.js";
import type { Storyboard } from "../../src/schema/storyboard.js";

/** The caption style drawn into the picture, or null when none is ("headline", or burn off). */
export function burnedCaptionStyle(captions: Storyboard["captions"]): RunningCaptionStyle | null {
  return captions.burn && captions.style !== "headline" ? captions.style : null;
}
