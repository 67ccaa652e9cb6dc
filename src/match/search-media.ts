import type { MatchCandidate } from "../schema/storyboard.js";
import { gatherCandidates, type Fallback, type MatchScenesOptions } from "./match-scenes.js";
import type { SceneRequest } from "./media-provider.js";
import { candidateKey, describeCandidate, scoreText } from "./rank-scenes.js";
import { scoreCandidate } from "./score-candidate.js";

/** A free text as a scene: it is the query, the headline and the narration at once. */
export function textRequest(text: string, durationSeconds = 6): SceneRequest {
  return { index: 0, kind: "content", headline: text, narration: text, keywords: [], queries: [text], visual: null, mood: "neutral", sourceBlockIds: [], durationSeconds };
}

/** Every provider's candidates for a text, scored as a scene would score them, best first. */
export async function searchMedia(
  text: string,
  options: Omit<MatchScenesOptions, "onWarning"> & { limit: number },
): Promise<{ candidates: MatchCandidate[]; fallbacks: Fallback[] }> {
  const scene = textRequest(text);
  const context = { ...options.context, signal: options.signal };
  const { candidates, fallbacks } = await gatherCandidates([scene], options.providers, context);
  let scores = scoreText([scene], candidates);
  if (options.rerank) scores = await options.rerank([scene], candidates, scores);
  const order = options.providers.map((p) => p.name);
  const seen = new Set<string>();
  const ranked = candidates[0]!
    .filter((c) => c.kind !== "generated" && !seen.has(candidateKey(c)) && Boolean(seen.add(candidateKey(c))))
    .map((c) => describeCandidate(c, scoreCandidate(c, scores[0]!.get(candidateKey(c)) ?? 0, { width: context.width, height: context.height, sceneSeconds: scene.durationSeconds, order, usedSeries: new Set() })))
    .filter((c) => c.score.text > 0)
    .sort((a, b) => b.score.total - a.score.total)
    .slice(0, options.limit);
  return { candidates: ranked, fallbacks };
}
