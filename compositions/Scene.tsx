import { AbsoluteFill, Easing, interpolate, useCurrentFrame } from "remotion";
import type { Storyboard, StoryboardScene } from "../src/schema/storyboard.js";
import type { FrameLayout } from "../src/storyboard/layout.js";
import { cardArea } from "./card-area.js";
import { ClosingCard } from "./layers/ClosingCard.js";
import { HeadlineLayer } from "./layers/HeadlineLayer.js";
import { MediaLayer } from "./layers/MediaLayer.js";
import { TitleCard } from "./layers/TitleCard.js";
import type { SceneWindow } from "./scene-windows.js";
import { burnedCaptionStyle } from "./captions/burned-caption-style.js";
import { sceneShowsCaptions } from "./scene-shows-captions.js";

export interface SceneProps {
  storyboard: Storyboard;
  scene: StoryboardScene;
  index: number;
  window: SceneWindow;
  layout: FrameLayout;
  assets: Record<string, string>;
  fontFamily: string;
}

const clamp = { extrapolateLeft: "clamp", extrapolateRight: "clamp" } as const;

/**
 * One scene's picture and text (captions are drawn above all scenes). It fades in over the scene
 * before with a slight settle in scale, and its text fades out while the next scene fades in.
 */
export function Scene({ storyboard, scene, index, window, layout, assets, fontFamily }: SceneProps) {
  const frame = useCurrentFrame();
  const { fadeInFrames, fadeOutFrames, durationInFrames } = window;
  const enter = fadeInFrames > 0 ? interpolate(frame, [0, fadeInFrames], [0, 1], { ...clamp, easing: Easing.inOut(Easing.ease) }) : 1;
  const textOpacity =
    fadeOutFrames > 0 ? interpolate(frame, [durationInFrames - fadeOutFrames, durationInFrames], [1, 0], clamp) : 1;
  const enterAt = Math.round(fadeInFrames * 0.5);
  const { meta, theme } = storyboard;
  const rtl = meta.dir === "rtl";

  const card = { siteName: meta.siteName, layout, area: cardArea(layout, sceneShowsCaptions(scene) && burnedCaptionStyle(storyboard.captions) !== null), theme, fontFamily, rtl, enterAt };
  let text;
  if (scene.kind === "title") {
    text = <TitleCard title={scene.headline} byline={meta.byline} {...card} />;
  } else if (scene.kind === "closing") {
    text = <ClosingCard headline={scene.headline} url={meta.url} {...card} />;
  } else {
    text = <HeadlineLayer headline={scene.headline} layout={layout} theme={theme} fontFamily={fontFamily} rtl={rtl} enterAt={enterAt} />;
  }

  return (
    <AbsoluteFill style={{ opacity: enter, transform: `scale(${1.035 - 0.035 * enter})` }}>
      <MediaLayer
        storyboard={storyboard}
        scene={scene}
        index={index}
        assets={assets}
        durationInFrames={durationInFrames}
        fadeInFrames={fadeInFrames}
        layout={layout}
        fontFamily={fontFamily}
      />
      <AbsoluteFill style={{ opacity: textOpacity }}>{text}</AbsoluteFill>
    </AbsoluteFill>
  );
}
