import { AbsoluteFill, Img, useCurrentFrame } from "remotion";
import { kenBurns } from "../ken-burns.js";

export interface ImageBackgroundProps {
  src: string;
  focus: { x: number; y: number };
  index: number;
  durationInFrames: number;
  width: number;
  height: number;
}

export function ImageBackground({ src, focus, index, durationInFrames, width, height }: ImageBackgroundProps) {
  const frame = useCurrentFrame();
  const kb = kenBurns({ progress: frame / Math.max(1, durationInFrames - 1), index, focus, width, height });
  return (
    <AbsoluteFill style={{ overflow: "hidden" }}>
      <Img
        src={src}
        style={{
          position: "absolute",
          inset: 0,
          width: "100%",
          height: "100%",
          objectFit: "cover",
          objectPosition: `${focus.x * 100}% ${focus.y * 100}%`,
          transformOrigin: `${kb.originX}px ${kb.originY}px`,
          transform: `translate(${kb.x}px, ${kb.y}px) scale(${kb.scale})`,
          willChange: "transform",
        }}
      />
    </AbsoluteFill>
  );
}
