/** ffprobe's colour-matrix names → the scale filter's in_color_matrix names. */
const MATRICES: Record<string, string> = {
  bt709: "bt709",
  smpte170m: "smpte170m",
  bt470bg: "bt470",
  smpte240m: "smpte240m",
  fcc: "fcc",
  bt2020nc: "bt2020",
  bt2020c: "bt2020",
};

/**
 * The colour matrix a clip's pixels were made with, as the browser reads them: the stream's tag,
 * or for an untagged stream BT.709 from 720 lines up and BT.601 below (the usual convention of
 * players and browsers). Pure.
 */
export function clipColorMatrix(colorSpace: string | null, height: number): string {
  return (colorSpace ? MATRICES[colorSpace] : undefined) ?? (height >= 720 ? "bt709" : "bt601");
}
