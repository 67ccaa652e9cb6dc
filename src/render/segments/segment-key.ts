import { createHash } from "node:crypto";
import { sceneWindows } from "../../../compositions/scene-windows.js";
import { storyboardDurationInFrames, type Storyboard } from "../../schema/storyboard.js";
import { themeFiles } from "../storyboard-files.js";
import type { PlannedSegment } from "./plan-segments.js";
import type { SegmentEncoding } from "./segment-backend.js";

/** Raise when the way frames are drawn changes in a way the other inputs do not show. */
const SEGMENT_KEY_VERSION = 2;

export interface SegmentKeyContext {
  /** Hash of the compositions and templates the frames are drawn with. */
  bundleHash: string;
  /** The backend's encoder (see SegmentBackend.encoderId). */
  encoderId: string;
  encoding: SegmentEncoding;
  /** A stamp of each local file's content (size and modification time, or a hash), by path. */
  fileStamps: Readonly<Record<string, string>>;
}

/**
 * A content hash of everything that decides a segment's frames: the drawing code, the encoder and
 * its settings, the frame size and rate, the video's length (the progress bar), the segment's
 * place, the look, the captions and the meta the cards show, the scenes it draws (with their
 * windows, kinds and media files' stamps). Other scenes are left out, so editing one scene keeps
 * every other scene's key; a template with its own components sees the whole storyboard, so then
 * every scene is in every key.
 */
export function segmentKey(board: Storyboard, segment: PlannedSegment, context: SegmentKeyContext): string {
  const windows = sceneWindows(board);
  const totalFrames = storyboardDurationInFrames(board);
  const { components } = board.theme;
  const seesEverything = components.scene !== null || components.layers.length > 0;
  const drawn = seesEverything ? board.scenes.map((_, i) => i) : segment.scenes;
  const files = new Set<string>(themeFiles(board).map((entry) => entry.file));
  const scenes = drawn.map((i) => {
    const scene = board.scenes[i]!;
    if (scene.media.kind !== "generated") files.add(scene.media.file);
    return { index: i, window: windows[i], scene };
  });
  const stamps = [...files].sort().map((file) => [file, context.fileStamps[file] ?? "missing"]);
  const input = {
    version: SEGMENT_KEY_VERSION,
    bundle: context.bundleHash,
    encoder: context.encoderId,
    encoding: context.encoding,
    output: board.output,
    totalFrames,
    transitionFrames: board.transitionFrames,
    range: [segment.from, segment.to],
    meta: board.meta,
    theme: board.theme,
    captions: board.captions,
    sceneCount: board.scenes.length,
    scenes,
    stamps,
  };
  return createHash("sha256").update(JSON.stringify(input)).digest("hex").slice(0, 32);
}
