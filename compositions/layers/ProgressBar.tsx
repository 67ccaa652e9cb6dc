import { AbsoluteFill, useCurrentFrame, useVideoConfig } from "remotion";

/** A thin bar along the bottom edge showing how far into the video we are. */
export function ProgressBar({ color }: { color: string }) {
  const frame = useCurrentFrame();
  const { durationInFrames, height } = useVideoConfig();
  const thickness = Math.max(4, Math.round(height * 0.005));
  return (
    <AbsoluteFill style={{ justifyContent: "flex-end" }}>
      <div style={{ height: thickness, background: `color-mix(in srgb, ${color} 18%, transparent)` }}>
        <div style={{ height: "100%", width: `${((frame + 1) / durationInFrames) * 100}%`, background: color }} />
      </div>
    </AbsoluteFill>
  );
}
