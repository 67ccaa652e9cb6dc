import { runCli } from "../../src/cli/main.js";
import { makeTempDir } from "./temp-dir.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = "";
  const stream = { isTTY: false, write: (chunk: string | Uint8Array) => ((text += String(chunk)), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

/** Runs the real CLI in this process with captured output, in `cwd` (a fresh temp dir by default). */
export async function cli(args: string[], cwd?: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun & { cwd: string }> {
  const dir = cwd ?? (await makeTempDir("cli"));
  const out = collector();
  const err = collector();
  const code = await runCli(args, { stdout: out.stream, stderr: err.stream, cwd: dir, env });
  return { code, stdout: out.text(), stderr: err.text(), cwd: dir };
}
