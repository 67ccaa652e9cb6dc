import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { ReelpressError } from "../errors.js";

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** The compositor package @remotion/renderer installs for this platform; it carries ffmpeg and ffprobe. */
function compositorDir(): string {
  const libc = process.platform === "linux" ? "-gnu" : "";
  const name = `@remotion/compositor-${process.platform === "win32" ? "win32" : process.platform}-${process.arch}${libc}`;
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch (cause) {
    throw new ReelpressError("E_MEDIA", `ffmpeg is missing: ${name} is not installed`, { cause, hint: "run npm ci (it comes with @remotion/renderer)" });
  }
}

let dir: string | null = null;

export function ffmpegTool(tool: "ffmpeg" | "ffprobe"): { file: string; env: NodeJS.ProcessEnv } {
  dir ??= compositorDir();
  const exe = process.platform === "win32" ? `${tool}.exe` : tool;
  return { file: path.join(dir, exe), env: { ...process.env, LD_LIBRARY_PATH: dir } };
}

/** Runs the bundled ffmpeg or ffprobe; stdout as text (or bytes with `encoding: "buffer"`). */
export async function runFfmpegTool(tool: "ffmpeg" | "ffprobe", args: readonly string[], options: { signal?: AbortSignal; maxBuffer?: number } = {}): Promise<string> {
  const { file, env } = ffmpegTool(tool);
  const { stdout } = await run(file, args, { env, signal: options.signal, maxBuffer: options.maxBuffer ?? 16 * 1024 * 1024 });
  return stdout;
}
