import type { MatchCandidate, Media, ProviderName, SceneMatch } from "../schema/storyboard.js";
import { mapLimit } from "./map-limit.js";
import { ProviderUnavailable, type MediaCandidate, type MediaProvider, type SceneRequest, type SearchContext } from "./media-provider.js";
import { generatedMedia } from "./providers/generated.js";
import { assignCandidates, candidateKey, describeCandidate, scoreText, type TextScores } from "./rank-scenes.js";

/** How many alternatives the storyboard keeps per scene. */
export const ALTERNATIVES_KEPT = 3;
const SEARCH_CONCURRENCY = 4;

const GENERATED_CHOICE: MatchCandidate = {
  provider: "generated",
  id: "",
  kind: "generated",
  title: "",
  width: 0,
  height: 0,
  durationSeconds: null,
  source: null,
  pageUrl: null,
  creator: null,
  fps: null,
  license: null,
  score: { total: 0, text: 0, context: 0, orientation: 0, resolution: 0, duration: 0, priority: 0, duplicate: 0 },
};

export interface Fallback {
  provider: ProviderName;
  reason: string;
}

/** Replaces text scores (e.g. with an embeddings re-rank); gets each scene's candidates and lexical scores. */
export type Reranker = (scenes: readonly SceneRequest[], candidates: readonly MediaCandidate[][], text: TextScores) => Promise<TextScores>;

export interface MatchScenesOptions {
  /** Providers in preference order. */
  providers: readonly MediaProvider[];
  context: Omit<SearchContext, "signal">;
  signal?: AbortSignal;
  rerank?: Reranker;
  onWarning?: (message: string) => void;
}

export interface MatchScenesResult {
  media: Media[];
  matches: (SceneMatch | null)[];
  /** Providers that gave nothing, and why: no key, down, rate-limited, no results. */
  fallbacks: Fallback[];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Asks every provider for every scene; a provider that fails once is not asked again. */
export async function gatherCandidates(
  scenes: readonly SceneRequest[],
  providers: readonly MediaProvider[],
  context: SearchContext,
): Promise<{ candidates: MediaCandidate[][]; fallbacks: Fallback[]; owner: Map<MediaCandidate, MediaProvider> }> {
  const fallbacks: Fallback[] = [];
  const owner = new Map<MediaCandidate, MediaProvider>();
  const perProvider = await Promise.all(
    providers.map(async (provider) => {
      let down: string | null = null;
      let empty = 0;
      const found = await mapLimit(scenes, SEARCH_CONCURRENCY, async (scene) => {
        if (down !== null || (scene.kind === "closing" && provider.name !== "generated")) return [];
        try {
          const list = await provider.search(scene, context);
          if (list.length === 0) empty += 1;
          for (const candidate of list) owner.set(candidate, provider);
          return list;
        } catch (error) {
          if (context.signal?.aborted) throw error;
          down ??= error instanceof ProviderUnavailable ? error.reason : message(error);
          return [];
        }
      });
      if (down !== null) fallbacks.push({ provider: provider.name, reason: down });
      else if (empty > 0) fallbacks.push({ provider: provider.name, reason: `no results for ${empty} of ${scenes.length} scenes` });
      return found;
    }),
  );
  const candidates = scenes.map((_, s) => perProvider.flatMap((found) => found[s] ?? []));
  return { candidates, fallbacks, owner };
}

/**
 * Matches every scene to footage: gathers candidates from the providers, scores them all on one
 * text index plus fit (orientation, resolution, length) and preference, assigns the best pairs
 * across the video, then fetches each choice — a file that turns out broken gives way to the
 * scene's next candidate. A scene left without footage gets a generated visual.
 */
export async function matchScenes(scenes: readonly SceneRequest[], options: MatchScenesOptions): Promise<MatchScenesResult> {
  const context: SearchContext = { ...options.context, signal: options.signal };
  const { candidates, fallbacks, owner } = await gatherCandidates(scenes, options.providers, context);
  let text = scoreText(scenes, candidates);
  if (options.rerank) {
    try {
      text = await options.rerank(scenes, candidates, text);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      options.onWarning?.(`embeddings re-rank skipped, text scores kept: ${message(error)}`);
    }
  }
  const order = options.providers.map((p) => p.name);
  const { chosen, ranked } = assignCandidates(scenes, candidates, text, { width: context.width, height: context.height, order });

  const fetchOne = async (candidate: MediaCandidate): Promise<Media | null> => {
    const provider = owner.get(candidate);
    if (!provider) return null;
    try {
      return await provider.fetch(candidate, { signal: options.signal });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      options.onWarning?.(`could not use ${candidate.provider} ${candidate.id}: ${message(error)}`);
      return null;
    }
  };

  const firstTry = await mapLimit(scenes, SEARCH_CONCURRENCY, async (_, s) => (chosen[s] === null ? null : fetchOne(candidates[s]![chosen[s]!]!)));
  const used = new Set(chosen.flatMap((i, s) => (i === null || firstTry[s] === null ? [] : [candidateKey(candidates[s]![i]!)])));
  const picked: (number | null)[] = scenes.map(() => null);
  const media: (Media | null)[] = [...firstTry];
  // Broken downloads: walk down that scene's ranking, one scene at a time so no asset is taken twice.
  for (let s = 0; s < scenes.length; s += 1) {
    const list = ranked[s]!;
    if (chosen[s] !== null) picked[s] = list.findIndex((r) => r.candidate === candidates[s]![chosen[s]!]);
    if (media[s] !== null || chosen[s] === null) continue;
    picked[s] = null;
    for (let r = 0; r < list.length; r += 1) {
      const next = list[r]!;
      if (next.candidate === candidates[s]![chosen[s]!] || used.has(candidateKey(next.candidate)) || next.score.total < list[0]!.score.total - 1) continue;
      if (next.candidate.kind === "generated" && next.candidate.context <= 0) continue;
      const fetched = await fetchOne(next.candidate);
      if (fetched) {
        media[s] = fetched;
        picked[s] = r;
        used.add(candidateKey(next.candidate));
        break;
      }
    }
  }

  const final = scenes.map((scene, s) => media[s] ?? generatedMedia({ kind: scene.kind, id: String(s) }, s));
  const matches = scenes.map((scene, s): SceneMatch | null => {
    const list = ranked[s]!;
    const at = media[s] === null ? -1 : (picked[s] ?? -1);
    const others = list.filter((r, i) => i !== at && r.candidate.kind !== "generated" && (r.score.text > 0 || r.score.context > 0)).slice(0, ALTERNATIVES_KEPT).map((r) => describeCandidate(r.candidate, r.score));
    if (at >= 0) return { chosen: describeCandidate(list[at]!.candidate, list[at]!.score), alternatives: others };
    // Nothing relevant enough: the generated visual stands, and the near misses show why.
    const drawn = final[s]!;
    if (drawn.kind !== "generated" || (scene.kind === "closing" && others.length === 0)) return null;
    return { chosen: { ...GENERATED_CHOICE, id: drawn.style, title: `generated ${drawn.style} background` }, alternatives: others };
  });
  return { media: final, matches, fallbacks };
}
