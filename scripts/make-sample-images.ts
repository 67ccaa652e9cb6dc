/**
 * Draws the pictures used by the sample articles into samples/articles/images/.
 *
 *   npx tsx scripts/make-sample-images.ts
 *
 * Every picture is computed from code (seeded value noise, Voronoi cells, signed distances and
 * gradients), so running it again writes the same bytes. Pixels are encoded as PNG with node:zlib;
 * photos are then re-encoded as JPEG by the ffmpeg that ships with Remotion. That ffmpeg build has
 * no lavfi generators or drawing filters (no `gradients`, `geq`, `drawbox`), which is why the
 * pixels are drawn here rather than by an ffmpeg filter graph.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateSync } from "node:zlib";

type RGB = readonly [number, number, number];

/** Paints one point. x runs 0…width/height, y runs 0…1 (height units); px is one pixel in those units. */
type Painter = (x: number, y: number, px: number) => RGB;

type ImageSpec = {
  file: string;
  width: number;
  height: number;
  /** Supersampling per axis (2 = 4 samples a pixel), for pictures with crisp edges. */
  samples: number;
  paint: Painter;
};

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(repoRoot, "samples", "articles", "images");
const ffmpegDir = path.join(repoRoot, "node_modules", "@remotion", "compositor-linux-x64-gnu");
/** mjpeg qscale 4 is close to libjpeg quality ~82. */
const JPEG_QSCALE = "4";

// ---------------------------------------------------------------- math helpers

const clamp = (v: number, lo = 0, hi = 1): number => Math.min(hi, Math.max(lo, v));
const mix = (a: number, b: number, t: number): number => a + (b - a) * t;
const smoothstep = (e0: number, e1: number, v: number): number => {
  const t = clamp((v - e0) / (e1 - e0));
  return t * t * (3 - 2 * t);
};
const fract = (v: number): number => v - Math.floor(v);

