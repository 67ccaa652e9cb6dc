import { spawn } from "node:child_process";
import { ffmpegTool } from "../../media/ffmpeg-bin.js";

/**
 * Runs the compositing ffmpeg (raw frames on its stdout) into the bundled ffmpeg, which encodes
 * them with `encodeArgs`. Killed with SIGKILL on abort: ffmpeg may ignore SIGTERM in a blocked read.
 */
export function composeAndEncode(
  fullFfmpeg: string,
  composeArgs: readonly string[],
  encodeArgs: readonly string[],
  frames: number,
  signal: AbortSignal | undefined,
  onFrames?: (encoded: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const bundled = ffmpegTool("ffmpeg");
    const composer = spawn(fullFfmpeg, composeArgs, { stdio: ["ignore", "pipe", "pipe"] });
    // The frames (3 MB each at 1080p) go from one process to the other through the pipe itself,
    // not through this process's event loop.
    const encoder = spawn(bundled.file, ["-progress", "pipe:1", "-nostats", ...encodeArgs], { env: bundled.env, stdio: [composer.stdout, "pipe", "pipe"] });
    // The encoder holds its own end now: with ours closed, an encoder gone early means EPIPE for the compositor.
    composer.stdout.destroy();
    const errors = { composer: "", encoder: "" };
    composer.stderr.on("data", (d: Buffer) => (errors.composer = (errors.composer + d.toString()).slice(-4000)));
    encoder.stderr.on("data", (d: Buffer) => (errors.encoder = (errors.encoder + d.toString()).slice(-4000)));
    let encoded = 0;
    encoder.stdout.on("data", (d: Buffer) => {
      const done = [...d.toString().matchAll(/frame=(\d+)/g)].pop()?.[1];
      if (!done) return;
      encoded = Number(done);
      onFrames?.(Math.min(frames, encoded));
    });
    const kill = () => {
      composer.kill("SIGKILL");
      encoder.kill("SIGKILL");
    };
    // Either one gone stops the other: an encoder gone early would leave the compositor blocked.
    encoder.on("exit", () => composer.kill("SIGKILL"));
    composer.on("exit", (code) => {
      if (code !== 0) encoder.kill("SIGKILL");
    });
    signal?.addEventListener("abort", kill, { once: true });
    if (signal?.aborted) kill();
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      kill();
      reject(error);
    };
    composer.on("error", fail);
    encoder.on("error", fail);
    const exits = [composer, encoder].map((child) => new Promise<number | null>((done) => child.on("close", (code) => done(code))));
    void Promise.all(exits).then(([composed, encodedCode]) => {
      signal?.removeEventListener("abort", kill);
      // The cause is the one that failed by itself: a compositor stopped here (no exit code) or
      // failing to write to the pipe failed because the encoder had gone; which of the two Node
      // reports first is not telling.
      const brokenPipe = encodedCode !== 0 && BROKEN_PIPE.test(errors.composer);
      if (composed !== 0 && composed !== null && !brokenPipe) return fail(new Error(`the compositing ffmpeg exited with ${composed}: ${lastLine(errors.composer)}`));
      if (encodedCode !== 0) return fail(new Error(`the encoder exited with ${encodedCode}: ${lastLine(errors.encoder)}`));
      if (composed !== 0) return fail(new Error(`the compositing ffmpeg was stopped: ${lastLine(errors.composer)}`));
      // A graph whose input ran out early ends without error, one frame short or more: never joined.
      if (encoded !== frames) return fail(new Error(`the compositor drew ${encoded} of ${frames} frames`));
      onFrames?.(frames);
      resolve();
    });
  });
}

/** What ffmpeg prints when the reader of its output pipe has gone. */
const BROKEN_PIPE = /Broken pipe|Connection reset by peer|pipe:1/i;

function lastLine(text: string): string {
  return text.trim().split("\n").filter(Boolean).pop() ?? "no message";
}
