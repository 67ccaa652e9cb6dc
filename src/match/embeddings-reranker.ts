import { cosineSimilarity, embedTexts, type EmbeddingsOptions } from "./embeddings.js";
import type { MediaSettings } from "./create-providers.js";
import type { Reranker } from "./match-scenes.js";
import { candidateKey } from "./rank-scenes.js";
import { sceneQuery } from "./scene-query.js";

/** Candidates per scene sent to the embeddings model: the lexical top, where a better order matters. */
export const RERANK_DEPTH = 40;
/** How much the embedding similarity counts against the lexical score. */
export const EMBEDDING_WEIGHT = 0.7;
/**
 * Cosine similarities of sentence embeddings sit in a narrow band: unrelated texts near 0.1,
 * close paraphrases near 0.5 and above. This maps that band onto 0–1 so the blended score keeps
 * its meaning as an absolute relevance (it is compared with the relevance floor).
 */
const SIMILARITY_FLOOR = 0.1;
const SIMILARITY_SPAN = 0.4;

export function calibrateSimilarity(similarity: number): number {
  return Math.min(1, Math.max(0, (similarity - SIMILARITY_FLOOR) / SIMILARITY_SPAN));
}

/** Re-scores each scene's best lexical candidates with an embeddings model (OpenAI or a compatible server). */
export function createEmbeddingsReranker(options: Omit<EmbeddingsOptions, "signal">): Reranker {
  return async (scenes, candidates, text, signal) => {
    const jobs = scenes.map((scene, s) => {
      const scores = text[s]!;
      const byKey = new Map(candidates[s]!.filter((c) => c.kind !== "generated").map((c) => [candidateKey(c), c]));
      const top = [...byKey.keys()].sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0)).slice(0, RERANK_DEPTH);
      const query = sceneQuery(scene).map((p) => p.text).join(". ");
      const docs = top.map((key) => {
        const t = byKey.get(key)!.text;
        return [t.title, t.description, t.tags.join(", ")].filter(Boolean).join(". ") || key;
      });
      return { s, top, query, docs };
    });
    // One call for every text, so batching and the cache see them all at once.
    const texts = jobs.flatMap((job) => (job.top.length === 0 ? [] : [job.query, ...job.docs]));
    const vectors = texts.length === 0 ? [] : await embedTexts(texts, { ...options, signal });
    let at = 0;
    return jobs.map((job) => {
      const next = new Map(text[job.s]!);
      if (job.top.length === 0) return next;
      const queryVector = vectors[at++]!;
      for (const key of job.top) {
        const similarity = cosineSimilarity(queryVector, vectors[at++]!);
        next.set(key, EMBEDDING_WEIGHT * calibrateSimilarity(similarity) + (1 - EMBEDDING_WEIGHT) * (next.get(key) ?? 0));
      }
      return next;
    });
  };
}

/** The re-ranker the media settings ask for, or why there is none. */
export function rerankerFor(settings: MediaSettings, cacheDir: string): { rerank?: Reranker; warning?: string } {
  if (!settings.embeddings) return {};
  if (!settings.openai.apiKey && !settings.openai.baseURL) return { warning: "embeddings re-rank skipped: it needs OPENAI_API_KEY or an OpenAI-compatible base URL" };
  return { rerank: createEmbeddingsReranker({ ...settings.openai, model: settings.embeddingModel, cacheDir, timeoutMs: settings.timeoutMs, maxRetries: settings.maxRetries }) };
}
