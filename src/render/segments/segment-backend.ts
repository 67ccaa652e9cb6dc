import type { Storyboard } from "../../schema/storyboard.js";

/**
 * How a segment's frames are drawn and encoded. Every segment of one video uses the same
 * settings and the same encoder build, so the segments join by stream copy.
 */
export interface SegmentEncoding {
  /** JPEG quality of the frames Chromium hands to the encoder. */
  jpegQuality: number;
  x264Preset: "ultrafast" | "superfast" | "veryfast" | "faster" | "fast" | "medium";
  crf: number;
  /** Remotion's `scale`: 1 for a full render, below 1 for a draft. */
  scale: number;
  /**
   * The text's animation moves every `textHold` frames of the video (1: every frame). Only the
   * fast path holds it (a draft's economy: the browser draws a third of the states).
   */
  textHold: number;
}

/** Frames [from, to) of the timeline: one scene's body, or the transition between two scenes. */
export interface SegmentRange {
  from: number;
  /** Exclusive. */
  to: number;
}

export interface SegmentRenderOptions {
  signal?: AbortSignal;
  /** Frames of this segment drawn so far. */
  onFrames?: (rendered: number) => void;
}

/**
 * One storyboard opened for rendering by a backend: its media reachable by the worker that draws
 * the frames (served over 127.0.0.1 locally, uploaded for a remote worker).
 */
export interface SegmentSession {
  /**
   * Told which segments are about to be rendered, in order, before the first renderSegment call:
   * a backend may start work they share (the local one draws their text overlays in one pass).
   */
  prepare?(ranges: readonly SegmentRange[], encoding: SegmentEncoding): void;
  /** Writes frames [range.from, range.to) of the video as a muted H.264 MP4 at outputFile. */
  renderSegment(range: SegmentRange, encoding: SegmentEncoding, outputFile: string, options?: SegmentRenderOptions): Promise<void>;
  close(): Promise<void>;
}

/**
 * Where segments are rendered: in this process (Chromium on this machine) or by remote workers
 * (Remotion Lambda). A segment is the unit of work, so any worker can render any segment.
 */
export interface SegmentBackend {
  /** For logs, e.g. "local" or "lambda (us-east-1, remotion-render-4-0-527-mem2048mb-disk2048mb-120sec)". */
  readonly name: string;
  /**
   * Included in every segment's cache key: segments from backends that encode differently (another
   * Remotion version, another ffmpeg) are not mixed in one video.
   */
  readonly encoderId: string;
  /** Segments this backend renders at once when the user does not say (a remote one can take many). @default the machine's choice */
  readonly parallelSegments?: number;
  open(board: Storyboard, options?: { signal?: AbortSignal }): Promise<SegmentSession>;
  close(): Promise<void>;
}
