import type { Storyboard, StoryboardScene } from "../../src/schema/storyboard.js";
import { RenderError } from "../../src/errors.js";
import type { FrameLayout } from "../../src/storyboard/layout.js";
import { kineticBand } from "../kinetic-band.js";
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
  /** Frames the scene's sequence lasts, fade-in included. */
  durationInFrames: number;
  fadeInFrames: number;
  layout: FrameLayout;
  fontFamily: string;
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
export function MediaLayer({ storyboard, scene, index, assets, durationInFrames, fadeInFrames, layout, fontFamily }: MediaLayerProps) {
  const { media } = scene;
  const { theme, output } = storyboard;
  switch (media.kind) {
    case "image":
      return (
        <>
          <ImageBackground
            src={assetUrl(assets, media.file)}
            focus={media.focus}
            index={index}
            durationInFrames={durationInFrames}
            width={output.width}
            height={output.height}
          />
          <Scrim color={theme.colors.background} layout={layout} />
        </>
      );
    case "video":
      return (
        <>
          <VideoBackground
            src={assetUrl(assets, media.file)}
            durationSeconds={media.durationSeconds}
            fps={output.fps}
            durationInFrames={durationInFrames}
          />
          <Scrim color={theme.colors.background} layout={layout} />
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
              lang={storyboard.meta.lang}
              enterAt={Math.round(fadeInFrames * 0.5)}
            />
          ) : media.style === "kinetic" && scene.kind === "content" ? (
            <KineticType
              keywords={scene.keywords}
              band={kineticBand(layout)}
              maxFontSize={Math.round(Math.min(layout.width, layout.height) * 0.12)}
              theme={theme}
              fontFamily={fontFamily}
              fadeInFrames={fadeInFrames}
              durationInFrames={durationInFrames}
            />
          ) : null}
        </>
      );
  }
}
