import { AbsoluteFill } from "remotion";
import type { FrameLayout } from "../../src/storyboard/layout.js";

/**
 * Darkens a photo or clip behind the headline and the captions so text reads on any picture,
 * and leaves the middle of the frame clear. Stops follow the layout's boxes.
 */
export function Scrim({ color, layout }: { color: string; layout: FrameLayout }) {
  const shade = (percent: number) => `color-mix(in srgb, ${color} ${percent}%, transparent)`;
  const at = (y: number) => `${((100 * y) / layout.height).toFixed(2)}%`;
  const headlineEnd = layout.headline.y + layout.headline.height;
  const clearFrom = Math.min(headlineEnd + layout.height * 0.12, layout.captions.y);
  const stops = [
    `${shade(82)} 0%`,
    `${shade(62)} ${at(headlineEnd * 0.75)}`,
    `${shade(10)} ${at(clearFrom)}`,
    `${shade(10)} ${at(Math.max(clearFrom, layout.captions.y - layout.height * 0.08))}`,
    `${shade(78)} 100%`,
  ];
  return <AbsoluteFill style={{ background: `linear-gradient(180deg, ${stops.join(", ")})` }} />;
}
