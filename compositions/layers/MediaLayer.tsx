import type { Storyboard, StoryboardScene } from "../../src/schema/storyboard.js";
import { RenderError } from "../../src/errors.js";
import type { FrameLayout } from "../../src/storyboard/layout.js";
import { kineticBand } from "../kinetic-band.js";
import type { ScrimStop } from "../scrim-stops.js";
import { ChartLayer } from "./ChartLayer.js";
import { GeneratedBackground } from "./GeneratedBackground.js";
import { ImageBackground } from "./ImageBackground.js";
import { KineticType } from "./KineticType.js";
import { Scrim } from "./Scrim.js";
import { VideoBackground } from "./VideoBackground.js";

export interface MediaLayerProps {
  storyboard: Storyboard;
  scene: StoryboardScene;
  index: number;
  assets: Record<string, string>;
  /** Frames the scene's sequence lasts, transition included. */
  durationInFrames: number;
  fadeInFrames: number;
  layout: FrameLayout;
  /** Shade over footage where the text goes. */
  scrim: readonly ScrimStop[];
  /** Body and headline font stacks. */
  fontFamily: string;
  headlineFontFamily: string;
}

function assetUrl(assets: Record<string, string>, file: string): string {
  const url = assets[file];
  if (url === undefined) {
    throw new RenderError("E_MEDIA", `no URL for media file "${file}" in the "assets" prop`, {
      hint: "map every media file of the storyboard to a URL the browser can load",
    });
  }
  return url;
}

/** The scene's picture: a photo with Ken Burns motion, a clip, or a generated background. */
export function MediaLayer({ storyboard, scene, index, assets, durationInFrames, fadeInFrames, layout, scrim, fontFamily, headlineFontFamily }: MediaLayerProps) {
  const { media } = scene;
  const { theme, output } = storyboard;
  switch (media.kind) {
    case "image":
      return (
        <>
          <ImageBackground
            src={assetUrl(assets, media.file)}
            mediaWidth={media.width}
            mediaHeight={media.height}
            focus={media.focus}
            index={index}
            durationInFrames={durationInFrames}
            width={output.width}
            height={output.height}
            kenBurns={theme.kenBurns}
          />
          <Scrim color={theme.colors.background} stops={scrim} />
        </>
      );
    case "video":
      return (
        <>
          <VideoBackground
            src={assetUrl(assets, media.file)}
            mediaWidth={media.width}
            mediaHeight={media.height}
            focus={media.focus}
            durationSeconds={media.durationSeconds}
            fps={output.fps}
            durationInFrames={durationInFrames}
            width={output.width}
            height={output.height}
          />
          <Scrim color={theme.colors.background} stops={scrim} />
        </>
      );
    case "generated":
      return (
        <>
          <GeneratedBackground theme={theme} seed={media.seed} />
          {media.style === "chart" && media.chart ? (
            <ChartLayer
              chart={media.chart}
              band={kineticBand(layout)}
              theme={theme}
              fontFamily={fontFamily}
              headlineFontFamily={headlineFontFamily}
              lang={storyboard.meta.lang}
              enterAt={Math.round(fadeInFrames * 0.5)}
            />
          ) : media.style === "kinetic" && scene.kind === "content" ? (
            <KineticType
              keywords={scene.keywords}
              band={kineticBand(layout)}
              maxFontSize={Math.round(Math.min(layout.width, layout.height) * 0.12)}
              theme={theme}
              fontFamily={headlineFontFamily}
              lang={storyboard.meta.lang}
              fadeInFrames={fadeInFrames}
              durationInFrames={durationInFrames}
            />
          ) : null}
        </>
      );
  }
}
