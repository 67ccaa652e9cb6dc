import { Video } from "@remotion/media";
import { useContext } from "react";
import { AbsoluteFill, Loop, OffthreadVideo } from "remotion";
import { coverCrop } from "../../src/media/cover-crop.js";
import { VideoElementContext } from "../video-element.js";

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
  const element = useContext(VideoElementContext);
  const style = { position: "absolute", left: crop.x, top: crop.y, width: crop.width, height: crop.height, maxWidth: "none" } as const;
  const video = element === "offthread" ? <OffthreadVideo muted src={src} style={style} /> : <Video muted src={src} style={style} />;
  return (
    <AbsoluteFill style={{ overflow: "hidden" }}>
      {clipFrames < durationInFrames ? <Loop durationInFrames={clipFrames}>{video}</Loop> : video}
    </AbsoluteFill>
  );
}
