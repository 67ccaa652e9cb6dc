import { fork } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { setPriority } from "node:os";
import { fileURLToPath } from "node:url";

export interface RssSampler {
  /** Starts a new peak (the next run). */
  reset(): Promise<void>;
  /** The highest VmRSS sum and PSS sum (shared pages split among the processes sharing them) seen since the last reset, in MB. */
  peaks(): Promise<{ rssMB: number; pssMB: number }>;
  stop(): void;
}

/**
 * Samples, every `intervalMs`, the resident memory (VmRSS) and PSS of a process and all its
 * descendants (Chromium, its helpers, ffmpeg) from /proc, and keeps the highest sums. Reading
 * PSS costs the kernel about 100 ms a sample with Chromium running, so the sampling runs in a
 * child process at the lowest CPU priority: it neither blocks this process's event loop (which
 * drives the renders) nor takes CPU time from them. The RSS sum counts shared pages once per
 * process, so it is an upper bound of what the tree holds; PSS is the fair share.
 */
export function startRssSampler(rootPid: number = process.pid, intervalMs = 200): RssSampler {
  const child = fork(fileURLToPath(import.meta.url), [String(rootPid), String(intervalMs)], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  // Low priority, not the lowest: at 19 a busy machine left it a sample every few seconds.
  if (child.pid !== undefined) setPriority(child.pid, 10);
  const ask = <T>(what: "reset" | "peaks") =>
    new Promise<T>((resolve, reject) => {
      child.once("message", (reply) => resolve(reply as T));
      child.once("error", reject);
      child.send(what);
    });
  return {
    reset: () => ask<void>("reset"),
    peaks: () => ask<{ rssMB: number; pssMB: number }>("peaks"),
    stop: () => child.kill(),
  };
}

/** The sampling child: `node --import tsx rss-sampler.ts PID INTERVAL_MS`, answering "reset" and "peaks" over IPC. */
function runSampler(rootPid: number, intervalMs: number): void {
  let peak = { rss: 0, pss: 0 };
  const sample = () => {
    const tree = treeMemoryKb(rootPid, process.pid);
    peak = { rss: Math.max(peak.rss, tree.rss), pss: Math.max(peak.pss, tree.pss) };
  };
  sample();
  setInterval(sample, intervalMs);
  process.on("message", (what) => {
    if (what === "reset") peak = { rss: 0, pss: 0 };
    sample();
    process.send?.(what === "reset" ? "ok" : { rssMB: Math.round(peak.rss / 1024), pssMB: Math.round(peak.pss / 1024) });
  });
  // Ends with its parent.
  process.on("disconnect", () => process.exit(0));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.send) {
  runSampler(Number(process.argv[2]), Number(process.argv[3]));
}

/** VmRSS and PSS of `rootPid` and every process descending from it but `excluded` (the sampler), in kB (Linux /proc). */
export function treeMemoryKb(rootPid: number, excluded: number | null = null): { rss: number; pss: number } {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentOf(Number(name));
    if (ppid === null) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  let rss = 0;
  let pss = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (pid === excluded) continue;
    rss += kbField(`/proc/${pid}/status`, "VmRSS");
    pss += kbField(`/proc/${pid}/smaps_rollup`, "Pss");
    stack.push(...(children.get(pid) ?? []));
  }
  return { rss, pss };
}

function parentOf(pid: number): number | null {
  const stat = readProc(`/proc/${pid}/stat`);
  // The command name (field 2) is in parentheses and may hold spaces; ppid is the 2nd field after it.
  const after = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
  return after?.[1] ? Number(after[1]) : null;
}

function kbField(file: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m").exec(readProc(file) ?? "");
  return match ? Number(match[1]) : 0;
}

function readProc(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    // The process ended between listing /proc and reading it: it holds no memory any more.
    return null;
  }
}
