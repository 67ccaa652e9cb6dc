import { AbsoluteFill, Loop, OffthreadVideo } from "remotion";

export interface VideoBackgroundProps {
  src: string;
  durationSeconds: number;
  fps: number;
  /** Frames the scene shows the clip for. */
  durationInFrames: number;
}

export function VideoBackground({ src, durationSeconds, fps, durationInFrames }: VideoBackgroundProps) {
  const clipFrames = Math.max(1, Math.floor(durationSeconds * fps));
  const video = (
    <OffthreadVideo muted src={src} style={{ width: "100%", height: "100%", objectFit: "cover" }} />
  );
  return (
    <AbsoluteFill style={{ overflow: "hidden" }}>
      {clipFrames < durationInFrames ? <Loop durationInFrames={clipFrames}>{video}</Loop> : video}
    </AbsoluteFill>
  );
}
