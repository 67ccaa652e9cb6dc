import type { CalculateMetadataFunction } from "remotion";
import { storyboardDurationInFrames } from "../../src/schema/storyboard.js";
import type { OverlayStatesProps } from "./overlay-states-props.js";

/**
 * A page per frame, at the storyboard's frame rate. The composition lasts at least as long as the
 * video, because Remotion clamps every frame it draws (a frozen one too) to the composition.
 */
export function overlayMetadata(props: OverlayStatesProps): { durationInFrames: number; fps: number; width: number; height: number } {
  return {
    durationInFrames: Math.max(1, props.pages.length, storyboardDurationInFrames(props.storyboard)),
    fps: props.storyboard.output.fps,
    width: props.pageWidth,
    height: props.pageHeight,
  };
}

export const calculateOverlayMetadata: CalculateMetadataFunction<OverlayStatesProps> = ({ props }) => overlayMetadata(props);
