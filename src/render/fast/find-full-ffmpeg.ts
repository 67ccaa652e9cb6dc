import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Filters the fast segment graph uses that Remotion's bundled ffmpeg lacks. */
export const FULL_FFMPEG_FILTERS = ["overlay", "perspective", "alphamerge", "geq", "drawbox", "loop", "pad", "color"] as const;

/** The default place of Debian's and most distributions' ffmpeg. */
const SYSTEM_FFMPEG = "/usr/bin/ffmpeg";

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    // Not there, or not ours to run: the next candidate is tried.
    return false;
  }
}

async function hasFilters(file: string): Promise<boolean> {
  const listed = await run(file, ["-hide_banner", "-filters"], { maxBuffer: 4 * 1024 * 1024, timeout: 10_000 }).then(
    (r) => r.stdout,
    // A binary that cannot list its filters cannot run the graph either.
    () => "",
  );
  const names = new Set(listed.split("\n").map((line) => line.trim().split(/\s+/)[1]));
  return FULL_FFMPEG_FILTERS.every((filter) => names.has(filter));
}

/**
 * An ffmpeg with every filter in FULL_FFMPEG_FILTERS: REELPRESS_FFMPEG if set, then `ffmpeg` on
 * the PATH, then /usr/bin/ffmpeg. Null when none has them (the fast path is then off).
 */
export async function findFullFfmpeg(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const candidates = [
    env.REELPRESS_FFMPEG,
    ...(env.PATH ?? "").split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, "ffmpeg")),
    SYSTEM_FFMPEG,
  ].filter((file): file is string => typeof file === "string" && file.length > 0);
  for (const file of [...new Set(candidates)]) {
    if (executable(file) && (await hasFilters(file))) return file;
  }
  return null;
}

/**
 * What names an ffmpeg build for cache keys: its version line (`ffmpeg version 5.1.6-0+deb12u1 …`,
 * which changes with its libraries' package), its path, size and modification time.
 */
export async function ffmpegIdentity(file: string): Promise<string> {
  const version = await run(file, ["-hide_banner", "-version"], { timeout: 10_000 }).then(
    (r) => r.stdout.split("\n")[0]?.trim() ?? "",
    // It listed its filters a moment ago; a version that cannot be read is keyed by the file alone.
    () => "",
  );
  const stamp = await stat(file).then((s) => `${s.size}:${Math.round(s.mtimeMs)}`, () => "missing");
  return `${version} (${file}, ${stamp})`;
}
