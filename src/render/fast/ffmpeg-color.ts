const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A CSS hex colour as ffmpeg's 0xRRGGBB, or null for any other colour syntax. */
export function ffmpegColor(css: string): string | null {
  const match = HEX.exec(css.trim());
  if (!match) return null;
  const hex = match[1]!.length === 3 ? [...match[1]!].map((c) => c + c).join("") : match[1]!;
  return `0x${hex.toLowerCase()}`;
}