const hex = (h: string): RGB => {
  const n = Number.parseInt(h.replace("#", ""), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
};
const mixRGB = (a: RGB, b: RGB, t: number): RGB => [mix(a[0], b[0], t), mix(a[1], b[1], t), mix(a[2], b[2], t)];
const scaleRGB = (a: RGB, k: number): RGB => [a[0] * k, a[1] * k, a[2] * k];
const addRGB = (a: RGB, b: RGB): RGB => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const mulRGB = (a: RGB, b: RGB): RGB => [a[0] * b[0], a[1] * b[1], a[2] * b[2]];
/** Screen blend: adds light without clipping harshly. */
const screenRGB = (a: RGB, b: RGB): RGB => [
  1 - (1 - clamp(a[0])) * (1 - clamp(b[0])),
  1 - (1 - clamp(a[1])) * (1 - clamp(b[1])),
  1 - (1 - clamp(a[2])) * (1 - clamp(b[2])),
];
const BLACK: RGB = [0, 0, 0];

/** Distance from p to the segment a–b. */
function segmentDistance(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax;
  const vy = by - ay;
  const h = clamp(((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy));
  return Math.hypot(x - ax - vx * h, y - ay - vy * h);
}

/** Coverage (0…1) of a shape given its signed distance, antialiased over one pixel. */
const cover = (signedDistance: number, px: number): number => smoothstep(px * 0.75, -px * 0.75, signedDistance);

// ---------------------------------------------------------------- noise

function hash(ix: number, iy: number, seed: number): number {
  let h = Math.imul(ix | 0, 0x27d4eb2d) ^ Math.imul(iy | 0, 0x165667b1) ^ Math.imul(seed | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

function valueNoise(x: number, y: number, seed: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = x - ix;
  const fy = y - iy;
  const ux = fx * fx * fx * (fx * (fx * 6 - 15) + 10);
  const uy = fy * fy * fy * (fy * (fy * 6 - 15) + 10);
  const a = hash(ix, iy, seed);
  const b = hash(ix + 1, iy, seed);
  const c = hash(ix, iy + 1, seed);
  const d = hash(ix + 1, iy + 1, seed);
  return mix(mix(a, b, ux), mix(c, d, ux), uy);
}

/** Fractal value noise in 0…1; each octave is rotated so the lattice does not show. */
function fbm(x: number, y: number, seed: number, octaves = 5): number {
  let sum = 0;
  let amp = 0.5;
  let norm = 0;
  let px = x;
  let py = y;
  for (let o = 0; o < octaves; o++) {
    sum += amp * valueNoise(px, py, seed + o * 101);
    norm += amp;
    amp *= 0.5;
    const nx = (0.8 * px - 0.6 * py) * 2.03;
    py = (0.6 * px + 0.8 * py) * 2.03;
    px = nx;
  }
  return sum / norm;
}

type VoronoiCell = { f1: number; f2: number; id: number; cx: number; cy: number };

/** Nearest and second-nearest feature point distances on a jittered unit grid. */
function voronoi(x: number, y: number, seed: number): VoronoiCell {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  let f1 = 9;
  let f2 = 9;
  let id = 0;
  let cx = 0;
  let cy = 0;
  for (let j = -1; j <= 1; j++) {
    for (let i = -1; i <= 1; i++) {
      const gx = ix + i;
      const gy = iy + j;
      const fx = gx + 0.1 + 0.8 * hash(gx, gy, seed);
      const fy = gy + 0.1 + 0.8 * hash(gx, gy, seed + 1);
      const d = Math.hypot(x - fx, y - fy);
      if (d < f1) {
        f2 = f1;
        f1 = d;
        id = hash(gx, gy, seed + 2);
        cx = fx;
        cy = fy;
      } else if (d < f2) {
        f2 = d;
      }
    }
  }
  return { f1, f2, id, cx, cy };
}

/** One layer of point stars on a grid of `cell`-sized squares; returns brightness. */
function starLayer(x: number, y: number, seed: number, cell: number, chance: number, px: number): number {
  const cx = Math.floor(x / cell);
  const cy = Math.floor(y / cell);
  if (hash(cx, cy, seed) > chance) return 0;
  const sx = (cx + 0.2 + 0.6 * hash(cx, cy, seed + 1)) * cell;
  const sy = (cy + 0.2 + 0.6 * hash(cx, cy, seed + 2)) * cell;
  const mag = hash(cx, cy, seed + 3);
  const r = px * (0.6 + 1.5 * mag * mag * mag);
  const d2 = ((x - sx) ** 2 + (y - sy) ** 2) / (r * r);
  return (0.25 + 0.75 * mag) * Math.exp(-d2);
}

function stars(x: number, y: number, seed: number, px: number, density = 1): number {
  return (
    starLayer(x, y, seed, 0.012, 0.3 * density, px) +
    starLayer(x, y, seed + 10, 0.03, 0.3 * density, px) +
    1.3 * starLayer(x, y, seed + 20, 0.07, 0.35 * density, px)
  );
}

// ---------------------------------------------------------------- shared scenery

type Curtain = {
  seed: number;
  /** Lower edge height (y) of the curtain. */
  base: number;
  amp: number;
  freq: number;
  phase: number;
  /** How fast the light fades going up, in height units. */
  decay: number;
  strength: number;
  low: RGB;
  high: RGB;
  fringe?: RGB;
};

/** Light added by an aurora curtain: a wavy lower edge, vertical rays, colour shifting with height. */
function aurora(x: number, y: number, c: Curtain): RGB {
  const warp = fbm(x * 0.9, 0.5, c.seed, 3) - 0.5;
  const edgeY =
    c.base + c.amp * Math.sin(x * c.freq + c.phase + warp * 3) + (fbm(x * 2.5, 3.1, c.seed + 7, 3) - 0.5) * 0.1;
  const h = edgeY - y;
  if (h < -0.08) return BLACK;
  const along = smoothstep(0.3, 0.68, fbm(x * 1.1, 7.7, c.seed + 9, 3));
  const lowerEdge = smoothstep(-0.014, 0.008, h);
  const fall = Math.exp(-Math.max(h, 0) / c.decay);
  const rayX = x + warp * 0.25;
  const rays =
    0.25 +
    0.55 * Math.pow(valueNoise(rayX * 55, y * 1.1, c.seed + 3), 1.5) +
    0.35 * Math.pow(valueNoise(rayX * 150, y * 2.5, c.seed + 4), 2);
  const glow = Math.exp(-Math.abs(h) / (c.decay * 2.2)) * 0.22;
  const intensity = (lowerEdge * fall * rays + glow) * along * c.strength;
  const colour = mixRGB(c.low, c.high, smoothstep(0.05, 1.1, Math.max(h, 0) / (c.decay * 2)));
  let out = scaleRGB(colour, intensity);
  if (c.fringe) {
    const f = Math.exp(-((h + 0.004) ** 2) / 0.0002) * along * 0.2 * c.strength;
    out = addRGB(out, scaleRGB(c.fringe, f));
  }
  return out;
}

/** Night sky: gradient from the zenith to a faint horizon glow. */
function nightSky(y: number, horizon: number, top: RGB, low: RGB): RGB {
  return mixRGB(top, low, Math.pow(clamp(y / horizon), 2.2));
}

/**
 * Coverage of a line of spruce silhouettes standing on groundY (plus the ground below it).
 * `scale` sets tree height; trees sit on cells of ~0.028·scale width with random gaps.
 */
function spruces(x: number, y: number, groundY: number, seed: number, scale: number, px: number): number {
  if (y >= groundY) return 1;
  const cellW = 0.03 * scale;
  const ci = Math.floor(x / cellW);
  let c = 0;
  for (let k = ci - 3; k <= ci + 3; k++) {
    if (hash(k, 0, seed) < 0.18) continue;
    const tx = (k + hash(k, 1, seed)) * cellW;
    const th = scale * (0.05 + 0.13 * hash(k, 2, seed));
    const top = groundY - th;
    if (y < top - px) continue;
    const rel = clamp((y - top) / th);
    const tiers = 6 + Math.floor(hash(k, 3, seed) * 6);
    const saw = 0.55 + 0.45 * fract(rel * tiers);
    const half = th * 0.2 * rel * saw + 0.0012;
    c = Math.max(c, cover(Math.abs(x - tx) - half, px));
  }
  return c;
}

function vignette(x: number, y: number, aspect: number, strength: number): number {
  const dx = (x / aspect - 0.5) * 2;
  const dy = (y - 0.5) * 2;
  return 1 - strength * clamp((dx * dx + dy * dy) / 2) ** 1.2;
}

/** Wood planks with flowing grain; planks run along x. */
function wood(x: number, y: number, seed: number, plank: number, light: RGB, dark: RGB): RGB {
  const row = Math.floor(y / plank);
  const shift = hash(row, 0, seed) * 10;
  const grain = Math.sin((y * 90 + (fbm(x * 1.2 + shift, y * 6, seed + row, 4) - 0.5) * 14) * 2.2);
  const knots = fbm(x * 3 + shift, y * 3, seed + 50, 3);
  let c = mixRGB(dark, light, clamp(0.5 + 0.32 * grain + (knots - 0.5) * 0.9));
  c = scaleRGB(c, 0.88 + 0.22 * hash(row, 1, seed));
  const inPlank = y / plank - row;
  const seam = Math.min(inPlank, 1 - inPlank) * plank;
  return scaleRGB(c, 0.45 + 0.55 * smoothstep(0, 0.006, seam));
}

// ---------------------------------------------------------------- bike lane

const ASPHALT = hex("#47494c");
const LANE_GREEN = hex("#3b9a5e");
const PAINT_WHITE = hex("#ecebe5");
const CONCRETE = hex("#b6b1a7");

/** Bicycle road marking in local units: x across the lane, y along it. Returns distance to the strokes. */
function bicycleMarking(x: number, y: number): number {
  const w = 0.0055;
  const ring = (cx: number, cy: number, r: number): number => Math.abs(Math.hypot(x - cx, y - cy) - r) - w;
  const seg = (ax: number, ay: number, bx: number, by: number): number => segmentDistance(x, y, ax, ay, bx, by) - w;
  return Math.min(
    ring(-0.075, 0, 0.05),
    ring(0.075, 0, 0.05),
    seg(-0.075, 0, 0, 0),
    seg(0, 0, -0.025, 0.085),
    seg(-0.075, 0, -0.025, 0.085),
    seg(-0.025, 0.085, 0.05, 0.085),
    seg(0.05, 0.085, 0, 0),
    seg(0.05, 0.085, 0.075, 0),
    seg(-0.048, 0.097, -0.006, 0.097),
    seg(0.05, 0.085, 0.058, 0.112),
    seg(0.058, 0.112, 0.036, 0.118),
  );
}

function arrowMarking(x: number, y: number): number {
  const w = 0.007;
  return Math.min(
    segmentDistance(x, y, -0.045, 0.0, 0, 0.05) - w,
    segmentDistance(x, y, 0.045, 0.0, 0, 0.05) - w,
    segmentDistance(x, y, 0, 0.05, 0, -0.07) - w,
  );
}

const paintBikeLane: Painter = (x, y, px) => {
  const aspect = 16 / 9;
  const th = -0.3;
  const dx = x - aspect / 2;
  const dy = y - 0.5;
  const s = dx * Math.cos(th) + dy * Math.sin(th);
  const t = -dx * Math.sin(th) + dy * Math.cos(th);

  const grit = valueNoise(x * 300, y * 300, 11) - 0.5;
  const patches = fbm(x * 3, y * 3, 12) - 0.5;
  const wear = fbm(x * 7, y * 7, 13, 4);
  let asphalt = scaleRGB(ASPHALT, 1 + grit * 0.22 + patches * 0.25);
  const stain = smoothstep(0.58, 0.75, fbm(s * 2, t * 6 + 4, 14, 4)) * smoothstep(0.1, 0.25, t);
  asphalt = scaleRGB(asphalt, 1 - stain * 0.25);

  let c: RGB;
  if (t < -0.45) {
    const tu = (s + 10) / 0.2;
    const tv = (t + 10) / 0.2;
    const tile = hash(Math.floor(tu), Math.floor(tv), 15);
    const joint = Math.min(Math.min(fract(tu), 1 - fract(tu)), Math.min(fract(tv), 1 - fract(tv))) * 0.2;
    c = scaleRGB(CONCRETE, 0.93 + 0.1 * tile + (fbm(x * 9, y * 9, 16, 4) - 0.5) * 0.18 + grit * 0.08);
    c = scaleRGB(c, 0.55 + 0.45 * smoothstep(0.0008, 0.003, joint));
  } else if (t < -0.41) {
    const rel = (t + 0.45) / 0.04;
    c = scaleRGB(hex("#cfcbc2"), 0.95 + grit * 0.08 + 0.12 * smoothstep(0.2, 0.0, rel) - 0.35 * smoothstep(0.75, 1, rel));
  } else if (t < -0.39) {
    c = scaleRGB(asphalt, 0.72);
  } else {
    c = asphalt;
    // Green lane surface, worn where traffic rubs it off.
    if (t < -0.08) {
      const a = 0.93 * (1 - 0.6 * smoothstep(0.64, 0.8, wear));
      c = mixRGB(c, scaleRGB(LANE_GREEN, 1 + grit * 0.25 + patches * 0.15), a);
    }
    // White lines: solid either side of a hatched buffer, dashes between car lanes.
    const paintA = 0.95 * (1 - smoothstep(0.66, 0.82, wear));
    const solid1 = cover(Math.abs(t + 0.07) - 0.011, px);
    const solid2 = cover(Math.abs(t - 0.05) - 0.011, px);
    const inBuffer = cover(Math.abs(t + 0.01) - 0.05, px);
    const hatch = cover(Math.abs(fract((s - t) / 0.09) - 0.5) * 0.09 - 0.012, px) * inBuffer;
    const dash = cover(Math.abs(t - 0.46) - 0.009, px) * cover(Math.abs(fract(s / 0.55) - 0.5) * 0.55 - 0.14, px);
    let mark = Math.max(solid1, solid2, hatch, dash);
    // Bicycle symbols and arrows painted in the green lane.
    for (const s0 of [-0.55, 0.6]) {
      const lx = t + 0.235;
      const ly = s - s0;
      if (Math.abs(lx) > 0.15 || ly < -0.32 || ly > 0.16) continue; // outside this marking's box
      mark = Math.max(mark, cover(bicycleMarking(lx, -ly), px), cover(arrowMarking(lx, -(ly + 0.23)), px));
    }
    c = mixRGB(c, scaleRGB(PAINT_WHITE, 0.97 + grit * 0.1), mark * paintA);
  }

  // A lamp post's long shadow and dappled shade from a street tree.
  const postShadow = cover(Math.abs(segmentDistance(x, y, 0.32, 0.1, 1.2, 1.15)) - 0.012, px * 6);
  const leaves = smoothstep(0.5, 0.6, fbm(x * 5, y * 5, 17, 5)) * smoothstep(0.75, 0.2, Math.hypot(x, y - 1));
  let shade = 1 - 0.4 * postShadow - 0.45 * leaves;
  shade *= 1.06 - 0.14 * (x / aspect + y) / 2;
  c = scaleRGB(mulRGB(c, [1.03, 1.0, 0.96]), shade * vignette(x, y, aspect, 0.35));
  return c;
};

// ---------------------------------------------------------------- sourdough

const CREAM = hex("#efe2c4");

/** Bubbles on a grid of `cell`-sized squares: how deep a hole is here and how lit its rim is. */
function bubbles(x: number, y: number, cell: number, seed: number, chance: number): { hole: number; rim: number } {
  const gx = Math.floor(x / cell);
  const gy = Math.floor(y / cell);
  let hole = 0;
  let rim = 0;
  for (let j = -1; j <= 1; j++) {
    for (let i = -1; i <= 1; i++) {
      const cx = gx + i;
      const cy = gy + j;
      if (hash(cx, cy, seed) > chance) continue;
      const bx = (cx + 0.5 + 0.5 * (hash(cx, cy, seed + 1) - 0.5)) * cell;
      const by = (cy + 0.5 + 0.5 * (hash(cx, cy, seed + 2) - 0.5)) * cell;
      const r = cell * (0.14 + 0.32 * hash(cx, cy, seed + 3) ** 2);
      const ox = (x - bx) / r;
      const oy = (y - by) / r;
      const d = Math.hypot(ox, oy);
      hole = Math.max(hole, smoothstep(1.0, 0.75, d) * (0.6 + 0.4 * smoothstep(0.2, -0.5, ox + oy)));
      const ringLight = smoothstep(0.85, 1.0, d) * smoothstep(1.35, 1.0, d) * clamp(0.4 - (ox + oy) / (d * 1.6 + 1e-6));
      rim = Math.max(rim, ringLight);
    }
  }
  return { hole, rim };
}

function linen(x: number, y: number, base: RGB, stripe: RGB): RGB {
  const weave = 0.94 + 0.06 * Math.sin(x * 900) * Math.sin(y * 900) + (valueNoise(x * 400, y * 60, 21) - 0.5) * 0.08;
  const band = smoothstep(0.004, 0.0, Math.abs(fract(x * 3.2 + y * 0.9) - 0.5) - 0.035);
  const fold = 0.92 + 0.12 * fbm(x * 2, y * 2, 22, 3);
  return scaleRGB(mixRGB(base, stripe, band * 0.85), weave * fold);
}

const paintStarterJar: Painter = (x, y, px) => {
  const aspect = 16 / 9;
  const cx = aspect * 0.56;
  const cy = 0.5;
  const dx = x - cx;
  const dy = y - cy;
  const r = Math.hypot(dx, dy);
  const inner = 0.37;
  const outer = 0.405;

  // Table, a striped linen cloth on the left and a wooden spoon on the right.
  let c = wood(x + 0.3, y + 0.1, 31, 0.33, hex("#a06a3e"), hex("#5e3a20"));
  const clothEdge = 0.55 - x - y * 0.25 + (fbm(y * 3, 0.3, 32, 3) - 0.5) * 0.05;
  if (clothEdge > 0) {
    c = linen(x, y, hex("#ece4d3"), hex("#4a6d8c"));
    c = scaleRGB(c, 0.85 + 0.15 * smoothstep(0, 0.04, clothEdge));
  } else {
    c = scaleRGB(c, 1 - 0.35 * smoothstep(0.03, 0, -clothEdge));
  }
  const spoonAngle = 0.9;
  const sx = (x - 1.6) * Math.cos(spoonAngle) + (y - 0.3) * Math.sin(spoonAngle);
  const sy = -(x - 1.6) * Math.sin(spoonAngle) + (y - 0.3) * Math.cos(spoonAngle);
  const bowl = Math.hypot(sx / 0.11, sy / 0.07) - 1;
  const handle = Math.max(Math.abs(sy) - 0.018, Math.abs(sx - 0.45) - 0.36);
  const spoonShadowOff = (() => {
    const ox = (x - 1.615) * Math.cos(spoonAngle) + (y - 0.325) * Math.sin(spoonAngle);
    const oy = -(x - 1.615) * Math.sin(spoonAngle) + (y - 0.325) * Math.cos(spoonAngle);
    return Math.min((Math.hypot(ox / 0.11, oy / 0.07) - 1) * 0.07, Math.max(Math.abs(oy) - 0.018, Math.abs(ox - 0.45) - 0.36));
  })();
  c = scaleRGB(c, 1 - 0.4 * smoothstep(0.02, -0.01, spoonShadowOff));
  const spoonCover = Math.max(cover(bowl * 0.07, px), cover(handle, px));
  if (spoonCover > 0) {
    const shade = bowl < 0 ? 0.8 + 0.35 * clamp(-(sx + sy) / 0.12) : 0.95 + 0.1 * Math.sin(sx * 40);
    const spoonWood = scaleRGB(mixRGB(hex("#d9b07a"), hex("#b98a55"), fbm(sx * 4, sy * 40, 33, 4)), shade);
    c = mixRGB(c, spoonWood, spoonCover);
  }

  // The jar's soft shadow falls down and to the right.
  const shadowR = Math.hypot(dx - 0.035, dy - 0.045);
  c = scaleRGB(c, 1 - 0.5 * smoothstep(outer + 0.05, outer - 0.03, shadowR));

  if (r < outer + px) {
    // Glass wall: the table seen through tinted glass, then a bright rim.
    const glass = mixRGB(scaleRGB(c, 0.8), hex("#d6e4e6"), 0.35);
    const angle = Math.atan2(dy, dx);
    const highlight = Math.pow(clamp(Math.cos(angle + 2.3)), 6) * 0.6;
    const rimLine = smoothstep(0.008, 0.0, Math.abs(r - (outer - 0.006)));
    const innerLine = smoothstep(0.006, 0.0, Math.abs(r - inner - 0.004)) * 0.5;
    let g = addRGB(glass, scaleRGB([1, 1, 1], highlight * smoothstep(inner, outer, r) + rimLine * 0.45 + innerLine * 0.3));
    g = mixRGB(c, g, cover(r - outer, px));

    // Starter: a cream surface full of bubbles, darker toward the glass.
    const big = bubbles(x, y, 0.075, 34, 0.45);
    const mid = bubbles(x, y, 0.032, 35, 0.55);
    const small = bubbles(x + 0.3, y, 0.013, 36, 0.6);
    const hole = Math.max(big.hole, mid.hole * 0.9, small.hole * 0.8);
    const rim = Math.max(big.rim, mid.rim, small.rim * 0.8);
    let s = scaleRGB(CREAM, 0.96 + (fbm(x * 6, y * 6, 37, 4) - 0.5) * 0.14);
    s = mixRGB(s, hex("#a88a5c"), hole * 0.75);
    s = mixRGB(s, hex("#fffaf0"), rim * 0.8);
    s = scaleRGB(s, 1 - 0.3 * smoothstep(inner - 0.09, inner, r) - 0.12 * clamp((dx + dy) / 0.5));
    c = mixRGB(g, s, cover(r - inner, px));
  }
  return scaleRGB(mulRGB(c, [1.04, 1.0, 0.94]), vignette(x, y, aspect, 0.4));
};

const paintLoaf: Painter = (x, y, px) => {
  const aspect = 16 / 9;
  // Floured dark board.
  let c = wood(x, y * 0.6, 41, 0.4, hex("#6b4428"), hex("#33200f"));
  const flour = smoothstep(0.55, 0.8, fbm(x * 4, y * 4, 42, 5)) * 0.3 + starLayer(x, y, 43, 0.008, 0.25, px) * 0.2;
  c = mixRGB(c, hex("#f3efe6"), clamp(flour));

  const cx = aspect * 0.5;
  const cy = 0.5;
  const rx = 0.5;
  const ry = 0.37;
  // A slightly lopsided boule rather than a perfect ellipse.
  const wobble = 1 + 0.035 * Math.sin(Math.atan2(y - cy, x - cx) * 3 + 0.7) + 0.02 * Math.sin(Math.atan2(y - cy, x - cx) * 5);
  const qx = (x - cx) / (rx * wobble);
  const qy = (y - cy) / (ry * wobble);
  const r2 = qx * qx + qy * qy;

  const sq = ((x - cx - 0.05) / (rx * 1.04)) ** 2 + ((y - cy - 0.06) / (ry * 1.04)) ** 2;
  c = scaleRGB(c, 1 - 0.65 * smoothstep(1.25, 0.8, sq));
  if (r2 >= 1 + px * 8) return scaleRGB(c, vignette(x, y, aspect, 0.5));

  const z = Math.sqrt(Math.max(0, 1 - r2));
  const n = Math.hypot(qx, qy, z * 1.4);
  const lambert = clamp((-0.45 * qx - 0.55 * qy + 0.7 * z * 1.4) / n);
  const tone = fbm(x * 3, y * 3, 44, 5);
  let crust = mixRGB(hex("#45200a"), hex("#b9753a"), clamp(0.05 + 0.75 * z + (tone - 0.5) * 0.9));
  // Faint crackle in the crust.
  const crackle = voronoi(x * 16 + tone, y * 16, 45);
  crust = scaleRGB(crust, 0.94 + 0.06 * smoothstep(0.0, 0.08, crackle.f2 - crackle.f1));
  // Score: one long diagonal opening with a pale crumb and a dark, raised ear along one lip.
  const su = qx * Math.cos(0.55) + qy * Math.sin(0.55);
  const sv = -qx * Math.sin(0.55) + qy * Math.cos(0.55);
  const curve = -0.04 - 0.22 * su * su;
  const along = clamp(1 - (su / 0.78) ** 2);
  const width = 0.13 * along;
  const d = sv - curve;
  const open = smoothstep(width, width * 0.7, Math.abs(d)) * (along > 0 ? 1 : 0);
  const bloom = smoothstep(width * 4, width, Math.abs(d)) * along;
  crust = mixRGB(crust, hex("#d49a55"), bloom * 0.35);
  // The crumb in the opening sits in the shadow of the ear along its upper lip.
  const inOpen = clamp((d + width) / (2 * width + 1e-6));
  const crumb = scaleRGB(hex("#ecd09a"), (0.55 + 0.5 * inOpen) * (0.92 + 0.12 * fbm(x * 25, y * 25, 46, 3)));
  crust = mixRGB(crust, crumb, open);
  const ear = smoothstep(0.035, 0.0, Math.abs(d + width * 1.05)) * along;
  crust = mixRGB(crust, hex("#2e1405"), ear * 0.75);
  // Flour on the top.
  const dust = smoothstep(0.5, 0.8, fbm(x * 9, y * 9, 47, 5)) * smoothstep(0.3, 0.9, z) * (1 - open);
  crust = mixRGB(crust, hex("#f1ebdd"), dust * 0.4);
  const lit = scaleRGB(crust, 0.35 + 0.9 * lambert);
  c = mixRGB(c, lit, cover((Math.sqrt(r2) - 1) * ry, px));
  return scaleRGB(mulRGB(c, [1.05, 1.0, 0.92]), vignette(x, y, aspect, 0.5));
};

// ---------------------------------------------------------------- northern lights

const SKY_TOP = hex("#020308");
const SKY_LOW = hex("#0c2230");
const GREEN = hex("#3dff8f");
const VIOLET = hex("#9a5cff");
const PINK = hex("#ff4f9a");

const mainCurtain: Curtain = {
  seed: 51, base: 0.5, amp: 0.08, freq: 2.6, phase: 0.4, decay: 0.12, strength: 1.25, low: GREEN, high: VIOLET, fringe: PINK,
};
const secondCurtain: Curtain = {
  seed: 52, base: 0.3, amp: 0.05, freq: 3.4, phase: 2.0, decay: 0.08, strength: 0.6, low: GREEN, high: VIOLET,
};

function auroraSky(x: number, y: number, px: number, horizon: number): RGB {
  let c = nightSky(y, horizon, SKY_TOP, SKY_LOW);
  c = addRGB(c, scaleRGB([0.85, 0.9, 1], stars(x, y, 53, px) * 0.9));
  c = screenRGB(c, aurora(x, y, mainCurtain));
  c = screenRGB(c, aurora(x, y, secondCurtain));
  return c;
}

const paintAuroraCurtain: Painter = (x, y, px) => {
  const aspect = 16 / 9;
  let c = auroraSky(x, y, px, 0.78);
  const ridge = 0.66 - 0.14 * fbm(x * 1.6, 0.2, 54, 5) + 0.04 * Math.sin(x * 2.1);
  const mountain = cover(ridge - y, px);
  const snowLit = mixRGB(hex("#0b1418"), hex("#1f4a3c"), smoothstep(0.04, 0.0, y - ridge) * 0.6);
  const snow = scaleRGB(snowLit, 0.7 + 0.5 * fbm(x * 12, y * 30, 55, 4));
  c = mixRGB(c, snow, mountain);
  const trees = spruces(x, y, 0.9 + 0.03 * Math.sin(x * 3), 56, 1.6, px);
  c = mixRGB(c, hex("#020405"), trees);
  return scaleRGB(c, vignette(x, y, aspect, 0.35));
};

const paintAuroraCorona: Painter = (x, y, px) => {
  const aspect = 16 / 9;
  const cx = aspect * 0.52;
  const cy = 0.32;
  const dx = x - cx;
  const dy = y - cy;
  const r = Math.hypot(dx, dy);
  const a = Math.atan2(dy, dx);
  let c = mixRGB(hex("#050816"), hex("#02030a"), clamp(r));
  c = addRGB(c, scaleRGB([0.85, 0.9, 1], stars(x, y, 61, px)));
  const spin = a + 0.12 * Math.log(r + 0.05);
  const rays =
    0.2 +
    0.8 * Math.pow(valueNoise(spin * 9 + 20, r * 1.5, 62), 2) +
    0.6 * Math.pow(valueNoise(spin * 28 + 50, r * 3, 63), 3);
  const band = smoothstep(0.03, 0.16, r) * Math.exp(-r / 0.45);
  const intensity = rays * band * 1.6;
  const colour = mixRGB(GREEN, VIOLET, smoothstep(0.12, 0.6, r + 0.15 * (valueNoise(spin * 4, 0, 64) - 0.5)));
  c = screenRGB(c, scaleRGB(colour, intensity));
  c = screenRGB(c, scaleRGB(GREEN, 0.25 * Math.exp(-r / 0.1)));
  const trees = spruces(x, y, 1.02, 65, 2.6, px);
  c = mixRGB(c, hex("#010203"), trees);
  return scaleRGB(c, vignette(x, y, aspect, 0.45));
};

const paintAuroraLake: Painter = (x, y, px) => {
  const aspect = 16 / 9;
  const horizon = 0.56;
  const shore = spruces(x, y, horizon, 71, 0.9, px);
  if (y < horizon) {
    const c = auroraSky(x * 0.9 + 0.3, y + 0.1, px, horizon + 0.1);
    return scaleRGB(mixRGB(c, hex("#010203"), shore), vignette(x, y, aspect, 0.3));
  }
  const depth = y - horizon;
  const ripple =
    Math.sin(y * 260 + fbm(x * 3, y * 20, 72, 3) * 12) * 0.004 * (0.3 + depth * 3) + (fbm(x * 2, y * 40, 73, 3) - 0.5) * 0.01;
  const my = horizon - depth * 1.05;
  let reflected = auroraSky((x + ripple) * 0.9 + 0.3, my + 0.1, px * 1.5, horizon + 0.1);
  const treeReflect = spruces(x + ripple, my, horizon, 71, 0.9, px * 2);
  reflected = mixRGB(reflected, hex("#010203"), treeReflect);
  let c = mulRGB(reflected, [0.55, 0.65, 0.75]);
  const streak = smoothstep(0.7, 0.95, valueNoise(x * 8, y * 180, 74)) * 0.05;
  c = addRGB(c, [streak * 0.4, streak, streak * 0.8]);
  c = mixRGB(hex("#020304"), c, smoothstep(0.0, 0.006, depth));
  return scaleRGB(c, vignette(x, y, aspect, 0.35));
};

const paintCabinMilkyWay: Painter = (x, y, px) => {
  const aspect = 16 / 9;
  // Milky Way: a diagonal band of haze and dense stars cut by dark dust lanes.
  const bx = 0.36;
  const by = 1.1;
  const bandD = Math.abs((x - bx) * 0.55 + (y - by) * 0.83);
  const band = Math.exp(-(bandD * bandD) / 0.018);
  const haze = band * (0.35 + 0.65 * fbm(x * 3, y * 3, 81, 6));
  const dust = smoothstep(0.5, 0.7, fbm(x * 5 + 3, y * 5, 82, 5)) * band;
  let c = nightSky(y, 0.85, hex("#03040b"), hex("#0b1a24"));
  c = addRGB(c, scaleRGB(hex("#b9b4d6"), clamp(haze * 0.42 - dust * 0.3)));
  c = addRGB(c, scaleRGB([0.9, 0.92, 1], stars(x, y, 83, px, 1 + band * 2.2)));
  c = addRGB(c, scaleRGB(GREEN, 0.18 * Math.exp(-(0.78 - y) / 0.08) * smoothstep(0.3, 0.7, fbm(x * 1.5, 0, 84, 3))));

  const ground = 0.8 - 0.04 * Math.sin(x * 1.7 + 0.5) - 0.03 * fbm(x * 4, 0, 85, 4);
  if (y > ground - 0.2) {
    const cabX = aspect * 0.63;
    const onGround = cover(ground - y, px);
    const snow = scaleRGB(hex("#16222f"), 0.8 + 0.4 * fbm(x * 10, y * 30, 86, 4));
    c = mixRGB(c, snow, onGround);
    // A few spruces beside the cabin, none in front of it.
    const nearCabin = smoothstep(0.5, 0.3, Math.abs(x - cabX)) * smoothstep(0.1, 0.13, Math.abs(x - cabX));
    c = mixRGB(c, hex("#020304"), spruces(x, y, ground + 0.004, 87, 1.2, px) * nearCabin * (1 - onGround));
    // Cabin: walls, a pitched roof, a chimney and one warm window.
    const wallTop = ground - 0.055;
    const walls = Math.max(Math.abs(x - cabX) - 0.07, Math.max(wallTop - y, y - ground - 0.01));
    const slope = 0.55;
    const apexY = wallTop - 0.05;
    const roof = Math.max((apexY + Math.abs(x - cabX) * slope - y) / Math.hypot(1, slope), y - wallTop);
    const chimney = Math.max(Math.abs(x - cabX - 0.045) - 0.008, Math.max(wallTop - 0.065 - y, y - wallTop));
    const cabin = Math.max(cover(walls, px), cover(roof, px), cover(chimney, px));
    const spill = Math.exp(-((x - cabX - 0.02) ** 2 / 0.012 + (y - ground - 0.035) ** 2 / 0.0008)) * onGround;
    c = addRGB(c, scaleRGB(hex("#ff9c42"), spill * 0.35));
    c = mixRGB(c, hex("#030406"), cabin);
    const winX = cabX + 0.025;
    const winY = wallTop + 0.024;
    const win = Math.max(Math.abs(x - winX) - 0.014, Math.abs(y - winY) - 0.011);
    c = addRGB(c, scaleRGB(hex("#ffa64d"), Math.exp(-Math.hypot(x - winX, y - winY) / 0.025) * 0.5));
    c = mixRGB(c, hex("#ffc27a"), cover(win, px));
  }
  return scaleRGB(c, vignette(x, y, aspect, 0.4));
};

const paintSnowBlueHour: Painter = (x, y, px) => {
  const aspect = 16 / 9;
  const horizon = 0.55 + 0.02 * Math.sin(x * 2.2) - 0.03 * fbm(x * 3, 0, 91, 4);
  let c: RGB;
  if (y < horizon) {
    const t = y / horizon;
    c = mixRGB(hex("#0f1a3d"), hex("#3f5c92"), smoothstep(0.0, 0.85, t));
    c = mixRGB(c, hex("#b58aa8"), smoothstep(0.8, 1.0, t) * 0.6);
    c = addRGB(c, scaleRGB([1, 1, 1], stars(x, y, 92, px, 0.5) * (1 - t) * 0.6));
    // A faint quiet arc: the aurora before it wakes.
    const arcD = Math.hypot((x - aspect * 0.5) / 1.5, y - 1.25) - 0.95;
    const arc = Math.exp(-(arcD * arcD) / 0.0012) * (0.6 + 0.4 * fbm(x * 2, 0, 93, 3));
    c = screenRGB(c, scaleRGB(GREEN, arc * 0.55));
  } else {
    // Snow field with wind drifts, lit cold blue, and a line of footprints.
    const drift = fbm(x * 2.5, y * 9, 94, 5);
    const slope = fbm(x * 2.5, y * 9 + 0.02, 94, 5) - drift;
    c = mixRGB(hex("#5f78a8"), hex("#c4d3ea"), clamp(0.55 + slope * 18 + (drift - 0.5) * 0.6));
    c = scaleRGB(c, 0.9 + 0.15 * smoothstep(horizon, 1, y));
    const sparkle = starLayer(x, y, 95, 0.006, 0.25, px) * smoothstep(horizon + 0.1, 1, y);
    c = addRGB(c, [sparkle * 0.6, sparkle * 0.7, sparkle * 0.8]);
    const pathX = aspect * 0.46 + 0.25 * (y - 0.62) + 0.12 * Math.sin((y - 0.55) * 6);
    const depth = (y - horizon) / (1 - horizon);
    const step = 0.018 + 0.06 * depth;
    const k = Math.floor(y / step);
    const side = k % 2 === 0 ? -1 : 1;
    const fx = pathX + side * (0.006 + 0.02 * depth);
    const fy = (k + 0.5) * step;
    const foot = Math.hypot((x - fx) / (0.006 + 0.014 * depth), (y - fy) / (0.003 + 0.01 * depth)) - 1;
    c = mixRGB(c, hex("#3a4f7c"), cover(foot * 0.01, px) * 0.75 * smoothstep(0.0, 0.1, depth));
    c = mixRGB(hex("#1b2747"), c, smoothstep(0, 0.01, y - horizon));
  }
  return scaleRGB(c, vignette(x, y, aspect, 0.3));
};

const paintStarTrails: Painter = (x, y, px) => {
  const aspect = 16 / 9;
  // Stars wheel around the celestial pole during a long exposure: arcs of equal angle.
  const poleX = aspect * 0.62;
  const poleY = 0.1;
  const r = Math.hypot(x - poleX, y - poleY);
  const theta = Math.atan2(y - poleY, x - poleX);
  const ring = 0.0062;
  const exposure = 0.52; // radians: about two hours of sky rotation
  let c = nightSky(y, 0.8, hex("#03040c"), hex("#0d1f2e"));
  const k0 = Math.floor(r / ring);
  let trail = 0;
  for (let k = k0 - 1; k <= k0 + 1; k++) {
    for (let slot = 0; slot < 3; slot++) {
      if (hash(k, slot, 141) > 0.5) continue;
      const rk = (k + 0.5) * ring;
      const start = hash(k, slot + 10, 141) * Math.PI * 2;
      const along = (((theta - start) % (Math.PI * 2)) + Math.PI * 2) % (Math.PI * 2);
      if (along > exposure) continue;
      const mag = hash(k, slot + 20, 141) ** 2;
      const width = px * (0.5 + 1.3 * mag);
      trail += (0.25 + 0.75 * mag) * Math.exp(-((r - rk) ** 2) / (width * width));
    }
  }
  c = addRGB(c, scaleRGB([0.85, 0.9, 1], trail));
  // A low green glow and a snowy ridge with a tent lit from inside.
  const ground = 0.8 - 0.05 * fbm(x * 2, 0, 142, 4) + 0.03 * Math.sin(x * 2.5);
  c = screenRGB(c, scaleRGB(GREEN, 0.3 * Math.exp(-Math.max(0, ground - y) / 0.07)));
  const snow = scaleRGB(hex("#1a2636"), 0.8 + 0.35 * fbm(x * 8, y * 20, 143, 4));
  c = mixRGB(c, snow, cover(ground - y, px));
  const tx = aspect * 0.3;
  const tentBase = ground + 0.01;
  const tent = Math.max((tentBase - 0.09 + Math.abs(x - tx) * 1.1 - y) / Math.hypot(1, 1.1), y - tentBase);
  const spill = Math.exp(-((x - tx) ** 2 / 0.02 + (y - tentBase) ** 2 / 0.0015)) * cover(ground - y, px);
  c = addRGB(c, scaleRGB(hex("#ff9a3d"), spill * 0.4));
  const inside = mixRGB(hex("#ffb560"), hex("#e0701f"), clamp((tentBase - y) / 0.09));
  c = mixRGB(c, inside, cover(tent, px));
  const seam = cover(Math.abs(x - tx) - 0.0015, px) * cover(tent, px);
  c = mixRGB(c, hex("#8a3b0e"), seam * 0.8);
  return scaleRGB(c, vignette(x, y, aspect, 0.3));
};

/** A 40×30 badge with a tiny bar chart: the kind of image a matcher should skip. */
const paintKpBadge: Painter = (x, y, px) => {
  const aspect = 40 / 30;
  const round = 0.18;
  const qx = Math.abs(x - aspect / 2) - (aspect / 2 - round);
  const qy = Math.abs(y - 0.5) - (0.5 - round);
  const box = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - round;
  let c = mixRGB([1, 1, 1], hex("#0d2b2a"), cover(box + px, px));
  const heights = [0.25, 0.4, 0.55, 0.7];
  heights.forEach((h, i) => {
    const bxc = 0.28 + i * 0.26;
    const bar = Math.max(Math.abs(x - bxc) - 0.08, Math.max(0.82 - h - y, y - 0.82));
    c = mixRGB(c, i < 3 ? GREEN : hex("#ffd24d"), cover(bar, px));
  });
  return c;
};

// ---------------------------------------------------------------- tide pool

const paintTidePool: Painter = (x, y, px) => {
  const aspect = 3 / 2;
  // Rocks: warped cells so boulders look worn, dark crevices, barnacles and a little weed.
  const wx = x + (fbm(x * 2, y * 2, 130, 4) - 0.5) * 0.35;
  const wy = y + (fbm(x * 2 + 9, y * 2, 131, 4) - 0.5) * 0.35;
  const rock = voronoi(wx * 3.5, wy * 3.5, 111);
  const crevice = smoothstep(0.0, 0.3, rock.f2 - rock.f1);
  const dome = clamp(1 - rock.f1 * 0.9);
  const grain = fbm(x * 14, y * 14, 112, 5);
  let c = mixRGB(hex("#34302c"), hex("#857b6f"), clamp(rock.id * 0.45 + grain * 0.7 - 0.15));
  c = scaleRGB(c, (0.45 + 0.55 * crevice) * (0.75 + 0.4 * dome));
  const barnacleZone = smoothstep(0.5, 0.62, fbm(x * 4, y * 4, 114, 3)) * crevice;
  const barn = bubbles(x, y, 0.02, 113, 0.55);
  c = mixRGB(c, hex("#2a2622"), barn.hole * barnacleZone * 0.8);
  c = mixRGB(c, hex("#e2dccd"), clamp(barn.rim * 1.6) * barnacleZone);
  const weed = smoothstep(0.62, 0.74, fbm(x * 6, y * 6, 115, 5)) * crevice;
  c = mixRGB(c, scaleRGB(hex("#4d6b23"), 0.8 + 0.4 * grain), weed * 0.85);

  // Pool: a wobbly basin of clear water over sand and pebbles.
  const pdx = (x - aspect * 0.52) / 0.62;
  const pdy = (y - 0.55) / 0.38;
  const poolD = Math.hypot(pdx, pdy) - 1 + (fbm(x * 2.5, y * 2.5, 116, 4) - 0.5) * 0.55;
  const inPool = cover(poolD * 0.3, px);
  if (inPool > 0) {
    const pebble = voronoi(x * 20, y * 20, 117);
    const sand = scaleRGB(hex("#b7a47f"), 0.85 + 0.25 * fbm(x * 20, y * 20, 121, 4));
    const stone = scaleRGB(mixRGB(hex("#6e6a62"), hex("#a39a8a"), pebble.id), 0.7 + 0.5 * clamp(1 - pebble.f1 * 2.2));
    const pebbleR = 0.15 + 0.3 * pebble.id;
    const hasPebble = pebble.id > 0.35 ? 1 : 0;
    const floor = mixRGB(sand, stone, hasPebble * smoothstep(pebbleR, pebbleR - 0.06, pebble.f1) * smoothstep(0.35, 0.55, fbm(x * 3, y * 3, 122, 3)));
    const depth = clamp(-poolD * 1.6);
    let w = mixRGB(floor, hex("#0b5459"), 0.4 + 0.5 * depth);
    // Sea star: five arms, orange, a little bumpy.
    const sx = x - aspect * 0.42;
    const sy = y - 0.62;
    const sr = Math.hypot(sx, sy);
    const sa = Math.atan2(sy, sx) + 0.4;
    const arm = 0.03 + 0.075 * Math.pow(Math.abs(Math.cos(sa * 2.5)), 2.2);
    const starD = sr - arm;
    const star = scaleRGB(hex("#e8622c"), 0.8 + 0.3 * clamp(1 - sr / 0.1) + (starLayer(x, y, 118, 0.008, 0.7, px * 3) - 0.2) * 0.3);
    w = mixRGB(w, mixRGB(star, hex("#0b5459"), 0.25 * depth), cover(starD, px));
    // Green anemones with radial tentacles.
    for (const [ax, ay, ar] of [[0.98, 0.42, 0.05], [1.08, 0.48, 0.035], [0.7, 0.36, 0.04], [1.15, 0.7, 0.045]] as const) {
      const ex = x - ax;
      const ey = y - ay;
      const er = Math.hypot(ex, ey);
      const ea = Math.atan2(ey, ex);
      const tentacles = ar * (0.75 + 0.25 * Math.abs(Math.sin(ea * 11)));
      const body = cover(er - tentacles, px);
      const mouth = cover(er - ar * 0.25, px);
      let an = mixRGB(hex("#3fae77"), hex("#a7e3b5"), clamp(er / ar));
      an = mixRGB(an, hex("#d9658f"), mouth * 0.8);
      w = mixRGB(w, mixRGB(an, hex("#0b5459"), 0.2 * depth), body);
    }
    // Thin wavering caustics and the sky's reflection on the surface.
    const caustic = voronoi(x * 9 + (fbm(x * 4, y * 4, 119, 3) - 0.5) * 1.2, y * 9, 120);
    w = addRGB(w, scaleRGB(hex("#c8fff4"), smoothstep(0.03, 0.0, caustic.f2 - caustic.f1) * 0.09 * (1 - depth * 0.5)));
    w = screenRGB(w, scaleRGB(hex("#cfe9f2"), 0.18 * smoothstep(0.2, -0.5, pdx + pdy)));
    const wetEdge = smoothstep(0.0, 0.05, -poolD);
    c = mixRGB(scaleRGB(c, 0.55), w, inPool * (0.55 + 0.45 * wetEdge));
  } else {
    c = scaleRGB(c, 1 - 0.4 * smoothstep(0.12, 0.0, poolD));
  }
  return scaleRGB(c, vignette(x, y, aspect, 0.35));
};

// ---------------------------------------------------------------- the list

export const SAMPLE_IMAGES: readonly ImageSpec[] = [
  { file: "bike-lane-green.jpg", width: 1600, height: 900, samples: 2, paint: paintBikeLane },
  { file: "starter-jar.jpg", width: 1600, height: 900, samples: 2, paint: paintStarterJar },
  { file: "sourdough-loaf.jpg", width: 1600, height: 900, samples: 2, paint: paintLoaf },
  { file: "aurora-curtain.jpg", width: 1600, height: 900, samples: 2, paint: paintAuroraCurtain },
  { file: "aurora-corona.jpg", width: 1600, height: 900, samples: 2, paint: paintAuroraCorona },
  { file: "aurora-lake.jpg", width: 1600, height: 900, samples: 2, paint: paintAuroraLake },
  { file: "cabin-milky-way.jpg", width: 1600, height: 900, samples: 2, paint: paintCabinMilkyWay },
  { file: "snow-blue-hour.jpg", width: 1600, height: 900, samples: 2, paint: paintSnowBlueHour },
  { file: "star-trails.jpg", width: 1280, height: 720, samples: 2, paint: paintStarTrails },
  { file: "kp-badge.png", width: 40, height: 30, samples: 4, paint: paintKpBadge },
  { file: "tide-pool.jpg", width: 1200, height: 800, samples: 2, paint: paintTidePool },
];

// ---------------------------------------------------------------- encoding

function renderPixels(spec: ImageSpec): Buffer {
  const { width, height, samples, paint } = spec;
  const rowBytes = width * 3 + 1;
  const raw = Buffer.alloc(rowBytes * height);
  const unit = 1 / height;
  const n = samples * samples;
  for (let py = 0; py < height; py++) {
    raw[py * rowBytes] = 0; // PNG filter type "None"
    for (let pxl = 0; pxl < width; pxl++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = paint((pxl + (sx + 0.5) / samples) * unit, (py + (sy + 0.5) / samples) * unit, unit);
          r += clamp(c[0]);
          g += clamp(c[1]);
          b += clamp(c[2]);
        }
      }
      const o = py * rowBytes + 1 + pxl * 3;
      raw[o] = Math.round((r / n) * 255);
      raw[o + 1] = Math.round((g / n) * 255);
      raw[o + 2] = Math.round((b / n) * 255);
    }
  }
  return raw;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(width: number, height: number, rawRows: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(rawRows, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function pngToJpeg(pngPath: string, jpegPath: string): void {
  execFileSync(
    path.join(ffmpegDir, "ffmpeg"),
    ["-hide_banner", "-v", "error", "-y", "-i", pngPath, "-vf", "scale=in_range=full:out_range=full,format=yuvj420p",
      "-frames:v", "1", "-c:v", "mjpeg", "-q:v", JPEG_QSCALE, "-map_metadata", "-1",
      "-fflags", "+bitexact", "-flags:v", "+bitexact", "-f", "image2", jpegPath],
    { env: { ...process.env, LD_LIBRARY_PATH: ffmpegDir }, stdio: ["ignore", "ignore", "inherit"] },
  );
}

function writeImage(spec: ImageSpec): string {
  const target = path.join(outDir, spec.file);
  const png = encodePng(spec.width, spec.height, renderPixels(spec));
  const tmpPng = `${target}.tmp.png`;
  writeFileSync(tmpPng, png);
  if (spec.file.endsWith(".png")) {
    renameSync(tmpPng, target);
  } else {
    const tmpJpeg = `${target}.tmp.jpg`;
    pngToJpeg(tmpPng, tmpJpeg);
    rmSync(tmpPng);
    renameSync(tmpJpeg, target);
  }
  return target;
}

function main(): void {
  if (!existsSync(path.join(ffmpegDir, "ffmpeg"))) {
    throw new Error(`ffmpeg not found in ${ffmpegDir}; run npm install first`);
  }
  mkdirSync(outDir, { recursive: true });
  const only = process.argv.slice(2);
  for (const spec of SAMPLE_IMAGES) {
    if (only.length > 0 && !only.includes(spec.file)) continue;
    const started = Date.now();
    writeImage(spec);
    process.stdout.write(`${spec.file} ${spec.width}x${spec.height} ${Date.now() - started} ms\n`);
  }
}

try {
  main();
} catch (error) {
  process.stderr.write(`make-sample-images: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
