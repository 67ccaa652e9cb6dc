import { readdirSync, readFileSync } from "node:fs";

export interface RssSampler {
  /** Starts a new peak (the next run). */
  reset(): void;
  /** The highest VmRSS sum seen since the last reset, in MB. */
  peakMB(): number;
  /** The highest PSS sum (shared pages split among the processes sharing them) since the last reset, in MB. */
  peakPssMB(): number;
  stop(): void;
}

/**
 * Samples, every `intervalMs`, the resident memory (VmRSS) of a process and all its descendants
 * (Chromium, its helpers, ffmpeg) from /proc, and keeps the highest sum. Shared pages are counted
 * once per process, so the sum overstates what the tree holds together; it is an upper bound.
 */
export function startRssSampler(rootPid: number = process.pid, intervalMs = 200): RssSampler {
  let peak = 0;
  let peakPss = 0;
  const sample = () => {
    const tree = treeMemoryKb(rootPid);
    peak = Math.max(peak, tree.rss / 1024);
    peakPss = Math.max(peakPss, tree.pss / 1024);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    reset() {
      peak = 0;
      peakPss = 0;
      sample();
    },
    peakMB: () => {
      sample();
      return Math.round(peak);
    },
    peakPssMB: () => Math.round(peakPss),
    stop: () => clearInterval(timer),
  };
}

/** VmRSS and PSS of `rootPid` and every process descending from it, in kB (Linux /proc). */
export function treeMemoryKb(rootPid: number): { rss: number; pss: number } {
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
