import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export class MissingSsimError extends Error {}

/**
 * An ffmpeg on the PATH with the ssim filter (the bundled one lacks it; Debian's has it).
 * Throws MissingSsimError, with a one-line message, when there is none.
 */
export async function findSsimFfmpeg(pathVar = process.env.PATH ?? ""): Promise<string> {
  for (const dir of pathVar.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, "ffmpeg");
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    const { stdout } = await run(candidate, ["-hide_banner", "-filters"], { maxBuffer: 4 * 1024 * 1024 }).catch(() => ({ stdout: "" }));
    if (/\sssim\s/.test(stdout)) return candidate;
  }
  throw new MissingSsimError("no ffmpeg with the ssim filter on the PATH: install one (apt-get install -y ffmpeg) and run the benchmark again");
}

export interface SsimResult {
  /** Mean SSIM of the luma plane over every frame. */
  y: number;
  /** Mean SSIM of Y, U and V together, weighted by plane size, over every frame. */
  all: number;
  frames: number;
}

/** SSIM of `distorted` against `reference` over all frames, by ffmpeg's ssim filter. */
export async function measureSsim(ffmpeg: string, distorted: string, reference: string): Promise<SsimResult> {
  const { stderr } = await run(ffmpeg, ["-hide_banner", "-nostats", "-i", distorted, "-i", reference, "-lavfi", "[0:v][1:v]ssim", "-f", "null", "-"], { maxBuffer: 16 * 1024 * 1024 });
  return parseSsim(stderr);
}

/** Reads the summary line `SSIM Y:0.98 (…) U:… V:… All:0.97 (…)` ffmpeg prints at the end. */
export function parseSsim(stderr: string): SsimResult {
  const line = /SSIM Y:([\d.]+).*All:([\d.]+)/.exec(stderr);
  if (!line) throw new Error(`ffmpeg printed no SSIM summary: ${stderr.trim().split("\n").pop() ?? ""}`);
  const frames = [...stderr.matchAll(/frame=\s*(\d+)/g)].pop()?.[1];
  return { y: Number(line[1]), all: Number(line[2]), frames: frames ? Number(frames) : 0 };
}

/** SSIM (all planes) of every frame of `distorted` against the same frame of `reference`, in order. */
export async function measureSsimFrames(ffmpeg: string, distorted: string, reference: string): Promise<number[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "reelpress-ssim-"));
  try {
    const stats = path.join(dir, "ssim.log");
    // The filter's option parser treats ':' and '\' specially; a plain temp path has neither.
    await run(ffmpeg, ["-hide_banner", "-nostats", "-i", distorted, "-i", reference, "-lavfi", `[0:v][1:v]ssim=stats_file=${stats}`, "-f", "null", "-"], { maxBuffer: 16 * 1024 * 1024 });
    return parseSsimFrames(await readFile(stats, "utf8"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Reads ffmpeg's ssim stats file: one line per frame, `n:1 Y:0.98 U:… V:… All:0.97 (…)`. */
export function parseSsimFrames(stats: string): number[] {
  return stats
    .split("\n")
    .map((line) => /^n:\d+ .*All:([\d.]+)/.exec(line)?.[1])
    .filter((all): all is string => all !== undefined)
    .map(Number);
}
