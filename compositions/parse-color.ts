export type Rgba = readonly [r: number, g: number, b: number, a: number];

/**
 * Reads the two forms a canvas context hands back for `ctx.fillStyle` once it has normalised a
 * CSS colour: "#rrggbb", or "rgba(r, g, b, a)" when the colour is translucent.
 */
export function parseCanvasColor(value: string): Rgba | null {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16), 1];
  const fn = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(value);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3]), fn[4] === undefined ? 1 : Number(fn[4])];
  return null;
}

/** `share` of a and the rest of b, channel by channel. */
export function mixRgba(a: Rgba, b: Rgba, share: number): Rgba {
  const m = (x: number, y: number) => x * share + y * (1 - share);
  return [m(a[0], b[0]), m(a[1], b[1]), m(a[2], b[2]), m(a[3], b[3])];
}

export function rgbaString([r, g, b, a]: Rgba, alpha = 1): string {
  return `rgba(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)}, ${(a * alpha).toFixed(4)})`;
}
