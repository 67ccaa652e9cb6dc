/** One downloadable size of an asset. */
export interface Rendition {
  url: string;
  width: number;
  height: number;
}

const area = (r: Rendition): number => r.width * r.height;

/**
 * The smallest rendition that covers the output frame (at least as wide and as tall, so the
 * renderer only ever scales down), else the largest one; null when there are none. Ties keep
 * the earlier rendition, so callers list their preferred kinds first.
 */
export function pickRendition<R extends Rendition>(renditions: readonly R[], target: { width: number; height: number }): R | null {
  let cover: R | null = null;
  let largest: R | null = null;
  for (const r of renditions) {
    if (r.width >= target.width && r.height >= target.height && (cover === null || area(r) < area(cover))) cover = r;
    if (largest === null || area(r) > area(largest)) largest = r;
  }
  return cover ?? largest;
}

/** The size of an image scaled down (never up) to fit a box. */
export function fitInside(width: number, height: number, box: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, box.width / width, box.height / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
