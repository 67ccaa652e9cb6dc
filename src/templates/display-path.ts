import path from "node:path";

/** A path as a message shows it: relative to `cwd` when inside it, else absolute. */
export function displayPath(file: string, cwd: string | undefined): string {
  if (!cwd) return file;
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}
