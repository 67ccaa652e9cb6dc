import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { ffmpegTool, runFfmpegTool } from "../../src/media/ffmpeg-bin.js";

/** Width and height of a video's first stream. */
export async function videoSize(file: string): Promise<{ width: number; height: number }> {
  const out = await runFfmpegTool("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "json", file]);
  const stream = (JSON.parse(out) as { streams: { width: number; height: number }[] }).streams[0];
  if (!stream) throw new Error(`${file} has no video stream`);
  return { width: stream.width, height: stream.height };
}

/** The MD5 of every decoded frame (8-bit 4:2:0 pixels), in order, decoded by the bundled ffmpeg. */
export async function frameHashes(file: string): Promise<string[]> {
  const { width, height } = await videoSize(file);
  const frameBytes = width * height * 1.5;
  const { file: ffmpeg, env } = ffmpegTool("ffmpeg");
  // This ffmpeg has no rawvideo muxer: image2pipe writes each raw frame as one packet.
  const child = spawn(ffmpeg, ["-v", "error", "-i", file, "-map", "0:v:0", "-pix_fmt", "yuv420p", "-c:v", "rawvideo", "-f", "image2pipe", "-"], { env, stdio: ["ignore", "pipe", "pipe"] });
  const hashes: string[] = [];
  let hash = createHash("md5");
  let filled = 0;
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(frameBytes - filled, chunk.length - offset);
      hash.update(chunk.subarray(offset, offset + take));
      filled += take;
      offset += take;
      if (filled === frameBytes) {
        hashes.push(hash.digest("hex"));
        hash = createHash("md5");
        filled = 0;
      }
    }
  }
  const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("close", resolve)));
  if (code !== 0) throw new Error(`ffmpeg could not decode ${file}: ${stderr.trim().split("\n")[0] ?? `exit ${code}`}`);
  return hashes;
}
