import { useLayoutEffect, useRef } from "react";
import { AbsoluteFill, useVideoConfig } from "remotion";
import type { Palette } from "../../src/schema/look.js";
import { mixRgba, parseCanvasColor, rgbaString, type Rgba } from "../parse-color.js";

/** Painted at a quarter of the frame and scaled up: it is smooth, and full-size CSS gradients are slow to rasterise headless. */
const SCALE = 4;
const FALLBACK: Rgba = [15, 23, 42, 1];

function resolve(ctx: CanvasRenderingContext2D, color: string): Rgba {
  ctx.fillStyle = "#000000";
  ctx.fillStyle = color;
  return parseCanvasColor(String(ctx.fillStyle)) ?? FALLBACK;
}

/**
 * The plain background of an intro or outro card (`background: "color"`): a still diagonal
 * gradient from the background to the second background colour, with a soft glow of the accent.
 */
export function CardBackground({ colors, flip }: { colors: Palette; /** Glow in the other corner (the outro). */ flip: boolean }) {
  const { width, height } = useVideoConfig();
  const ref = useRef<HTMLCanvasElement>(null);
  const w = Math.ceil(width / SCALE);
  const h = Math.ceil(height / SCALE);
  useLayoutEffect(() => {
    const ctx = ref.current?.getContext("2d");
    if (!ctx) return;
    const background = resolve(ctx, colors.background);
    const alt = resolve(ctx, colors.backgroundAlt);
    const accent = resolve(ctx, colors.accent);
    const base = ctx.createLinearGradient(flip ? w : 0, 0, flip ? 0 : w, h);
    base.addColorStop(0, rgbaString(background));
    base.addColorStop(0.55, rgbaString(mixRgba(alt, background, 0.35)));
    base.addColorStop(1, rgbaString(mixRgba(alt, background, 0.8)));
    ctx.fillStyle = base;
    ctx.fillRect(0, 0, w, h);
    const reach = Math.max(w, h) * 0.7;
    const gx = flip ? w * 0.08 : w * 0.92;
    const gy = h * 0.9;
    const glow = ctx.createRadialGradient(gx, gy, 0, gx, gy, reach);
    glow.addColorStop(0, rgbaString(accent, 0.22));
    glow.addColorStop(0.6, rgbaString(accent, 0.05));
    glow.addColorStop(1, rgbaString(accent, 0));
    ctx.fillStyle = glow;
    ctx.fillRect(0, 0, w, h);
  }, [colors, flip, w, h]);
  return (
    <AbsoluteFill style={{ backgroundColor: colors.background }}>
      <canvas ref={ref} width={w} height={h} style={{ position: "absolute", inset: 0, width: "100%", height: "100%" }} />
    </AbsoluteFill>
  );
}
