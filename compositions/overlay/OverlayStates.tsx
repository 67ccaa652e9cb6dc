import type { ReactNode } from "react";
import { AbsoluteFill, Freeze, useCurrentFrame } from "remotion";
import { CaptionsLayer } from "../layers/CaptionsLayer.js";
import { HeadlineLayer } from "../layers/HeadlineLayer.js";
import { LogoLayer } from "../layers/LogoLayer.js";
import { Scrim } from "../layers/Scrim.js";
import { WatermarkLayer } from "../layers/WatermarkLayer.js";
import { sceneShowsCaptions } from "../scene-shows-captions.js";
import { sceneScrimBands, scrimStops } from "../scrim-stops.js";
import { useStoryboardDrawing } from "../use-storyboard-drawing.js";
import type { OverlayStatesProps, OverlayTile } from "./overlay-states-props.js";

/**
 * The text and mark layers of the Reelpress composition, one state per tile on a transparent
 * page, so that a compositor can lay them over footage it draws itself. Each layer is drawn by
 * the same component, at the same place in a full frame, as in Reelpress; the tile only cuts
 * the frame to the layer's region.
 */
export function OverlayStates({ storyboard, assets, pages }: OverlayStatesProps) {
  const { theme, output, scenes, meta } = storyboard;
  const { fontFamily, headlineFontFamily, ready, windows, layout, sceneLayouts, kinds, rtl } = useStoryboardDrawing(storyboard, assets);
  const page = pages[useCurrentFrame()] ?? [];

  const draw = (tile: OverlayTile): ReactNode => {
    const { layer, frame } = tile;
    switch (layer.kind) {
      case "scrim": {
        const sceneLayout = sceneLayouts[layer.scene]!;
        return <Scrim color={theme.colors.background} stops={scrimStops(sceneScrimBands(sceneLayout, theme.headline.style), sceneLayout.height)} />;
      }
      case "headline": {
        const window = windows[layer.scene]!;
        return (
          <Freeze frame={frame - window.from}>
            <HeadlineLayer
              headline={scenes[layer.scene]!.headline}
              layout={sceneLayouts[layer.scene]!}
              theme={theme}
              fontFamily={headlineFontFamily}
              lang={meta.lang}
              rtl={rtl}
              enterAt={Math.round(window.fadeInFrames * 0.5)}
            />
          </Freeze>
        );
      }
      case "marks": {
        const logoSrc = theme.logo.file && theme.logo.placement !== "none" ? (assets[theme.logo.file] ?? null) : null;
        const watermark = theme.watermark;
        const watermarkSrc = watermark?.image ? (assets[watermark.image] ?? null) : null;
        return (
          <Freeze frame={frame}>
            {logoSrc && layout.logo && theme.logo.placement !== "none" ? (
              <LogoLayer src={logoSrc} box={layout.logo} placement={theme.logo.placement} opacity={theme.logo.opacity} kinds={kinds} windows={windows} />
            ) : null}
            {watermark && layout.watermark ? <WatermarkLayer watermark={watermark} box={layout.watermark} src={watermarkSrc} fontFamily={fontFamily} color={theme.colors.text} /> : null}
          </Freeze>
        );
      }
      case "captions":
        return scenes.map((scene, i) => {
          const window = windows[i]!;
          if (!sceneShowsCaptions(scene) || frame < window.from || frame >= window.from + window.durationInFrames) return null;
          return (
            <Freeze key={scene.id} frame={frame - window.from}>
              <CaptionsLayer storyboard={storyboard} scene={scene} layout={layout} from={window.from} fontFamily={fontFamily} rtl={rtl} />
            </Freeze>
          );
        });
    }
  };

  return (
    <AbsoluteFill lang={meta.lang} style={{ fontFamily, color: theme.colors.text }}>
      {ready
        ? page.map((tile, k) => (
            <div key={k} style={{ position: "absolute", left: 0, top: tile.y, width: tile.region.width, height: tile.region.height, overflow: "hidden" }}>
              <div style={{ position: "absolute", left: -tile.region.x, top: -tile.region.y, width: output.width, height: output.height }}>{draw(tile)}</div>
            </div>
          ))
        : null}
    </AbsoluteFill>
  );
}
