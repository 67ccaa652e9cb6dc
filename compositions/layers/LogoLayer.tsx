import { AbsoluteFill, Img, useCurrentFrame } from "remotion";
import type { Placement } from "../../src/schema/look.js";
import type { SceneKind } from "../../src/schema/script.js";
import type { Box } from "../../src/storyboard/layout.js";
import { logoVisibility } from "../logo-visibility.js";
import type { SceneWindow } from "../scene-windows.js";
import { placeAt } from "../place-at.js";

export interface CornerImageProps {
  src: string;
  /** The layout's box for the mark: its height, and the widest it may be. */
  box: Box;
  placement: Exclude<Placement, "none">;
  opacity: number;
}

/** An image (logo, image watermark) in its corner box, as high as the box and pushed into the corner. */
export function CornerImage({ src, box, placement, opacity }: CornerImageProps) {
  return (
    <AbsoluteFill>
      <div
        style={{
          ...placeAt(box),
          display: "flex",
          justifyContent: placement.endsWith("right") ? "flex-end" : "flex-start",
          opacity,
        }}
      >
        <Img src={src} style={{ height: box.height, width: "auto", maxWidth: box.width, objectFit: "contain", objectPosition: placement.endsWith("right") ? "right center" : "left center" }} />
      </div>
    </AbsoluteFill>
  );
}

export interface LogoLayerProps extends CornerImageProps {
  kinds: readonly SceneKind[];
  windows: readonly SceneWindow[];
}

/** The corner logo over the whole video: on content scenes, faded out over the intro and outro cards. */
export function LogoLayer({ kinds, windows, opacity, ...image }: LogoLayerProps) {
  const frame = useCurrentFrame();
  const shown = logoVisibility(kinds, windows, frame);
  if (shown <= 0) return null;
  return <CornerImage {...image} opacity={opacity * shown} />;
}
