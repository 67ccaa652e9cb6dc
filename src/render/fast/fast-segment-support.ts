import path from "node:path";
import { sceneTransition } from "../../../compositions/scene-transition.js";
import { sceneWindows } from "../../../compositions/scene-windows.js";
import type { Storyboard } from "../../schema/storyboard.js";
import type { PlannedSegment } from "../segments/plan-segments.js";
import { ffmpegColor } from "./ffmpeg-color.js";

const STILL_FORMATS = /\.(jpe?g|png)$/i;

export type FastSegmentSupport = { ok: true } | { ok: false; why: string };

/** How a scene is moved at a local frame: its opacity, its scale about the centre and its text's opacity. */
export interface SceneMotion {
  opacity: number;
  scale: number;
  textOpacity: number;
}

/**
 * sceneTransition's values as numbers, or null when it does more than fade and scale about the
 * centre (a slide moving, a wipe uncovering). A slide at rest (translateX(0px)) is still.
 */
export function sceneMotion(board: Storyboard, scene: number, frame: number): SceneMotion | null {
  const window = sceneWindows(board)[scene]!;
  const t = sceneTransition(board.theme.transition, frame, window, board.output.width, board.meta.dir === "rtl");
  if (t.clipPath !== "none" || t.wipeEdge !== null) return null;
  const shift = /^translateX\(([-+\d.e]+)px\)$/.exec(t.transform)?.[1];
  if (shift !== undefined && Number(shift) !== 0) return null;
  const scale = t.transform === "none" || shift !== undefined ? 1 : /^scale\(([-+\d.e]+)\)$/.exec(t.transform)?.[1];
  if (scale === undefined) return null;
  return { opacity: snap(t.opacity), scale: snap(Number(scale)), textOpacity: snap(t.textOpacity) };
}

/** 1.035 - 0.035 is not exactly 1 in floating point; such a scene is still, not scaled. */
function snap(value: number): number {
  const near = Math.round(value);
  return Math.abs(value - near) < 1e-9 ? near : value;
}

/**
 * Whether renderFastSegment can draw this segment with the same pictures as the Reelpress
 * composition: content scenes over photos or clips, the built-in headline, captions, logo,
 * watermark and progress bar, a fade or a cut, and the frames between other transitions. Anything
 * else is left to Remotion. Pure.
 */
export function fastSegmentSupport(board: Storyboard, segment: PlannedSegment): FastSegmentSupport {
  const { theme } = board;
  if (theme.components.scene !== null || theme.components.layers.length > 0) return { ok: false, why: `the template "${theme.template}" draws its own components` };
  if (!ffmpegColor(theme.colors.accent)) return { ok: false, why: `the accent colour ${theme.colors.accent} is not a hex colour` };
  if (segment.to <= segment.from) return { ok: false, why: "the segment is empty" };
  for (const i of segment.scenes) {
    const scene = board.scenes[i];
    if (!scene) return { ok: false, why: `the segment names scene ${i + 1}, which the storyboard lacks` };
    if (scene.kind !== "content") return { ok: false, why: `scene ${i + 1} is a ${scene.kind} card` };
    const media = scene.media;
    if (media.kind !== "image" && media.kind !== "video") return { ok: false, why: `scene ${i + 1} has a generated background` };
    // Formats ffmpeg draws as the browser does; an SVG, a GIF or an animated WebP is Remotion's.
    if (media.kind === "image" && !STILL_FORMATS.test(media.file)) return { ok: false, why: `scene ${i + 1}'s image ${path.basename(media.file)} is drawn by Remotion only` };
    // ffmpeg would pick a clip's frames at another rate than the browser does.
    if (media.kind === "video" && media.fps !== null && Math.abs(media.fps - board.output.fps) > 0.01) return { ok: false, why: `scene ${i + 1}'s clip runs at ${media.fps} fps, not the video's ${board.output.fps}` };
  }
  const windows = sceneWindows(board);
  const drawn = segment.scenes.map((i) => ({ i, window: windows[i]! }));
  for (let t = segment.from; t < segment.to; t++) {
    const visible = drawn.filter(({ window }) => t >= window.from && t < window.from + window.durationInFrames);
    if (visible.length === 0) return { ok: false, why: `no scene of the segment is on screen at frame ${t}` };
    for (const [k, { i, window }] of visible.entries()) {
      const motion = sceneMotion(board, i, t - window.from);
      if (!motion) return { ok: false, why: `the "${theme.transition}" transition of scene ${i + 1} is drawn by Remotion only` };
      // The lowest scene covers the frame; only the scene above it may fade or scale.
      if (k === 0 && (motion.opacity !== 1 || motion.scale !== 1)) return { ok: false, why: `the "${theme.transition}" transition of scene ${i + 1} is drawn by Remotion only (it moves the scene beneath at frame ${t})` };
    }
  }
  return { ok: true };
}
