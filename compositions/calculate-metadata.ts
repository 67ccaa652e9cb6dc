import type { CalculateMetadataFunction } from "remotion";
import { storyboardDurationInFrames } from "../src/schema/storyboard.js";
import type { ReelpressProps } from "./reelpress-props.js";

/** Size, frame rate and length all come from the storyboard the composition is given. */
export const calculateReelpressMetadata: CalculateMetadataFunction<ReelpressProps> = ({ props }) => {
  const { output } = props.storyboard;
  return {
    durationInFrames: storyboardDurationInFrames(props.storyboard),
    fps: output.fps,
    width: output.width,
    height: output.height,
  };
};
