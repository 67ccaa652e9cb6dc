/**
 * Minimum barrier distance from every pixel to the picture's border, for one channel: along the
 * best path to the border, the spread (highest minus lowest value) met on the way. Sky, grass or a
 * wall that reaches an edge scores low everywhere it spreads; a subject set off from what surrounds
 * it scores high. Raster-scan approximation (Zhang et al., "Minimum Barrier Salient Object
 * Detection at 80 FPS", ICCV 2015): alternating forward and backward passes. Pure.
 */
export function barrierDistance(channel: Float32Array, width: number, height: number, passes = 3): Float32Array {
  const n = width * height;
  const distance = new Float32Array(n).fill(Number.POSITIVE_INFINITY);
  const high = Float32Array.from(channel.subarray(0, n));
  const low = Float32Array.from(channel.subarray(0, n));
  for (let x = 0; x < width; x += 1) {
    distance[x] = 0;
    distance[(height - 1) * width + x] = 0;
  }
  for (let y = 0; y < height; y += 1) {
    distance[y * width] = 0;
    distance[y * width + width - 1] = 0;
  }
  // One step of a path: reaching pixel i from its neighbour `from`.
  const relax = (i: number, from: number): void => {
    const value = channel[i]!;
    const up = high[from]! > value ? high[from]! : value;
    const down = low[from]! < value ? low[from]! : value;
    if (up - down < distance[i]!) {
      distance[i] = up - down;
      high[i] = up;
      low[i] = down;
    }
  };
  for (let pass = 0; pass < passes; pass += 1) {
    if (pass % 2 === 0) {
      for (let y = 1; y < height - 1; y += 1) {
        for (let x = 1; x < width - 1; x += 1) {
          const i = y * width + x;
          relax(i, i - 1);
          relax(i, i - width);
        }
      }
    } else {
      for (let y = height - 2; y >= 1; y -= 1) {
        for (let x = width - 2; x >= 1; x -= 1) {
          const i = y * width + x;
          relax(i, i + 1);
          relax(i, i + width);
        }
      }
    }
  }
  // A picture too small to have an inside (under 3 px a side) is all border.
  for (let i = 0; i < n; i += 1) if (!Number.isFinite(distance[i]!)) distance[i] = 0;
  return distance;
}
