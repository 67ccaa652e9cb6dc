import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { ReelpressError } from "../errors.js";

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** Longest an ffmpeg or ffprobe run may take before it is killed: a damaged file or a stuck read must not hang a run. */
export const DEFAULT_FFMPEG_TIMEOUT_MS = 30_000;

export interface FfmpegRunOptions {
  signal?: AbortSignal;
  /** Largest stdout or stderr kept, in bytes. @default 16 MiB */
  maxBuffer?: number;
  /** The tool is killed after this long and the run throws E_MEDIA; 0 for no limit. @default 30000 */
  timeoutMs?: number;
}

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

/**
 * Runs the bundled ffmpeg or ffprobe and returns what it wrote. Cancelling `signal` rejects with
 * the AbortError as is; running past `timeoutMs` kills the tool and throws E_MEDIA.
 */
export async function execFfmpegTool(tool: "ffmpeg" | "ffprobe", args: readonly string[], options: FfmpegRunOptions = {}): Promise<{ stdout: string; stderr: string }> {
  const { file, env } = ffmpegTool(tool);
  const timeoutMs = options.timeoutMs ?? DEFAULT_FFMPEG_TIMEOUT_MS;
  const pending = run(file, args, { env, signal: options.signal, maxBuffer: options.maxBuffer ?? 16 * 1024 * 1024 });
  // SIGKILL: execFile answers a cancel with SIGTERM, which ffmpeg catches and then goes on waiting in a blocked read.
  const kill = (): void => void pending.child.kill("SIGKILL");
  let timedOut = false;
  const timer =
    timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          kill();
        }, timeoutMs)
      : null;
  options.signal?.addEventListener("abort", kill, { once: true });
  if (options.signal?.aborted) kill();
  try {
    return await pending;
  } catch (error) {
    if (timedOut && !options.signal?.aborted) {
      throw new ReelpressError("E_MEDIA", `${tool} did not finish within ${timeoutMs} ms`, { cause: error, hint: "the file may be damaged, or on a drive that does not answer" });
    }
    throw error;
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener("abort", kill);
  }
}

/** Runs the bundled ffmpeg or ffprobe (see execFfmpegTool) and returns its stdout. */
export async function runFfmpegTool(tool: "ffmpeg" | "ffprobe", args: readonly string[], options: FfmpegRunOptions = {}): Promise<string> {
  return (await execFfmpegTool(tool, args, options)).stdout;
}
