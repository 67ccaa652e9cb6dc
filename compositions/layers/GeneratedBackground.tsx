import { useLayoutEffect, useRef } from "react";
import { AbsoluteFill, random, useCurrentFrame, useVideoConfig } from "remotion";
import type { Theme } from "../../src/schema/storyboard.js";
import { mixRgba, parseCanvasColor, rgbaString, type Rgba } from "../parse-color.js";

export interface GeneratedBackgroundProps {
  theme: Theme;
  seed: number;
}

const TAU = Math.PI * 2;
/**
 * The colour field is smooth, so it is painted at a quarter of the frame size and scaled up:
 * full-frame CSS gradients cost hundreds of ms per frame in a headless software renderer.
 */
const FIELD_SCALE = 4;
const FALLBACK: Rgba = [15, 23, 42, 1];

function resolveColor(ctx: CanvasRenderingContext2D, color: string): Rgba {
  ctx.fillStyle = "#000000";
  ctx.fillStyle = color;
  return parseCanvasColor(String(ctx.fillStyle)) ?? FALLBACK;
}

/**
 * Slowly drifting colour fields in the theme's colours, a fading dot grid and a few soft outlines.
 * Every position and speed comes from `random(seed…)`, so a scene always draws the same picture.
 */
export function GeneratedBackground({ theme, seed }: GeneratedBackgroundProps) {
  const frame = useCurrentFrame();
  const { fps, width, height } = useVideoConfig();
  const fieldRef = useRef<HTMLCanvasElement>(null);
  const linesRef = useRef<HTMLCanvasElement>(null);
  const fieldWidth = Math.ceil(width / FIELD_SCALE);
  const fieldHeight = Math.ceil(height / FIELD_SCALE);

  useLayoutEffect(() => {
    const field = fieldRef.current?.getContext("2d");
    const lines = linesRef.current?.getContext("2d");
    if (!field || !lines) return;
    const t = frame / fps;
    const r = (key: string) => random(`${seed}-${key}`);
    const c = theme.colors;
    const background = resolveColor(field, c.background);
    const alt = resolveColor(field, c.backgroundAlt);
    const accent = resolveColor(field, c.accent);
    const text = resolveColor(field, c.text);
    paintField(field, fieldWidth, fieldHeight, t, r, { background, alt, accent, text });
    paintLines(lines, width, height, t, r, { accent, text });
  }, [frame, fps, seed, theme, width, height, fieldWidth, fieldHeight]);

  return (
    <AbsoluteFill style={{ backgroundColor: theme.colors.background }}>
      <canvas ref={fieldRef} width={fieldWidth} height={fieldHeight} style={{ position: "absolute", inset: 0, width: "100%", height: "100%" }} />
      <canvas ref={linesRef} width={width} height={height} style={{ position: "absolute", inset: 0, width: "100%", height: "100%" }} />
    </AbsoluteFill>
  );
}

type Rand = (key: string) => number;

