import { randomBytes } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Aspect } from "../schema/storyboard.js";

export interface OutputPaths {
  video: string;
  storyboard: string;
  srt: string;
  vtt: string;
  poster: string;
  credits: string;
}

/** `out/NAME.mp4` → its companions `out/NAME.storyboard.json`, `.srt`, `.vtt`, `.jpg`, `.credits.txt`. */
export function outputPaths(videoFile: string): OutputPaths {
  const resolved = path.resolve(videoFile);
  const base = resolved.replace(/\.mp4$/i, "");
  return {
    video: resolved,
    storyboard: `${base}.storyboard.json`,
    srt: `${base}.srt`,
    vtt: `${base}.vtt`,
    poster: `${base}.jpg`,
    credits: `${base}.credits.txt`,
  };
}

/** `out/NAME.mp4` → `out/NAME-9x16.mp4`: one video per aspect when a run renders several. */
export function aspectVideoFile(videoFile: string, aspect: Aspect): string {
  const resolved = path.resolve(videoFile);
  return `${resolved.replace(/\.mp4$/i, "")}-${aspect.replace(":", "x")}.mp4`;
}

/**
 * Files are written under temporary names beside their targets and renamed into place only
 * when all of them are complete; on failure the temporaries are removed and whatever was
 * there before is untouched.
 */
export class OutputTransaction {
  private readonly pending = new Map<string, string>();
  private readonly tag = `${process.pid}-${randomBytes(3).toString("hex")}`;

  /** A temporary name for `target` that keeps its extension (encoders check it). */
  async temp(target: string): Promise<string> {
    await mkdir(path.dirname(target), { recursive: true });
    const ext = path.extname(target);
    const tmp = path.join(path.dirname(target), `.${path.basename(target, ext)}.${this.tag}.partial${ext}`);
    this.pending.set(target, tmp);
    return tmp;
  }

  async commit(): Promise<void> {
    for (const [target, tmp] of this.pending) await rename(tmp, target);
    this.pending.clear();
  }

  async abort(): Promise<void> {
    await Promise.all([...this.pending.values()].map((tmp) => rm(tmp, { force: true })));
    this.pending.clear();
  }
}
