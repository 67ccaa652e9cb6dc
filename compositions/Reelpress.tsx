import { useMemo } from "react";
import { AbsoluteFill, Sequence } from "remotion";
import { frameLayout } from "../src/storyboard/layout.js";
import { fontFaces, fontStack } from "./fonts.js";
import { CaptionsLayer } from "./layers/CaptionsLayer.js";
import { ProgressBar } from "./layers/ProgressBar.js";
import type { ReelpressProps } from "./reelpress-props.js";
import { Scene } from "./Scene.js";
import { sceneShowsCaptions } from "./scene-shows-captions.js";
import { sceneWindows } from "./scene-windows.js";
import { storyboardTexts } from "./storyboard-texts.js";
import { useFontsReady } from "./use-fonts-ready.js";

/** The whole video, drawn only from its props: the storyboard and the URLs of its media files. */
export function Reelpress({ storyboard, assets }: ReelpressProps) {
  const { theme, output, scenes } = storyboard;
  const fontFamily = fontStack(theme.fontFamily);
  const faces = useMemo(() => fontFaces(theme.fontFamily), [theme.fontFamily]);
  const ready = useFontsReady(faces, useMemo(() => storyboardTexts(storyboard), [storyboard]));
  const windows = useMemo(() => sceneWindows(storyboard), [storyboard]);
  const layout = useMemo(() => frameLayout(output.width, output.height), [output.width, output.height]);
  const rtl = storyboard.meta.dir === "rtl";

  return (
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
              <Scene
                storyboard={storyboard}
                scene={scene}
                index={i}
                window={windows[i]!}
                layout={layout}
                assets={assets}
                fontFamily={fontFamily}
              />
            </Sequence>
          ))}
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
  );
}
