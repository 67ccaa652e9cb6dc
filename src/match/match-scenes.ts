import type { MatchCandidate, Media, ProviderName, SceneMatch } from "../schema/storyboard.js";
import { mapLimit } from "./map-limit.js";
import { ProviderUnavailable, type MediaCandidate, type MediaProvider, type SceneRequest, type SearchContext } from "./media-provider.js";
import { generatedMedia } from "./providers/generated.js";
import { isRelevant } from "./score-candidate.js";
import { DEFAULT_CONFIG } from "../schema/config.js";
import { assignCandidates, candidateKey, describeCandidate, scoreText, type TextScores } from "./rank-scenes.js";

/** How many alternatives the storyboard keeps per scene. */
export const ALTERNATIVES_KEPT = 3;

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
export type Reranker = (scenes: readonly SceneRequest[], candidates: readonly MediaCandidate[][], text: TextScores, signal?: AbortSignal) => Promise<TextScores>;

export interface MatchScenesOptions {
  /** Providers in preference order. */
  providers: readonly MediaProvider[];
  context: Omit<SearchContext, "signal">;
  signal?: AbortSignal;
  rerank?: Reranker;
  /** Provider searches and downloads in flight at once. @default DEFAULT_CONFIG.media.concurrency */
  concurrency?: number;
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
  concurrency: number = DEFAULT_CONFIG.media.concurrency,
): Promise<{ candidates: MediaCandidate[][]; fallbacks: Fallback[]; owner: Map<MediaCandidate, MediaProvider> }> {
  const fallbacks: Fallback[] = [];
  const owner = new Map<MediaCandidate, MediaProvider>();
  const perProvider = await Promise.all(
    providers.map(async (provider) => {
      let down: string | null = null;
      let empty = 0;
      const found = await mapLimit(scenes, concurrency, async (scene) => {
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
  const { candidates, fallbacks, owner } = await gatherCandidates(scenes, options.providers, context, options.concurrency);
  let text = scoreText(scenes, candidates);
  if (options.rerank) {
    try {
      text = await options.rerank(scenes, candidates, text, options.signal);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      options.onWarning?.(`embeddings re-rank skipped, text scores kept: ${message(error)}`);
    }
  }
  const order = options.providers.map((p) => p.name);
  const { chosen, ranked } = assignCandidates(scenes, candidates, text, { width: context.width, height: context.height, order });

  // A provider that turns out unusable while fetching (a refused key, a rate limit) is asked no more.
  const down = new Set<MediaProvider>();
  const fetchOne = async (candidate: MediaCandidate): Promise<Media | null> => {
    const provider = owner.get(candidate);
    if (!provider || down.has(provider)) return null;
    try {
      return await provider.fetch(candidate, { signal: options.signal });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      if (error instanceof ProviderUnavailable) {
        down.add(provider);
        fallbacks.push({ provider: provider.name, reason: error.reason });
      } else {
        options.onWarning?.(`could not use ${candidate.provider} ${candidate.id}: ${message(error)}`);
      }
      return null;
    }
  };

  const first = scenes.map((_, s) => (chosen[s] === null ? null : candidates[s]![chosen[s]!]!));
  const media = await mapLimit(scenes, options.concurrency ?? DEFAULT_CONFIG.media.concurrency, async (_, s) => (first[s] ? fetchOne(first[s]) : null));
  const reserved = new Set(first.flatMap((c, s) => (c && media[s] ? [candidateKey(c)] : [])));
  // Two ids can lead to one file (a copy in the library, the same bytes behind two stock ids).
  const usedFiles = new Set<string>();
  const fileOf = (m: Media) => (m.kind === "generated" ? null : m.file);
  const picked: (number | null)[] = scenes.map(() => null);
  // Scene by scene, so a broken download's replacement is never an asset another scene has.
  for (let s = 0; s < scenes.length; s += 1) {
    const list = ranked[s]!;
    const got = media[s];
    if (got && first[s]) {
      const file = fileOf(got);
      if (file === null || !usedFiles.has(file)) {
        if (file !== null) usedFiles.add(file);
        picked[s] = list.findIndex((r) => candidateKey(r.candidate) === candidateKey(first[s]!));
        continue;
      }
    }
    media[s] = null;
    if (!first[s]) continue;
    for (let r = 0; r < list.length; r += 1) {
      const next = list[r]!;
      const c = next.candidate;
      if (candidateKey(c) === candidateKey(first[s]!) || reserved.has(candidateKey(c)) || !isRelevant(next.score)) continue;
      const fetched = await fetchOne(c);
      const file = fetched ? fileOf(fetched) : null;
      if (!fetched || (file !== null && usedFiles.has(file))) continue;
      media[s] = fetched;
      picked[s] = r;
      reserved.add(candidateKey(c));
      if (file !== null) usedFiles.add(file);
      break;
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
