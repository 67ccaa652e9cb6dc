import { useMemo } from "react";
import { AbsoluteFill, useCurrentFrame } from "remotion";
import type { Storyboard, StoryboardScene } from "../src/schema/storyboard.js";
import type { FrameLayout } from "../src/storyboard/layout.js";
import { burnedCaptionStyle } from "./captions/burned-caption-style.js";
import { cardArea } from "./card-area.js";
import { CardBackground } from "./layers/CardBackground.js";
import { ClosingCard } from "./layers/ClosingCard.js";
import { HeadlineLayer } from "./layers/HeadlineLayer.js";
import { MediaLayer } from "./layers/MediaLayer.js";
import { TitleCard } from "./layers/TitleCard.js";
import { sceneShowsCaptions } from "./scene-shows-captions.js";
import { sceneTransition } from "./scene-transition.js";
import type { SceneWindow } from "./scene-windows.js";
import { cardScrimBands, sceneScrimBands, scrimStops } from "./scrim-stops.js";

export interface SceneProps {
  storyboard: Storyboard;
  scene: StoryboardScene;
  index: number;
  window: SceneWindow;
  layout: FrameLayout;
  /** Media and theme `file` → a URL the browser can load; theme files may be missing (Studio). */
  assets: Record<string, string>;
  /** CSS font-family stacks of the body and the headline font. */
  fontFamily: string;
  headlineFontFamily: string;
}

/**
 * One scene's picture and text (captions are drawn above all scenes, and the transition around
 * it by Reelpress): the footage under a scrim with the headline, or the intro / outro card.
 */
export function Scene({ storyboard, scene, index, window, layout, assets, fontFamily, headlineFontFamily }: SceneProps) {
  const frame = useCurrentFrame();
  const { meta, theme } = storyboard;
  const rtl = meta.dir === "rtl";
  const { textOpacity } = sceneTransition(theme.transition, frame, window, layout.width, rtl);
  const enterAt = Math.round(window.fadeInFrames * 0.5);
  const cardLook = scene.kind === "title" ? theme.intro : scene.kind === "closing" ? theme.outro : null;
  const area = cardArea(layout, sceneShowsCaptions(scene) && burnedCaptionStyle(storyboard.captions) !== null);
  const logoSrc = cardLook?.showLogo && theme.logo.file ? (assets[theme.logo.file] ?? null) : null;
  const scrim = useMemo(
    () =>
      scrimStops(
        cardLook
          ? cardScrimBands(layout, cardLook.align === "start" && cardLook.background === "media" ? { top: area.y + area.height * 0.45, bottom: area.y + area.height } : { top: area.y + area.height * 0.2, bottom: area.y + area.height * 0.8 })
          : sceneScrimBands(layout, theme.headline.style),
        layout.height,
      ),
    [cardLook, layout, area.y, area.height, theme.headline.style],
  );

  const common = { layout, area, theme, fontFamily, headlineFontFamily, lang: meta.lang, rtl, enterAt, logoSrc };
  let text;
  if (scene.kind === "title") {
    text = <TitleCard title={scene.headline} siteName={meta.siteName} byline={meta.byline} {...common} />;
  } else if (scene.kind === "closing") {
    text = <ClosingCard headline={scene.headline} siteName={meta.siteName} url={meta.url} {...common} />;
  } else {
    text = <HeadlineLayer headline={scene.headline} layout={layout} theme={theme} fontFamily={headlineFontFamily} lang={meta.lang} rtl={rtl} enterAt={enterAt} />;
  }

  return (
    <AbsoluteFill>
      {cardLook?.background === "color" ? (
        <CardBackground colors={theme.colors} flip={scene.kind === "closing"} />
      ) : (
        <MediaLayer
          storyboard={storyboard}
          scene={scene}
          index={index}
          assets={assets}
          durationInFrames={window.durationInFrames}
          fadeInFrames={window.fadeInFrames}
          layout={layout}
          scrim={scrim}
          fontFamily={fontFamily}
          headlineFontFamily={headlineFontFamily}
        />
      )}
      <AbsoluteFill style={{ opacity: textOpacity }}>{text}</AbsoluteFill>
    </AbsoluteFill>
  );
}
