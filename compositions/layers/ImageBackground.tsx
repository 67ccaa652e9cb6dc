import { AbsoluteFill, Img, useCurrentFrame } from "remotion";
import { coverCrop } from "../../src/media/cover-crop.js";
import { kenBurns } from "../ken-burns.js";

export interface ImageBackgroundProps {
  src: string;
  /** The picture's own size, to crop it to the frame. */
  mediaWidth: number;
  mediaHeight: number;
  focus: { x: number; y: number };
  index: number;
  durationInFrames: number;
  width: number;
  height: number;
  /** The theme's kenBurns strength: 0 = still. */
  kenBurns: number;
}

/**
 * A photo covering the frame, cropped so its focus point sits as near the centre as the edges
 * allow, moving slowly toward that point (Ken Burns). The motion never uncovers an edge.
 */
export function ImageBackground({ src, mediaWidth, mediaHeight, focus, index, durationInFrames, width, height, kenBurns: strength }: ImageBackgroundProps) {
  const frame = useCurrentFrame();
  const crop = coverCrop({ width: mediaWidth, height: mediaHeight }, { width, height }, focus);
  // The focus point where the crop put it, in frame pixels: the zoom closes in on it.
  const onFrame = {
    x: Math.min(1, Math.max(0, (crop.x + focus.x * crop.width) / width)),
    y: Math.min(1, Math.max(0, (crop.y + focus.y * crop.height) / height)),
  };
  const kb = kenBurns({ progress: frame / Math.max(1, durationInFrames - 1), index, focus: onFrame, width, height, strength });
  return (
    <AbsoluteFill style={{ overflow: "hidden" }}>
      <AbsoluteFill
        style={{
          transformOrigin: `${kb.originX}px ${kb.originY}px`,
          transform: `translate(${kb.x}px, ${kb.y}px) scale(${kb.scale})`,
          willChange: "transform",
        }}
      >
        <Img
          src={src}
          style={{
            position: "absolute",
            left: crop.x,
            top: crop.y,
            width: crop.width,
            height: crop.height,
            maxWidth: "none",
            // Should the stored size not match the file, crop rather than stretch.
            objectFit: "cover",
            objectPosition: `${focus.x * 100}% ${focus.y * 100}%`,
          }}
        />
      </AbsoluteFill>
    </AbsoluteFill>
  );
}
