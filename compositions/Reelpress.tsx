import { useMemo } from "react";
import { AbsoluteFill, Sequence } from "remotion";
import { CaptionsLayer } from "./layers/CaptionsLayer.js";
import { LogoLayer } from "./layers/LogoLayer.js";
import { ProgressBar } from "./layers/ProgressBar.js";
import { WatermarkLayer } from "./layers/WatermarkLayer.js";
import type { ReelpressProps } from "./reelpress-props.js";
import { Scene } from "./Scene.js";
import { SceneTransition } from "./SceneTransition.js";
import { sceneShowsCaptions } from "./scene-shows-captions.js";
import { templateComponents } from "./template-components.js";
import { useStoryboardDrawing } from "./use-storyboard-drawing.js";
import { VideoElementContext } from "./video-element.js";

/**
 * The whole video, drawn only from its props: the storyboard (with its resolved look, `theme`)
 * and the URLs of its media and theme files. From the bottom up: the scenes with their
 * transitions, the template's layers, the logo and watermark, the captions, the progress bar.
 */
export function Reelpress({ storyboard, assets, videoElement }: ReelpressProps) {
  const { theme, output, scenes } = storyboard;
  const { fontFamily, headlineFontFamily, ready, windows, layout, sceneLayouts, kinds, rtl } = useStoryboardDrawing(storyboard, assets);
  const components = useMemo(() => templateComponents(theme), [theme]);
  const SceneComponent = components.Scene ?? Scene;
  // Theme files the assets map lacks (Studio) are left out rather than failing the render.
  const logoSrc = theme.logo.file && theme.logo.placement !== "none" ? (assets[theme.logo.file] ?? null) : null;
  const watermark = theme.watermark;
  const watermarkSrc = watermark?.image ? (assets[watermark.image] ?? null) : null;

  return (
    <VideoElementContext.Provider value={videoElement ?? "media"}>
      <AbsoluteFill lang={storyboard.meta.lang} style={{ backgroundColor: theme.colors.background, fontFamily, color: theme.colors.text }}>
        {ready ? (
          <>
            {scenes.map((scene, i) => (
              <Sequence
                key={scene.id}
                name={`${scene.kind}: ${scene.headline}`}
                from={windows[i]!.from}
                durationInFrames={windows[i]!.durationInFrames}
              >
                <SceneTransition kind={theme.transition} window={windows[i]!} width={output.width} height={output.height} rtl={rtl} accent={theme.colors.accent}>
                  <SceneComponent
                    storyboard={storyboard}
                    scene={scene}
                    index={i}
                    window={windows[i]!}
                    layout={sceneLayouts[i]!}
                    assets={assets}
                    fontFamily={fontFamily}
                    headlineFontFamily={headlineFontFamily}
                  />
                </SceneTransition>
              </Sequence>
            ))}
            {components.layers.map((Layer, i) => (
              <AbsoluteFill key={`layer-${i}`}>
                <Layer storyboard={storyboard} layout={layout} assets={assets} fontFamily={fontFamily} headlineFontFamily={headlineFontFamily} />
              </AbsoluteFill>
            ))}
            {logoSrc && layout.logo && theme.logo.placement !== "none" ? (
              <LogoLayer src={logoSrc} box={layout.logo} placement={theme.logo.placement} opacity={theme.logo.opacity} kinds={kinds} windows={windows} />
            ) : null}
            {watermark && layout.watermark ? (
              <WatermarkLayer watermark={watermark} box={layout.watermark} src={watermarkSrc} fontFamily={fontFamily} color={theme.colors.text} />
            ) : null}
            {scenes.map((scene, i) =>
              sceneShowsCaptions(scene) ? (
                <Sequence
                  key={`captions-${scene.id}`}
                  name={`captions: ${scene.id}`}
                  from={windows[i]!.from}
                  durationInFrames={windows[i]!.durationInFrames}
                >
                  <CaptionsLayer
                    storyboard={storyboard}
                    scene={scene}
                    layout={layout}
                    from={windows[i]!.from}
                    fontFamily={fontFamily}
                    rtl={rtl}
                  />
                </Sequence>
              ) : null,
            )}
            <ProgressBar color={theme.colors.accent} />
          </>
        ) : null}
      </AbsoluteFill>
    </VideoElementContext.Provider>
  );
}
