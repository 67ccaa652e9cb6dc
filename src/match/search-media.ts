import type { Aspect, MatchCandidate } from "../schema/storyboard.js";
import { OUTPUT_SIZES } from "../storyboard/layout.js";
import type { FetchBytes } from "./cache-image.js";
import { createProviders, type MediaSettings } from "./create-providers.js";
import { rerankerFor } from "./embeddings-reranker.js";
import { gatherCandidates, type Fallback, type MatchScenesOptions } from "./match-scenes.js";
import type { SceneRequest } from "./media-provider.js";
import { candidateKey, describeCandidate, scoreText, uniqueCandidates } from "./rank-scenes.js";
import { scoreCandidate } from "./score-candidate.js";

/** A free text as a scene: it is the query, the headline and the narration at once. */
export function textRequest(text: string, durationSeconds = 6): SceneRequest {
  return { index: 0, kind: "content", headline: text, narration: text, keywords: [], queries: [text], visual: null, mood: "neutral", sourceBlockIds: [], durationSeconds };
}

/** Every provider's candidates for a text, scored as a scene would score them, best first. */
export async function searchMedia(
  text: string,
  options: MatchScenesOptions & { limit: number },
): Promise<{ candidates: MatchCandidate[]; fallbacks: Fallback[] }> {
  const scene = textRequest(text);
  const context = { ...options.context, signal: options.signal };
  const { candidates, fallbacks } = await gatherCandidates([scene], options.providers, context, options.concurrency);
  let scores = scoreText([scene], candidates);
  if (options.rerank) {
    try {
      scores = await options.rerank([scene], candidates, scores, options.signal);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      options.onWarning?.(`embeddings re-rank skipped, text scores kept: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const order = options.providers.map((p) => p.name);
  const ranked = uniqueCandidates(candidates[0]!.filter((c) => c.kind !== "generated"))
    .map((c) => describeCandidate(c, scoreCandidate(c, scores[0]!.get(candidateKey(c)) ?? 0, { width: context.width, height: context.height, sceneSeconds: scene.durationSeconds, order, usedSeries: new Set() })))
    .filter((c) => c.score.text > 0)
    .sort((a, b) => b.score.total - a.score.total)
    .slice(0, options.limit);
  return { candidates: ranked, fallbacks };
}

/**
 * `reelpress media search`: ranked footage for a free text from the configured providers (every
 * one but the article's, as there is none), re-ranked with embeddings when the settings ask.
 */
export async function searchFootage(
  text: string,
  media: MediaSettings,
  options: { aspect: Aspect; cacheDir: string; fetchBytes: FetchBytes; maxBytes: number; limit: number; signal?: AbortSignal },
): Promise<{ candidates: MatchCandidate[]; fallbacks: Fallback[]; warnings: string[] }> {
  const warnings: string[] = [];
  const onWarning = (w: string) => warnings.push(w);
  const { providers, fallbacks } = await createProviders(media, { ...options, article: null, onWarning });
  const embeddings = rerankerFor(media, options.cacheDir);
  if (embeddings.warning) warnings.push(embeddings.warning);
  const found = await searchMedia(text, {
    providers,
    context: { aspect: options.aspect, ...OUTPUT_SIZES[options.aspect], perQuery: media.perQuery },
    rerank: embeddings.rerank,
    concurrency: media.concurrency,
    signal: options.signal,
    limit: options.limit,
    onWarning,
  });
  return { candidates: found.candidates, fallbacks: [...fallbacks, ...found.fallbacks], warnings };
}
