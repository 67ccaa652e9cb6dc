/** `10 MiB`, `512 KiB`, `300 bytes`: exact when the number divides evenly, else one decimal. */
export function formatBytes(bytes: number): string {
  const units = ["KiB", "MiB", "GiB"] as const;
  let value = bytes;
  let unit = "bytes";
  for (const next of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = next;
  }
  if (unit === "bytes") return `${bytes} bytes`;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}
