import { execFile } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReelpressError } from "../src/errors.js";
import { checkVideoEnd } from "../src/media/check-video-end.js";
import { runFfmpegTool } from "../src/media/ffmpeg-bin.js";
import { probeVideo } from "../src/media/probe-media.js";
import { MEDIALIB_IMAGES } from "./helpers/fake-pexels.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const PHOTO = path.join(MEDIALIB_IMAGES, "coco_train2017_000000000790.jpg");

let work: string;
/** A named pipe nobody writes to: opening it blocks, as a read from a drive that stopped answering does. */
let fifo: string;
/** 2 s, 30 fps, keyframe every 15 frames, header (moov) at the front. */
let faststart: string;
/** Its first 60 %. */
let faststartCut: string;
/** A 2 s video stream followed by a second video stream running 4 s. */
let shortFirstStream: string;

async function clip(file: string, seconds: number, extra: string[] = []): Promise<void> {
  await runFfmpegTool("ffmpeg", ["-y", "-v", "error", "-loop", "1", "-i", PHOTO, "-t", String(seconds), "-r", "30", "-vf", "scale=320:-2,format=yuv420p", "-c:v", "libx264", "-g", "15", ...extra, file]);
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

/** Processes whose command line names `file` (Linux /proc): a killed tool must be gone, not left blocked. */
async function processesUsing(file: string): Promise<number[]> {
  const pids = (await readdir("/proc")).filter((name) => /^\d+$/.test(name));
  const using: number[] = [];
  for (const pid of pids) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmdline.split("\0").includes(file)) using.push(Number(pid));
  }
  return using;
}

beforeAll(async () => {
  work = await makeTempDir("probe-video");
  fifo = path.join(work, "stuck.mp4");
  await promisify(execFile)("mkfifo", [fifo]);
  faststart = path.join(work, "faststart.mp4");
  await clip(faststart, 2, ["-movflags", "+faststart"]);
  const bytes = await readFile(faststart);
  faststartCut = path.join(work, "faststart-cut.mp4");
  await writeFile(faststartCut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  const longer = path.join(work, "longer.mp4");
  await clip(longer, 4);
  shortFirstStream = path.join(work, "two-streams.mp4");
  await runFfmpegTool("ffmpeg", ["-y", "-v", "error", "-i", faststart, "-i", longer, "-map", "0:v", "-map", "1:v", "-c", "copy", shortFirstStream]);
}, 60_000);

afterAll(removeTempDirs);

describe("ffmpeg and ffprobe time limits", () => {
  it("kills ffprobe that does not finish within timeoutMs and fails the probe with E_MEDIA", async () => {
    const error = await caught(probeVideo(fifo, { timeoutMs: 300 }));
    expect(error).toBeInstanceOf(ReelpressError);
    expect(error).toMatchObject({ code: "E_MEDIA", message: expect.stringMatching(/^not a readable video: .*stuck\.mp4 \(ffprobe did not finish within 300 ms\)$/) });
    expect(await processesUsing(fifo)).toEqual([]);
  });

  it("kills ffmpeg that does not finish within timeoutMs and throws E_MEDIA", async () => {
    const error = await caught(runFfmpegTool("ffmpeg", ["-v", "error", "-i", fifo, "-f", "null", "-"], { timeoutMs: 300 }));
    expect(error).toMatchObject({ code: "E_MEDIA", message: "ffmpeg did not finish within 300 ms" });
    expect(await processesUsing(fifo)).toEqual([]);
  });

  it("reports a cancel as an abort, not as a timeout", async () => {
    const controller = new AbortController();
    const running = caught(runFfmpegTool("ffprobe", ["-v", "error", fifo], { signal: controller.signal, timeoutMs: 60_000 }));
    controller.abort();
    const error = await running;
    expect(error).not.toBeInstanceOf(ReelpressError);
    expect(error).toMatchObject({ name: "AbortError" });
  });
});

describe("checkVideoEnd", () => {
  it("passes a whole video", async () => {
    await expect(checkVideoEnd(faststart, await probeVideo(faststart))).resolves.toBeUndefined();
  });

  it("fails a faststart MP4 cut short, which ffprobe takes for whole", async () => {
    const info = await probeVideo(faststartCut);
    expect(info.durationSeconds).toBeCloseTo(2, 1);
    const error = await caught(checkVideoEnd(faststartCut, info));
    expect(error).toMatchObject({ code: "E_MEDIA", message: expect.stringContaining("does not decode") });
  });

  it("checks the end of the video stream, not of a longer stream after it", async () => {
    const info = await probeVideo(shortFirstStream);
    expect(info.durationSeconds).toBeCloseTo(4, 1);
    expect(info.streamEndSeconds).toBeCloseTo(2, 1);
    await expect(checkVideoEnd(shortFirstStream, info)).resolves.toBeUndefined();
  });
});
