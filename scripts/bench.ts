/**
 * The render benchmark (issue 8):
 *
 *   npm run bench [-- --seconds N] [--out FILE] [--keep]
 *
 * Renders one fixed storyboard (1920×1080, 30 fps, 8 scenes: 4 clips made from photos in
 * ../shared/medialib and 4 stills, a headline and captions on each, the clean template) four ways
 * in one process: the baseline (Remotion's default settings), the full render, the full render
 * again after one headline changed, and the draft. Prints a table and writes the figures as JSON
 * (default out/bench.json). --seconds sets the video's length (default 60, at least 4); --keep
 * keeps the four MP4s in out/bench/runs/; --work-dir DIR puts the clip cache and the videos
 * there instead of out/bench/ (the test uses a temp folder). Needs an ffmpeg with the ssim filter
 * on the PATH.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { MIN_BENCH_SECONDS } from "./bench/bench-storyboard.js";
import { MissingSsimError } from "./bench/measure-ssim.js";
import { runBench, type BenchReport } from "./bench/run-bench.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function options(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { seconds: { type: "string" }, out: { type: "string" }, keep: { type: "boolean" }, "work-dir": { type: "string" } }, strict: true });
  const seconds = values.seconds === undefined ? 60 : Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds < MIN_BENCH_SECONDS) throw new UsageProblem(`--seconds must be a number of at least ${MIN_BENCH_SECONDS}, but is "${values.seconds}"`);
  return {
    seconds,
    out: path.resolve(values.out ?? path.join(repoRoot, "out/bench.json")),
    keep: values.keep ?? false,
    workDir: path.resolve(values["work-dir"] ?? path.join(repoRoot, "out/bench")),
  };
}

class UsageProblem extends Error {}

function table(report: BenchReport): string {
  const rows = (["baseline", "full", "rerender", "draft"] as const).map((name) => {
    const r = report.runs[name];
    return [name, `${r.width}x${r.height}`, r.wallSeconds.toFixed(1), r.realtime.toFixed(3), String(r.peakRssMB), String(r.peakPssMB), r.vsBaseline.toFixed(2), `${r.segments}/${r.reusedSegments}/${r.compositedSegments}`];
  });
  const head = ["run", "size", "wall s", "× realtime", "peak RSS sum MB", "peak PSS sum MB", "time vs baseline", "segments/cached/composited"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const targets = Object.values(report.targets).map((t) => `  ${t.met ? "met    " : "not met"}  ${t.goal}: ${t.value}`);
  return [
    `${report.seconds} s of ${report.size} at ${report.fps} fps on ${report.machine.cpus} × ${report.machine.model}, load ${report.machine.loadAverageAtStart.join(" ")} → ${report.machine.loadAverageAtEnd.join(" ")}`,
    `setup (not in the runs): bundle ${report.setup.bundleSeconds} s, browser and first still ${report.setup.browserAndFirstStillSeconds} s`,
    line(head),
    ...rows.map(line),
    `SSIM full vs baseline (every frame): Y ${report.ssimFullVsBaseline.y}, all ${report.ssimFullVsBaseline.all}`,
    `re-render: frames differing per scene ${report.rerenderScenes.map((s) => `${s.scene}${s.edited ? "*" : ""} ${s.differing}/${s.frames}`).join(", ")} (* edited); other scenes identical: ${report.rerenderUnchangedScenesIdentical}`,
    "targets:",
    ...targets,
  ].join("\n");
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const report = await runBench({ seconds: o.seconds, repoRoot, workDir: o.workDir, keep: o.keep, onLog: (line) => process.stderr.write(`${line}\n`) });
  await mkdir(path.dirname(o.out), { recursive: true });
  await writeFile(`${o.out}.part`, `${JSON.stringify(report, null, 2)}\n`);
  await rename(`${o.out}.part`, o.out);
  process.stdout.write(`${table(report)}\nwrote ${path.relative(process.cwd(), o.out)}\n`);
}

main().catch((error: unknown) => {
  const known = error instanceof UsageProblem || error instanceof MissingSsimError;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  process.stderr.write(`bench: ${message}\n`);
  if (!known && error instanceof Error && process.env.BENCH_VERBOSE) process.stderr.write(`${error.stack}\n`);
  process.exitCode = known ? 2 : 1;
});
