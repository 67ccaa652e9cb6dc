import type { ProviderName, ScoreBreakdown } from "../schema/storyboard.js";
import type { MediaCandidate } from "./media-provider.js";

/** Below this relevance (text plus provider context) footage is not shown; a generated visual is. */
export const MIN_RELEVANCE = 0.12;

/** How much each part of a score counts. Text and context are 0–1; the rest are small adjustments. */
export const SCORE_WEIGHTS = {
  text: 1,
  context: 0.8,
  /** Landscape footage in a vertical video (or the reverse) loses most of the picture to the crop. */
  wrongOrientation: -0.15,
  squareOrientation: -0.05,
  /** Per doubling of upscaling needed to cover the frame, capped at one doubling. */
  upscale: -0.15,
  /** A clip shorter than the scene has to loop; full penalty for a clip of no length. */
  shortClip: -0.12,
  /** Moving footage is preferred to a still at equal relevance. */
  motion: 0.04,
  /** The first provider in the `--media` order gets this much over the last. */
  priority: 0.08,
  /** Another asset from a series (same creator's shoot, same library folder) already on screen. */
  sameSeries: -0.15,
} as const;

export interface ScoreContext {
  width: number;
  height: number;
  sceneSeconds: number;
  /** Providers in preference order. */
  order: readonly ProviderName[];
  /** Series already chosen for other scenes. */
  usedSeries: ReadonlySet<string>;
}

function orientationOf(width: number, height: number): "landscape" | "portrait" | "square" {
  const ratio = width / height;
  if (ratio > 1.1) return "landscape";
  if (ratio < 0.9) return "portrait";
  return "square";
}

/** Candidates drawn at render time fit any frame and any length. */
function drawn(candidate: MediaCandidate): boolean {
  return candidate.kind === "generated";
}

/** Scores one candidate for one scene; `text` is its normalised text relevance (0–1). */
export function scoreCandidate(candidate: MediaCandidate, text: number, context: ScoreContext): ScoreBreakdown {
  const w = SCORE_WEIGHTS;
  let orientation = 0;
  let resolution = 0;
  let duration = 0;
  if (!drawn(candidate) && candidate.width > 0 && candidate.height > 0) {
    const have = orientationOf(candidate.width, candidate.height);
    const want = orientationOf(context.width, context.height);
    if (have !== want) orientation = have === "square" || want === "square" ? w.squareOrientation : w.wrongOrientation;
    // Scale needed for the asset to cover the frame.
    const scale = Math.max(context.width / candidate.width, context.height / candidate.height);
    if (scale > 1) resolution = w.upscale * Math.min(1, Math.log2(scale));
  }
  if (candidate.kind === "video") {
    const seconds = candidate.durationSeconds ?? 0;
    duration = seconds >= context.sceneSeconds ? w.motion : w.shortClip * (1 - seconds / context.sceneSeconds);
  }
  const rank = context.order.indexOf(candidate.provider);
  const priority = rank < 0 || context.order.length < 2 ? 0 : w.priority * (1 - rank / (context.order.length - 1));
  const duplicate = candidate.series !== null && context.usedSeries.has(candidate.series) ? w.sameSeries : 0;
  const scaledText = w.text * text;
  const scaledContext = w.context * candidate.context;
  const total = scaledText + scaledContext + orientation + resolution + duration + priority + duplicate;
  return {
    total: round(total),
    text: round(text),
    context: round(candidate.context),
    orientation: round(orientation),
    resolution: round(resolution),
    duration: round(duration),
    priority: round(priority),
    duplicate: round(duplicate),
  };
}

/** Whether a candidate is relevant enough to be shown at all. */
export function isRelevant(score: ScoreBreakdown): boolean {
  return score.text + SCORE_WEIGHTS.context * score.context >= MIN_RELEVANCE;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
