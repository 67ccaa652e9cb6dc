import { useMemo } from "react";
import type { Storyboard } from "../src/schema/storyboard.js";
import { fontFaces, fontFiles, fontStack } from "./fonts.js";
import { sceneWindows } from "./scene-windows.js";
import { storyboardLayout } from "./storyboard-layout.js";
import { storyboardTexts } from "./storyboard-texts.js";
import { useFontsReady } from "./use-fonts-ready.js";

/**
 * What every composition drawing a storyboard's layers needs, worked out once per storyboard:
 * the font stacks (and whether the fonts have loaded), the scenes' windows, the layouts and the
 * reading direction.
 */
export function useStoryboardDrawing(storyboard: Storyboard, assets: Record<string, string>) {
  const { theme, scenes } = storyboard;
  const faces = useMemo(() => fontFaces(theme.fonts), [theme.fonts]);
  const files = useMemo(() => fontFiles(theme.fonts, assets), [theme.fonts, assets]);
  const ready = useFontsReady(faces, useMemo(() => storyboardTexts(storyboard), [storyboard]), files);
  const windows = useMemo(() => sceneWindows(storyboard), [storyboard]);
  const layout = useMemo(() => storyboardLayout(storyboard), [storyboard]);
  const sceneLayouts = useMemo(() => scenes.map((scene) => storyboardLayout(storyboard, scene)), [storyboard, scenes]);
  const kinds = useMemo(() => scenes.map((scene) => scene.kind), [scenes]);
  return {
    fontFamily: fontStack(theme.fonts.body.family),
    headlineFontFamily: fontStack(theme.fonts.headline.family),
    ready,
    windows,
    layout,
    sceneLayouts,
    kinds,
    rtl: storyboard.meta.dir === "rtl",
  };
}
