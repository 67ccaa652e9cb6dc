import type { Storyboard, StoryboardScene } from "../src/schema/storyboard.js";
import { frameLayout, type FrameLayout } from "../src/storyboard/layout.js";
import { burnedCaptionStyle } from "./captions/burned-caption-style.js";

/**
 * The layout a storyboard's scene is drawn in: its frame size, its look's margins, headline and
 * corner marks. A chart or kinetic type needs the middle of the frame, so on those scenes a
 * centred headline moves to the top; every other box stays where it is.
 */
export function storyboardLayout(
  board: Pick<Storyboard, "output" | "theme" | "captions">,
  scene: Pick<StoryboardScene, "kind" | "media"> | null = null,
): FrameLayout {
  const { width, height } = board.output;
  const { theme } = board;
  const headline = theme.headline.position === "center" && scene && drawsInBand(scene) ? { ...theme.headline, position: "top" as const } : theme.headline;
  return frameLayout(width, height, { ...theme, headline, captions: burnedCaptionStyle(board.captions) !== null });
}

/** Whether a scene's picture is drawn in the band beside the headline (see kineticBand). */
export function drawsInBand(scene: Pick<StoryboardScene, "kind" | "media">): boolean {
  const { media } = scene;
  if (media.kind !== "generated") return false;
  return (media.style === "chart" && media.chart !== null) || (media.style === "kinetic" && scene.kind === "content");
}
