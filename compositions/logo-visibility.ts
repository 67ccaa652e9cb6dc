import type { SceneKind } from "../src/schema/script.js";
import type { SceneWindow } from "./scene-windows.js";

/**
 * How visible the corner logo is at a frame of the video, 0–1: shown on content scenes, hidden
 * on the title and closing cards (which show it inside the card when their look says so), and
 * cross-faded as the scenes' transitions run.
 */
export function logoVisibility(kinds: readonly SceneKind[], windows: readonly SceneWindow[], frame: number): number {
  let i = 0;
  while (i + 1 < windows.length && windows[i + 1]!.from <= frame) i++;
  const shown = (k: number) => (kinds[k] === "content" ? 1 : 0);
  const window = windows[i];
  if (!window) return 0;
  const into = frame - window.from;
  if (i > 0 && window.fadeInFrames > 0 && into < window.fadeInFrames) {
    const t = Math.max(0, into / window.fadeInFrames);
    return shown(i - 1) * (1 - t) + shown(i) * t;
  }
  return shown(i);
}
