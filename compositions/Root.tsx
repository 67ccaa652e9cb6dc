import { Composition } from "remotion";
import sampleBrand from "../samples/brand/brand.json" with { type: "json" };
import sampleLogo from "../samples/brand/logo.svg";
import sampleStoryboard from "../samples/storyboard.json" with { type: "json" };
import { StoryboardSchema } from "../src/schema/storyboard.js";
import { BrandSchema } from "../src/schema/template.js";
import { calculateReelpressMetadata } from "./calculate-metadata.js";
import { calculateOverlayMetadata } from "./overlay/calculate-overlay-metadata.js";
import { OverlayStates } from "./overlay/OverlayStates.js";
import { OVERLAY_STATES_COMPOSITION_ID, OverlayStatesPropsSchema } from "./overlay/overlay-states-props.js";
import { Reelpress } from "./Reelpress.js";
import { COMPOSITION_ID, ReelpressPropsSchema, type ReelpressProps } from "./reelpress-props.js";
import { TemplateError } from "./TemplateError.js";
import { templateJsonFiles } from "./template-modules.js";
import { templateSampleProps } from "./template-sample-props.js";

// The sample uses generated visuals only, so Studio needs no media files to open it.
const sample = StoryboardSchema.parse(sampleStoryboard);
const defaultProps: ReelpressProps = { storyboard: sample, assets: {} };

// The sample brand kit shows where each template puts a logo; its logo is served by the bundle.
const LOGO_KEY = "samples/brand/logo.svg";
const brand = { ...BrandSchema.parse(sampleBrand), logo: LOGO_KEY };

/** The full video with the default look, then one composition per template (Template-<name>). */
export function Root() {
  const templates = [...templateJsonFiles()].sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <Composition
        id={COMPOSITION_ID}
        component={Reelpress}
        schema={ReelpressPropsSchema}
        defaultProps={defaultProps}
        calculateMetadata={calculateReelpressMetadata}
      />
      <Composition
        id={OVERLAY_STATES_COMPOSITION_ID}
        component={OverlayStates}
        schema={OverlayStatesPropsSchema}
        defaultProps={{ storyboard: sample, assets: {}, pageWidth: sample.output.width, pageHeight: sample.output.height, pages: [] }}
        calculateMetadata={calculateOverlayMetadata}
      />
      {templates.map(([name, json]) => {
        const id = `Template-${name.replace(/[^a-zA-Z0-9-]/g, "-")}`;
        const result = templateSampleProps(name, json, sample, { brand, assets: { [LOGO_KEY]: sampleLogo } });
        return result.ok ? (
          <Composition
            key={name}
            id={id}
            component={Reelpress}
            schema={ReelpressPropsSchema}
            defaultProps={result.props}
            calculateMetadata={calculateReelpressMetadata}
          />
        ) : (
          <Composition
            key={name}
            id={id}
            component={TemplateError}
            defaultProps={{ name, error: result.error }}
            width={1920}
            height={1080}
            fps={30}
            durationInFrames={30}
          />
        );
      })}
    </>
  );
}
