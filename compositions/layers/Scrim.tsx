import { AbsoluteFill } from "remotion";
import type { ScrimStop } from "../scrim-stops.js";

/**
 * Shades a photo or clip where text sits so it reads on any picture, and leaves the rest of the
 * frame clear. The stops come from scrim-stops.ts; the colour is the theme's background, so a
 * light theme washes the picture light under dark text.
 */
export function Scrim({ color, stops }: { color: string; stops: readonly ScrimStop[] }) {
  const shade = (alpha: number) => `color-mix(in srgb, ${color} ${(alpha * 100).toFixed(1)}%, transparent)`;
  const gradient = stops.map((stop) => `${shade(stop.alpha)} ${(stop.at * 100).toFixed(2)}%`).join(", ");
  return <AbsoluteFill style={{ background: `linear-gradient(180deg, ${gradient})` }} />;
}
