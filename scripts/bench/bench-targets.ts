/** The figures of one timed render. */
export interface RunFigures {
  wallSeconds: number;
  realtime: number;
  peakRssMB: number;
  peakPssMB: number;
  vsBaseline: number;
}

export interface Target {
  goal: string;
  value: number | boolean;
  met: boolean;
}

export interface TargetInput {
  runs: { baseline: RunFigures; full: RunFigures; rerender: RunFigures; draft: RunFigures };
  ssim: number;
  unchangedScenesIdentical: boolean;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The targets on a 2-core machine, each with the figure measured and whether it is met. */
export function benchTargets({ runs, ssim, unchangedScenesIdentical }: TargetInput): Record<string, Target> {
  const speedup = runs.baseline.wallSeconds / runs.full.wallSeconds;
  const rerenderShare = runs.rerender.wallSeconds / runs.full.wallSeconds;
  // The baseline is the yardstick, not reelpress: the memory target is for reelpress's own renders.
  // PSS: each page counted once, its share split among the processes mapping it. The RSS sum
  // counts Chromium's shared memory and every shared library once per process: an upper bound.
  const peak = Math.max(runs.full.peakPssMB, runs.rerender.peakPssMB, runs.draft.peakPssMB);
  return {
    fullSpeedup: { goal: "full render ≥ 3× the baseline's speed", value: round(speedup), met: speedup >= 3 },
    fullRealtime: { goal: "full render ≥ 0.5× realtime", value: round(runs.full.realtime), met: runs.full.realtime >= 0.5 },
    ssim: { goal: "SSIM of the full render against the baseline ≥ 0.97", value: round(ssim, 4), met: ssim >= 0.97 },
    rerenderShare: { goal: "re-render after one scene's text changed ≤ 20% of the full render's time", value: round(rerenderShare), met: rerenderShare <= 0.2 },
    rerenderIdentical: { goal: "re-render identical in every other scene", value: unchangedScenesIdentical, met: unchangedScenesIdentical },
    draftRealtime: { goal: "draft ≥ 2× realtime", value: round(runs.draft.realtime), met: runs.draft.realtime >= 2 },
    peakMemory: { goal: "peak memory of the full, re-render and draft runs < 2.5 GB (MB, PSS sum of the process tree)", value: peak, met: peak < 2500 },
  };
}
