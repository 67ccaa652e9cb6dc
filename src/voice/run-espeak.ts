import { spawn } from "node:child_process";

/** Largest output accepted: about 12 minutes of 22 kHz 16-bit audio, far more than a sentence. */
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/**
 * Runs espeak-ng with `input` on stdin (so text starting with "-" is never read as an option)
 * and returns its stdout. Rejects on a spawn failure, a non-zero exit (with the first line of
 * stderr), or an abort.
 */
export function runEspeak(bin: string, args: readonly string[], input: string, signal?: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ["pipe", "pipe", "pipe"], signal });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT_BYTES) {
        child.kill();
        reject(new Error(`espeak-ng wrote more than ${MAX_OUTPUT_BYTES} bytes`));
        return;
      }
      out.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    // espeak-ng may exit before reading all of stdin (a bad voice); that EPIPE is reported by the exit code.
    child.stdin.on("error", () => undefined);
    child.on("close", (code, killedBy) => {
      if (code === 0) resolve(Buffer.concat(out));
      else {
        const message = Buffer.concat(err).toString("utf8").trim().split("\n")[0] ?? "";
        reject(new Error(`espeak-ng exited with ${code ?? killedBy}${message ? `: ${message}` : ""}`));
      }
    });
    child.stdin.end(input, "utf8");
  });
}
