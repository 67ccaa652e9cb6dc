import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { execFfmpegTool } from "../../media/ffmpeg-bin.js";
import { RenderError } from "../../errors.js";

/** ffmpeg's concat list: one `file` line per segment, quoted for the demuxer. */
export function concatList(files: readonly string[]): string {
  return files.map((file) => `file '${path.resolve(file).replaceAll("'", "'\\''")}'\n`).join("");
}

/**
 * Joins MP4 segments encoded with identical settings into one MP4 by stream copy: no frame is
 * decoded or encoded again, so each segment's frames come out exactly as they went in. The
 * output appears whole or not at all.
 */
export async function joinSegments(files: readonly string[], outputFile: string, options: { signal?: AbortSignal } = {}): Promise<void> {
  const list = path.join(path.dirname(outputFile), `.${path.basename(outputFile)}.${process.pid}.segments.txt`);
  const temp = path.join(path.dirname(outputFile), `.${path.basename(outputFile)}.${process.pid}.join.mp4`);
  await writeFile(list, concatList(files));
  try {
    await execFfmpegTool(
      "ffmpeg",
      ["-hide_banner", "-nostdin", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", list, "-map", "0:v:0", "-c", "copy", "-movflags", "+faststart", "-f", "mp4", temp],
      { signal: options.signal, timeoutMs: 0 },
    );
    await rename(temp, outputFile);
  } catch (cause) {
    await rm(temp, { force: true });
    if (options.signal?.aborted) throw cause;
    const stderr = String((cause as { stderr?: unknown }).stderr ?? "").trim().split("\n")[0] ?? "";
    throw new RenderError("E_RENDER", `joining the ${files.length} rendered segments failed: ${stderr || String(cause)}`, {
      cause,
      hint: "render again with --no-render-cache; if that fails too, check the free space where the video is written",
    });
  } finally {
    await rm(list, { force: true });
  }
}
