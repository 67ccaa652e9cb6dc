import type { ReactNode } from "react";
import { AbsoluteFill, useCurrentFrame } from "remotion";
import type { TransitionKind } from "../src/schema/look.js";
import { sceneTransition } from "./scene-transition.js";
import type { SceneWindow } from "./scene-windows.js";

export interface SceneTransitionProps {
  kind: TransitionKind;
  window: SceneWindow;
  width: number;
  height: number;
  rtl: boolean;
  /** Colour of a wipe's leading edge. */
  accent: string;
  children: ReactNode;
}

/** Moves, clips or fades a scene (built-in or a template's) in and out under the theme's transition. */
export function SceneTransition({ kind, window, width, height, rtl, accent, children }: SceneTransitionProps) {
  const frame = useCurrentFrame();
  const t = sceneTransition(kind, frame, window, width, rtl);
  const edge = Math.max(6, Math.round(Math.min(width, height) * 0.012));
  return (
    <AbsoluteFill style={{ opacity: t.opacity, transform: t.transform }}>
      <AbsoluteFill style={{ clipPath: t.clipPath }}>{children}</AbsoluteFill>
      {t.wipeEdge !== null ? (
        <div
          style={{
            position: "absolute",
            top: 0,
            height: "100%",
            left: t.wipeEdge - edge / 2,
            width: edge,
            background: accent,
            boxShadow: `0 0 ${edge * 3}px ${accent}`,
          }}
        />
      ) : null}
    </AbsoluteFill>
  );
}
