import { Composition } from "remotion";
import sampleStoryboard from "../samples/storyboard.json" with { type: "json" };
import { StoryboardSchema } from "../src/schema/storyboard.js";
import { calculateReelpressMetadata } from "./calculate-metadata.js";
import { Reelpress } from "./Reelpress.js";
import { COMPOSITION_ID, ReelpressPropsSchema, type ReelpressProps } from "./reelpress-props.js";

// The sample uses generated visuals only, so Studio needs no media files to open it.
const defaultProps: ReelpressProps = { storyboard: StoryboardSchema.parse(sampleStoryboard), assets: {} };

export function Root() {
  return (
    <Composition
      id={COMPOSITION_ID}
      component={Reelpress}
      schema={ReelpressPropsSchema}
      defaultProps={defaultProps}
      calculateMetadata={calculateReelpressMetadata}
    />
  );
}
