import { interpolate, spring } from "remotion";
import { activeCaptionPage, activeCaptionWord } from "../../../compositions/active-caption-page.js";
import { burnedCaptionStyle } from "../../../compositions/captions/burned-caption-style.js";
import { logoVisibility } from "../../../compositions/logo-visibility.js";
import type { OverlayLayer } from "../../../compositions/overlay/overlay-states-props.js";
import { sceneShowsCaptions } from "../../../compositions/scene-shows-captions.js";
import { sceneWindows } from "../../../compositions/scene-windows.js";
import { storyboardLayout } from "../../../compositions/storyboard-layout.js";
import type { Storyboard } from "../../schema/storyboard.js";
import type { CaptionPage } from "../../storyboard/caption-pages.js";
import { frameToMs, sceneCaptions } from "../../storyboard/scene-captions.js";

/**
 * Animated values are compared at 1/512: under 0.1 px of motion for an 80 px headline, and fine
 * enough that frames drawn differently never get the same key (checked against rendered pixels
 * in test/render-fast-keys.test.ts; 1/128 was not).
 */
export const STATE_STEPS = 512;
const quantise = (value: number): number => Math.round(value * STATE_STEPS) / STATE_STEPS;
const clamp = { extrapolateLeft: "clamp", extrapolateRight: "clamp" } as const;

/*
 * The motion below mirrors the layers' own: HeadlineLayer (its accent's grow spring and each line's
 * enter spring), CaptionsLayer (POP_FRAMES, WORD_POP_FRAMES) and LogoLayer (logoVisibility). When
 * one of them changes its animation, change it here too; the keys test renders every frame and fails.
 */
const POP_FRAMES = 4;
const WORD_POP_FRAMES = 3;

/** A stable name of a layer, for keys, file names and logs. */
export function overlayLayerId(layer: OverlayLayer): string {
  return layer.kind === "scrim" || layer.kind === "headline" ? `${layer.kind}-${layer.scene}` : layer.kind;
}

/**
 * Per-frame keys of a layer over timeline frames [from, to): frames with the same key draw the
 * same pixels, so only one frame per key needs drawing. Pure: computed from the storyboard with
 * the same math the layers use.
 */
export function overlayStateKeys(board: Storyboard, layer: OverlayLayer, from: number, to: number): string[] {
  const frames = Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
  const fps = board.output.fps;
  const windows = sceneWindows(board);
  switch (layer.kind) {
    case "scrim":
      return frames.map(() => "scrim");
    case "headline": {
      const window = windows[layer.scene]!;
      const enterAt = Math.round(window.fadeInFrames * 0.5);
      const lines = storyboardLayout(board, board.scenes[layer.scene]!).headlineMaxLines;
      return frames.map((t) => {
        const f = t - window.from;
        const grow = spring({ frame: f - enterAt, fps, config: { damping: 200 }, durationInFrames: 14 });
        const enter = Array.from({ length: lines }, (_, i) => quantise(spring({ frame: f - enterAt - 3 - i * 4, fps, config: { damping: 20, mass: 0.8 } })));
        return JSON.stringify([quantise(grow), enter]);
      });
    }
    case "marks": {
      const kinds = board.scenes.map((scene) => scene.kind);
      return frames.map((t) => JSON.stringify(quantise(logoVisibility(kinds, windows, t))));
    }
    case "captions": {
      const running = burnedCaptionStyle(board.captions);
      const pagesOf: CaptionPage[][] = board.scenes.map((scene) => (running && sceneShowsCaptions(scene) ? sceneCaptions(board, scene, { style: running }) : []));
      return frames.map((t) => {
        const ms = frameToMs(t, fps);
        const since = (startMs: number) => t - (startMs * fps) / 1000;
        const parts: unknown[] = [];
        windows.forEach((window, i) => {
          if (t < window.from || t >= window.from + window.durationInFrames) return;
          const pages = pagesOf[i]!;
          const page = activeCaptionPage(pages, ms);
          if (!page) return;
          const pop = quantise(interpolate(since(page.startMs), [0, POP_FRAMES], [0, 1], clamp));
          if (running === "subtitles") {
            parts.push([i, pages.indexOf(page), pop]);
            return;
          }
          const active = activeCaptionWord(page, ms);
          const wordPop = active ? quantise(interpolate(since(active.word.startMs), [0, WORD_POP_FRAMES], [0, 1], clamp)) : 0;
          parts.push([i, pages.indexOf(page), pop, active ? [active.line, active.index] : null, wordPop]);
        });
        return JSON.stringify(parts);
      });
    }
  }
}
