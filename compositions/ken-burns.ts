export interface KenBurnsInput {
  /** 0 at the start of the scene's window, 1 at its end. */
  progress: number;
  /** Scene index: picks the pan direction, so neighbouring scenes move differently. */
  index: number;
  /** Point of interest, 0–1 in each axis; the zoom closes in on it. */
  focus: { x: number; y: number };
  width: number;
  height: number;
  /** The theme's kenBurns: 0 = still, 1 = a 12% zoom, 2 = 24%. @default 1 */
  strength?: number;
}

export interface KenBurnsFrame {
  scale: number;
  /** Translation in px, applied after scaling about the origin. */
  x: number;
  y: number;
  /** transform-origin in px. */
  originX: number;
  originY: number;
}

/** The zoom at the end of a scene at strength 1. */
export const KEN_BURNS_MAX_SCALE = 1.12;
/** Share of the slack the zoom creates that the pan may use; the rest keeps edges well off-frame. */
const PAN_SHARE = 0.8;
const DIRECTIONS: ReadonlyArray<readonly [number, number]> = [
  [1, 0],
  [-1, 0.5],
  [0.5, 1],
  [-0.5, -1],
  [1, -0.5],
  [-1, -0.5],
  [0, 1],
  [0.5, -1],
];

/** Smooth start and end so the motion never jerks at a cut. */
function ease(t: number): number {
  return 0.5 - Math.cos(Math.PI * t) / 2;
}

/**
 * Slow zoom (1.0 → 1.12 at strength 1) toward the focus point plus a pan, for a full-frame image
 * scaled about (originX, originY). The pan stays inside the slack the zoom creates, so no edge
 * ever shows, whatever the strength.
 */
export function kenBurns({ progress, index, focus, width, height, strength = 1 }: KenBurnsInput): KenBurnsFrame {
  const t = ease(Math.min(1, Math.max(0, progress)));
  const scale = 1 + (KEN_BURNS_MAX_SCALE - 1) * Math.max(0, strength) * t;
  const originX = focus.x * width;
  const originY = focus.y * height;
  const [dx, dy] = DIRECTIONS[((index % DIRECTIONS.length) + DIRECTIONS.length) % DIRECTIONS.length]!;
  // Scaled about the origin, the image reaches (s-1)·origin past the left edge and
  // (s-1)·(size-origin) past the right; a pan may use up to that much each way.
  const x = dx * PAN_SHARE * (scale - 1) * (dx > 0 ? originX : width - originX);
  const y = dy * PAN_SHARE * (scale - 1) * (dy > 0 ? originY : height - originY);
  // + 0 turns a -0 (no pan at strength 0) into 0.
  return { scale, x: x + 0, y: y + 0, originX, originY };
}
