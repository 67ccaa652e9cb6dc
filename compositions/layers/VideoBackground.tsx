import { AbsoluteFill, Loop, OffthreadVideo } from "remotion";
import { coverCrop } from "../../src/media/cover-crop.js";

export interface VideoBackgroundProps {
  src: string;
  /** The clip's own size, to crop it to the frame. */
  mediaWidth: number;
  mediaHeight: number;
  focus: { x: number; y: number };
  durationSeconds: number;
  fps: number;
  /** Frames the scene shows the clip for. */
  durationInFrames: number;
  width: number;
  height: number;
}

/** A clip covering the frame, cropped around its focus point, looped when shorter than the scene. */
export function VideoBackground({ src, mediaWidth, mediaHeight, focus, durationSeconds, fps, durationInFrames, width, height }: VideoBackgroundProps) {
  const clipFrames = Math.max(1, Math.floor(durationSeconds * fps));
  const crop = coverCrop({ width: mediaWidth, height: mediaHeight }, { width, height }, focus);
  const video = (
    <OffthreadVideo
      muted
      src={src}
      style={{ position: "absolute", left: crop.x, top: crop.y, width: crop.width, height: crop.height, maxWidth: "none" }}
    />
  );
  return (
    <AbsoluteFill style={{ overflow: "hidden" }}>
      {clipFrames < durationInFrames ? <Loop durationInFrames={clipFrames}>{video}</Loop> : video}
    </AbsoluteFill>
  );
}