function paintField(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  t: number,
  r: Rand,
  colors: { background: Rgba; alt: Rgba; accent: Rgba; text: Rgba },
) {
  const { background, alt, accent, text } = colors;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalCompositeOperation = "source-over";
  const angle = ((120 + 60 * r("angle") + t * 2) * Math.PI) / 180;
  const half = (Math.abs(w * Math.sin(angle)) + Math.abs(h * Math.cos(angle))) / 2;
  const dx = Math.sin(angle) * half;
  const dy = -Math.cos(angle) * half;
  const base = ctx.createLinearGradient(w / 2 - dx, h / 2 - dy, w / 2 + dx, h / 2 + dy);
  base.addColorStop(0, rgbaString(background));
  base.addColorStop(1, rgbaString(mixRgba(alt, background, 0.45)));
  ctx.fillStyle = base;
  ctx.fillRect(0, 0, w, h);

  const span = Math.max(w, h);
  const blobs: Array<{ color: Rgba; alpha: number; size: number }> = [
    { color: alt, alpha: 0.85, size: 0.75 },
    { color: accent, alpha: 0.26, size: 0.5 },
    { color: mixRgba(alt, text, 0.6), alpha: 0.6, size: 0.45 },
  ];
  blobs.forEach((blob, k) => {
    // One slow orbit every 25–45 s, so the motion reads as drift, not as animation.
    const speed = TAU / (25 + 20 * r(`speed${k}`));
    const phase = TAU * r(`phase${k}`);
    const x = (w * (50 + (22 + 14 * r(`ax${k}`)) * Math.sin(phase + t * speed))) / 100;
    const y = (h * (50 + (18 + 14 * r(`ay${k}`)) * Math.cos(phase * 1.3 + t * speed * 0.8))) / 100;
    const radius = span * blob.size * (0.85 + 0.3 * r(`size${k}`));
    const g = ctx.createRadialGradient(x, y, 0, x, y, radius);
    g.addColorStop(0, rgbaString(blob.color, blob.alpha));
    g.addColorStop(0.5, rgbaString(blob.color, blob.alpha * 0.4));
    g.addColorStop(1, rgbaString(blob.color, 0));
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, w, h);
  });

  // Vignette: an ellipse over the frame, darkening toward the corners.
  ctx.save();
  ctx.translate(w / 2, h * 0.45);
  ctx.scale(w / h, 1);
  const reach = Math.hypot(h / 2, h * 0.55);
  const v = ctx.createRadialGradient(0, 0, reach * 0.55, 0, 0, reach);
  v.addColorStop(0, rgbaString(background, 0));
  v.addColorStop(1, rgbaString(background, 0.55));
  ctx.fillStyle = v;
  ctx.fillRect(-w, -h, 2 * w, 2 * h);
  ctx.restore();
}

function paintLines(ctx: CanvasRenderingContext2D, w: number, h: number, t: number, r: Rand, colors: { accent: Rgba; text: Rgba }) {
  const { accent, text } = colors;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const small = Math.min(w, h);
  const stroke = Math.max(2, Math.round(small * 0.002));

  // Dot grid, fading out from a seeded centre.
  const step = Math.max(28, Math.round(small * 0.035));
  const cx = w * (0.3 + 0.4 * r("gridx"));
  const cy = h * (0.25 + 0.3 * r("gridy"));
  const reach = Math.hypot(Math.max(cx, w - cx), Math.max(cy, h - cy)) * 0.6;
  const shift = (t * 4) % step;
  ctx.fillStyle = rgbaString(text);
  for (let y = step / 2; y < h; y += step) {
    for (let x = (step / 2 + shift) % step; x < w; x += step) {
      const fade = 1 - Math.hypot(x - cx, y - cy) / reach;
      if (fade <= 0) continue;
      ctx.globalAlpha = 0.14 * fade;
      ctx.beginPath();
      ctx.arc(x, y, stroke * 0.7, 0, TAU);
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;

  ctx.lineWidth = stroke;
  [0, 1].forEach((k) => {
    const size = small * (0.55 + 0.35 * r(`ring${k}`));
    const x = w * (0.15 + 0.7 * r(`ringx${k}`)) + Math.sin(t * 0.2 + k) * small * 0.03;
    const y = h * (0.15 + 0.7 * r(`ringy${k}`)) + Math.cos(t * 0.17 + k) * small * 0.03;
    ctx.strokeStyle = rgbaString(text, k === 0 ? 0.09 : 0.06);
    ctx.beginPath();
    ctx.arc(x, y, size / 2, 0, TAU);
    ctx.stroke();
  });

  const size = small * (0.3 + 0.2 * r("square"));
  ctx.save();
  ctx.translate(w * (0.6 + 0.3 * r("squarex")), h * (0.1 + 0.8 * r("squarey")));
  ctx.rotate(((360 * r("squareRot") + t * 4) * Math.PI) / 180);
  ctx.strokeStyle = rgbaString(accent, 0.22);
  ctx.beginPath();
  ctx.roundRect(-size / 2, -size / 2, size, size, size * 0.18);
  ctx.stroke();
  ctx.restore();
}
