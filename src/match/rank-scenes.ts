import type { MatchCandidate, ProviderName, ScoreBreakdown } from "../schema/storyboard.js";
import type { MediaCandidate, SceneRequest } from "./media-provider.js";
import { isRelevant, scoreCandidate } from "./score-candidate.js";
import { sceneQuery } from "./scene-query.js";
import { createTextIndex } from "./text/index.js";

export interface RankSettings {
  width: number;
  height: number;
  /** Providers in preference order. */
  order: readonly ProviderName[];
}

export interface RankedCandidate {
  candidate: MediaCandidate;
  /** Normalised text relevance, 0–1, before any other part of the score. */
  text: number;
}

/** Text relevance per scene, keyed by candidateKey; a re-ranker may replace these figures. */
export type TextScores = Map<string, number>[];

/** The first of each provider:id, in order. */
export function uniqueCandidates(list: readonly MediaCandidate[]): MediaCandidate[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = candidateKey(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function candidateKey(candidate: Pick<MediaCandidate, "provider" | "id">): string {
  return `${candidate.provider}:${candidate.id}`;
}


/** Scores every scene's candidates for text in one index, so all providers are judged by the same measure. */
export function scoreText(scenes: readonly SceneRequest[], candidates: readonly MediaCandidate[][]): TextScores {
  const docs = new Map<string, MediaCandidate>();
  for (const list of candidates) for (const c of list) if (c.kind !== "generated") docs.set(candidateKey(c), c);
  const index = createTextIndex([...docs].map(([id, c]) => ({ id, title: c.text.title, description: c.text.description, tags: c.text.tags })));
  return scenes.map((scene, s) => {
    const ids = [...new Set(candidates[s]!.filter((c) => c.kind !== "generated").map(candidateKey))];
    const scores = new Map<string, number>();
    if (ids.length > 0) for (const hit of index.score(sceneQuery(scene), ids)) scores.set(hit.id, hit.normalized);
    return scores;
  });
}

export interface Assignment {
  /** Per scene, the index into its candidate list that was chosen, or null for none relevant. */
  chosen: (number | null)[];
  /** Per scene, every candidate with its score as it stood when the choice was made, best first. */
  ranked: { candidate: MediaCandidate; score: ScoreBreakdown }[][];
}

/**
 * Gives each scene its best candidate, best pairs first across the whole video: no asset twice,
 * and a series already on screen counts against its other members. A scene whose best is not
 * relevant gets none (the caller draws a generated visual); closing scenes take none.
 */
export function assignCandidates(
  scenes: readonly SceneRequest[],
  candidates: readonly MediaCandidate[][],
  text: TextScores,
  settings: RankSettings,
): Assignment {
  const chosen: (number | null)[] = scenes.map(() => null);
  const usedKeys = new Set<string>();
  const usedSeries = new Set<string>();
  const scoreFor = (s: number, c: MediaCandidate, series: ReadonlySet<string>) =>
    scoreCandidate(c, text[s]!.get(candidateKey(c)) ?? 0, { width: settings.width, height: settings.height, sceneSeconds: scenes[s]!.durationSeconds, order: settings.order, usedSeries: series });
  const eligible = (s: number, c: MediaCandidate) => (c.forScene === null || c.forScene === s) && !(c.kind === "generated" && c.context <= 0);

  for (;;) {
    let best: { s: number; i: number; total: number } | null = null;
    scenes.forEach((scene, s) => {
      if (chosen[s] !== null || scene.kind === "closing") return;
      candidates[s]!.forEach((c, i) => {
        if (!eligible(s, c) || usedKeys.has(candidateKey(c))) return;
        const score = scoreFor(s, c, usedSeries);
        if (!isRelevant(score)) return;
        // Ties go to the earlier scene, then the provider's own order, so the result is stable.
        if (best === null || score.total > best.total) best = { s, i, total: score.total };
      });
    });
    if (best === null) break;
    const { s, i } = best;
    const c = candidates[s]![i]!;
    chosen[s] = i;
    usedKeys.add(candidateKey(c));
    if (c.series) usedSeries.add(c.series);
  }

  // Final scores: each scene judged against the series the other scenes ended up with.
  const ranked = scenes.map((_, s) => {
    const own = chosen[s] === null ? null : candidates[s]![chosen[s]!]!;
    const others = new Set(chosen.flatMap((i, t) => (t === s || i === null ? [] : [candidates[t]![i]!.series ?? ""])).filter(Boolean));
    return uniqueCandidates(candidates[s]!.filter((c) => eligible(s, c)))
      .filter((c) => c === own || !usedKeys.has(candidateKey(c)))
      .map((candidate) => ({ candidate, score: scoreFor(s, candidate, others) }))
      .sort((a, b) => b.score.total - a.score.total);
  });
  return { chosen, ranked };
}

/** A candidate as the storyboard keeps it for an editor. */
export function describeCandidate(candidate: MediaCandidate, score: ScoreBreakdown): MatchCandidate {
  const source = candidate.source === null ? null : "file" in candidate.source ? candidate.source.file : candidate.source.url;
  return {
    provider: candidate.provider,
    id: candidate.id,
    kind: candidate.kind,
    title: candidate.text.title || candidate.text.description.slice(0, 120) || candidate.text.tags.join(", ") || candidate.id,
    width: candidate.width,
    height: candidate.height,
    durationSeconds: candidate.durationSeconds,
    source,
    pageUrl: candidate.pageUrl,
    creator: candidate.creator,
    fps: candidate.fps,
    license: candidate.license,
    score,
  };
}
