import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { createRenderer, type RenderProfile } from "../../src/render/create-renderer.js";
import { storyboardDurationInFrames, type Storyboard } from "../../src/schema/storyboard.js";
import { BUILT_IN_TEMPLATES_DIR, loadLook } from "../../src/templates/index.js";
import { benchMedia } from "./bench-media.js";
import { BENCH_FPS, BENCH_HEIGHT, BENCH_SCENES, BENCH_WIDTH, benchStoryboard, withHeadline } from "./bench-storyboard.js";
import { benchTargets, type RunFigures, type Target } from "./bench-targets.js";
import { frameHashes, videoSize } from "./frame-hashes.js";
import { findSsimFfmpeg, measureSsim } from "./measure-ssim.js";
import { startRssSampler } from "./rss-sampler.js";
import { sceneDiffs, type SceneDiff } from "./scene-diff.js";

export type RunName = "baseline" | "full" | "rerender" | "draft";

export interface BenchOptions {
  seconds: number;
  repoRoot: string;
  /** Footage cache and rendered videos. */
  workDir: string;
  /** Keep the four rendered MP4s in `workDir`. */
  keep: boolean;
  onLog?: (line: string) => void;
}

export interface BenchReport {
  machine: { cpus: number; model: string; memGB: number; node: string; os: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  seconds: number;
  fps: number;
  size: string;
  method: Record<string, string>;
  setup: { clipsMade: number; clipMbps: number[]; bundleSeconds: number; browserAndFirstStillSeconds: number };
  runs: Record<RunName, RunFigures & { peakPssMB: number; profile: RenderProfile; segments: number; reusedSegments: number; compositedSegments: number; width: number; height: number; file: string | null }>;
  ssimFullVsBaseline: { y: number; all: number; frames: number };
  rerenderUnchangedScenesIdentical: boolean;
  rerenderScenes: (SceneDiff & { edited: boolean })[];
  targets: Record<string, Target>;
  at: string;
}

/** Scene whose headline the re-render run changes (a still, in the middle). */
const EDITED_SCENE = 3;

/** Builds the footage and storyboard, renders it four ways in this process, and measures each. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.onLog ?? (() => {});
  const ssimFfmpeg = await findSsimFfmpeg();
  const loadAtStart = loadavg().map((n) => Math.round(n * 100) / 100);
  const sceneSeconds = options.seconds / BENCH_SCENES;
  // A clip covers its scene, its fade-in and a margin, so it never loops.
  const media = await benchMedia(path.resolve(options.repoRoot, "../shared/medialib"), options.workDir, Math.ceil(sceneSeconds + 1));
  log(`footage: ${media.made} clip(s) made, ${BENCH_SCENES / 2 - media.made} from the cache (${media.clipMbps.join(", ")} Mbit/s)`);
  const dirs = { user: BUILT_IN_TEMPLATES_DIR, builtIn: BUILT_IN_TEMPLATES_DIR };
  const look = await loadLook({ template: "clean", templateBaseDir: options.repoRoot, dirs });
  const board = benchStoryboard({ seconds: options.seconds, clips: media.clips, stills: media.stills, texts: media.texts, theme: look.theme, transitionSeconds: look.transitionSeconds });
  const edited = withHeadline(board, EDITED_SCENE, "Stop signs turn blue this week");
  const videoSeconds = storyboardDurationInFrames(board) / BENCH_FPS;
  const runsDir = path.join(options.workDir, "runs");
  await mkdir(runsDir, { recursive: true });

  const sampler = startRssSampler(process.pid, 200);
  let bundleDone: number | null = null;
  // A fresh render cache for every run of the benchmark: the full render starts cold, the
  // re-render after the edit finds the full render's segments.
  const cacheDir = path.join(options.workDir, `render-cache-${process.pid}`);
  await rm(cacheDir, { recursive: true, force: true });
  const renderer = createRenderer({
    cacheDir,
    onProgress: (p) => {
      if (p.stage !== "bundle" && bundleDone === null) bundleDone = performance.now();
    },
  });
  const files: Record<RunName, string> = {
    baseline: path.join(runsDir, "baseline.mp4"),
    full: path.join(runsDir, "full.mp4"),
    rerender: path.join(runsDir, "rerender.mp4"),
    draft: path.join(runsDir, "draft.mp4"),
  };
  try {
    // Bundle and browser start once, untimed by the runs: every run then starts warm, as the
    // second and later renders of one process do.
    const setupStart = performance.now();
    await renderer.renderPoster(board, path.join(runsDir, "warm-up.jpg"), 0);
    const setupEnd = performance.now();
    await rm(path.join(runsDir, "warm-up.jpg"), { force: true });
    const bundleSeconds = ((bundleDone ?? setupEnd) - setupStart) / 1000;
    log(`setup: bundle ${bundleSeconds.toFixed(1)} s, browser and first still ${((setupEnd - (bundleDone ?? setupEnd)) / 1000).toFixed(1)} s`);

    const timed = async (name: RunName, b: Storyboard, profile: RenderProfile) => {
      await sampler.reset();
      const started = performance.now();
      const report = await renderer.renderVideo(b, files[name], { profile });
      const wallSeconds = (performance.now() - started) / 1000;
      const { rssMB: peakRssMB, pssMB: peakPssMB } = await sampler.peaks();
      log(`${name}: ${wallSeconds.toFixed(1)} s, ${report.segments} segment(s), ${report.reused} from the cache, ${report.composited} composited, peak RSS sum ${peakRssMB} MB, PSS sum ${peakPssMB} MB`);
      return { wallSeconds, peakRssMB, peakPssMB, profile, segments: report.segments, reusedSegments: report.reused, compositedSegments: report.composited };
    };
    // The baseline last: its OffthreadVideo frame cache stays in the process tree after it, and
    // would be counted in the memory of the runs after it.
    const full = await timed("full", board, "full");
    const rerender = await timed("rerender", edited, "full");
    const draft = await timed("draft", board, "draft");
    const measured = { baseline: await timed("baseline", board, "plain"), full, rerender, draft };
    const runs = {} as BenchReport["runs"];
    for (const name of Object.keys(measured) as RunName[]) {
      const m = measured[name];
      const size = await videoSize(files[name]);
      runs[name] = {
        wallSeconds: round(m.wallSeconds),
        realtime: round(videoSeconds / m.wallSeconds, 3),
        peakRssMB: m.peakRssMB,
        peakPssMB: m.peakPssMB,
        vsBaseline: round(m.wallSeconds / measured.baseline.wallSeconds, 3),
        profile: m.profile,
        segments: m.segments,
        reusedSegments: m.reusedSegments,
        compositedSegments: m.compositedSegments,
        ...size,
        file: options.keep ? files[name] : null,
      };
    }
    log("comparing: SSIM of full against baseline, frame hashes of full and re-render");
    const ssim = await measureSsim(ssimFfmpeg, files.full, files.baseline);
    const [fullHashes, rerenderHashes] = [await frameHashes(files.full), await frameHashes(files.rerender)];
    const diffs = sceneDiffs(board, EDITED_SCENE, fullHashes, rerenderHashes).map((d, i) => ({ ...d, edited: i === EDITED_SCENE }));
    const identical = diffs.every((d) => d.edited || d.differing === 0);
    const cpuList = cpus();
    return {
      machine: {
        cpus: cpuList.length,
        model: cpuList[0]?.model.trim() ?? "unknown",
        memGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
        node: process.version,
        os: `${platform()} ${release()}`,
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: loadavg().map((n) => Math.round(n * 100) / 100),
      },
      seconds: round(videoSeconds, 3),
      fps: BENCH_FPS,
      size: `${BENCH_WIDTH}x${BENCH_HEIGHT}`,
      method: {
        timing: "wall seconds of renderer.renderVideo (the MP4 only) with the bundle and browser already warm; the bundle is timed in setup",
        realtime: "video seconds / wall seconds",
        peakRssMB: "highest sum of VmRSS over this process and all its descendants (Chromium, ffmpeg), sampled every 200 ms; shared pages count once per process (an upper bound)",
        peakPssMB: "the same for PSS (/proc/PID/smaps_rollup: shared pages split among their sharers), closer to what the tree really holds",
        vsBaseline: "wall seconds / the baseline's wall seconds (below 1 is faster)",
        ssim: "ffmpeg ssim filter, full render against the baseline, every frame; y = luma, all = Y, U and V",
        rerender: `scene ${EDITED_SCENE + 1}'s headline changed, rendered again with the full render's segments in the cache; frames compared by MD5 of the decoded 4:2:0 pixels, per scene (the edited scene's fade-in over the scene before counts as the edited scene's)`,
        baseline: "profile plain: one renderMedia call with Remotion's default settings (h264), <OffthreadVideo> and <Img>, no cache",
        full: "profile full: segments (scene bodies and transitions), each composited by ffmpeg under text states the browser drew once (the fast path) or, where it cannot, rendered by renderMedia with a frame range and <Video>; x264 veryfast CRF 20, joined by stream copy; starts with an empty segment cache",
        draft: "profile draft: 960 px wide via scale, x264 ultrafast, JPEG quality 70",
      },
      setup: { clipsMade: media.made, clipMbps: media.clipMbps, bundleSeconds: round(bundleSeconds), browserAndFirstStillSeconds: round((setupEnd - (bundleDone ?? setupEnd)) / 1000) },
      runs,
      ssimFullVsBaseline: ssim,
      rerenderUnchangedScenesIdentical: identical,
      rerenderScenes: diffs,
      targets: benchTargets({ runs, ssim: ssim.y, unchangedScenesIdentical: identical }),
      at: new Date().toISOString(),
    };
  } finally {
    sampler.stop();
    await renderer.close();
    await rm(cacheDir, { recursive: true, force: true });
    if (!options.keep) await Promise.all(Object.values(files).map((file) => rm(file, { force: true })));
  }
}

function round(n: number, digits = 2): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}

