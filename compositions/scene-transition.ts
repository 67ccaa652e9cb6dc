import { Easing } from "remotion";
import type { TransitionKind } from "../src/schema/look.js";
import type { SceneWindow } from "./scene-windows.js";

export interface SceneTransitionFrame {
  opacity: number;
  /** CSS transform of the whole scene. */
  transform: string;
  /** CSS clip-path of the scene (a wipe), or "none". */
  clipPath: string;
  /** Opacity of the scene's text: it fades out under a fade or zoom while the next scene comes in. */
  textOpacity: number;
  /** x of a wipe's leading edge in px, while the wipe runs; null otherwise. */
  wipeEdge: number | null;
}

const ease = Easing.inOut(Easing.cubic);
const easeOut = Easing.out(Easing.cubic);
/** Share of the frame width the outgoing scene moves back while the next one slides over it. */
const SLIDE_PARALLAX = 0.3;
/** A zooming scene starts this much larger and settles; the outgoing one pushes in this far. */
const ZOOM_IN_FROM = 1.28;
const ZOOM_OUT_TO = 1.12;

function progress(frame: number, start: number, frames: number): number {
  if (frames <= 0) return 1;
  return Math.min(1, Math.max(0, (frame - start) / frames));
}

/**
 * How a scene looks at `frame` (from the start of its window) under the theme's transition: it
 * enters over its fadeInFrames on top of the scene before, and (for fade, slide and zoom) moves
 * or fades out over its fadeOutFrames while the next one enters. `none` is a hard cut.
 * The slide comes in from the end side: the right, or the left in a right-to-left video.
 */
export function sceneTransition(kind: TransitionKind, frame: number, window: SceneWindow, width: number, rtl: boolean): SceneTransitionFrame {
  const { fadeInFrames, fadeOutFrames, durationInFrames } = window;
  const entering = fadeInFrames > 0 && frame < fadeInFrames;
  const tIn = progress(frame, 0, fadeInFrames);
  const tOut = fadeOutFrames > 0 ? progress(frame, durationInFrames - fadeOutFrames, fadeOutFrames) : 0;
  const still: SceneTransitionFrame = { opacity: 1, transform: "none", clipPath: "none", textOpacity: 1, wipeEdge: null };
  const endSide = rtl ? -1 : 1;
  switch (kind) {
    case "none":
      return still;
    case "fade": {
      const enter = ease(tIn);
      return { ...still, opacity: enter, transform: `scale(${1.035 - 0.035 * enter})`, textOpacity: 1 - tOut };
    }
    case "slide": {
      const enter = ease(tIn);
      const leave = ease(tOut);
      const x = endSide * (1 - enter) * width - endSide * SLIDE_PARALLAX * leave * width;
      return { ...still, transform: `translateX(${x}px)` };
    }
    case "wipe": {
      if (!entering) return still;
      const enter = ease(tIn);
      const hidden = `${((1 - enter) * 100).toFixed(3)}%`;
      // The new scene is uncovered from the start side toward the end side.
      const clipPath = rtl ? `inset(0 0 0 ${hidden})` : `inset(0 ${hidden} 0 0)`;
      return { ...still, clipPath, wipeEdge: rtl ? width * (1 - enter) : width * enter };
    }
    case "zoom": {
      const enter = easeOut(tIn);
      const leave = Easing.in(Easing.cubic)(tOut);
      const scale = entering ? ZOOM_IN_FROM - (ZOOM_IN_FROM - 1) * enter : 1 + (ZOOM_OUT_TO - 1) * leave;
      return { ...still, opacity: Math.min(1, tIn * 2.5), transform: `scale(${scale})`, textOpacity: 1 - tOut };
    }
  }
}
