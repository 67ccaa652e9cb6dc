import { afterAll, describe, expect, it } from "vitest";
import { calibrateSimilarity, createEmbeddingsReranker } from "../src/match/embeddings-reranker.js";
import { matchScenes, type MediaCandidate, type MediaProvider, type SceneRequest } from "../src/match/index.js";
import { candidateKey, scoreText } from "../src/match/rank-scenes.js";
import type { Media } from "../src/schema/storyboard.js";
import { cosineSimilarity } from "../src/match/embeddings.js";
import { bagOfWords, embeddingsServer } from "./helpers/fake-embeddings.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

afterAll(removeTempDirs);

const LICENSE = { name: "test", url: null, attribution: "test" };
const scene = (text: string): SceneRequest => ({ index: 0, kind: "content", headline: text, narration: text, keywords: [], queries: [], visual: null, mood: "neutral", sourceBlockIds: [], durationSeconds: 5 });
const candidate = (id: string, title: string): MediaCandidate => ({
  provider: "library", id, kind: "image", text: { title, description: "", tags: [] }, width: 1920, height: 1080, durationSeconds: null, fps: null,
  creator: null, series: null, pageUrl: null, license: LICENSE, source: { file: `/lib/${id}` }, context: 0, forScene: null,
});

const library = (list: MediaCandidate[]): MediaProvider => ({
  name: "library",
  search: async () => list,
  fetch: async (c): Promise<Media> => ({ kind: "image", file: `/lib/${c.id}`, width: 1920, height: 1080, alt: "", focus: { x: 0.5, y: 0.5 }, provider: "library", origin: null, license: LICENSE, creator: null, sourceId: c.id }),
});

describe("calibrateSimilarity", () => {
  it("maps the band sentence embeddings use onto 0–1", () => {
    expect(calibrateSimilarity(0.05)).toBe(0);
    expect(calibrateSimilarity(0.3)).toBeCloseTo(0.5, 5);
    expect(calibrateSimilarity(0.9)).toBe(1);
  });
});

describe("createEmbeddingsReranker", () => {
  it("re-scores each scene's candidates with one batched call, and is cached afterwards", async () => {
    const fake = await embeddingsServer();
    const cacheDir = await makeTempDir("rerank");
    const rerank = createEmbeddingsReranker({ apiKey: null, baseURL: fake.server.url("/v1"), cacheDir });
    const scenes = [scene("red kites circle over the valley"), scene("a bowl of ramen noodles")];
    const list = [candidate("kite.jpg", "red kites over a valley"), candidate("ramen.jpg", "ramen noodles in a bowl"), candidate("car.jpg", "a parked car")];
    const candidates = [list, list];
    const lexical = scoreText(scenes, candidates);
    const reranked = await rerank(scenes, candidates, lexical);
    expect(fake.bodies).toHaveLength(1);
    const kite = candidateKey(list[0]!);
    const car = candidateKey(list[2]!);
    expect(reranked[0]!.get(kite)!).toBeGreaterThan(reranked[0]!.get(car)!);
    // The blend: 0.7 × calibrated cosine of the scene's text and the candidate's, 0.3 × the lexical score.
    const query = bagOfWords(`${scenes[1]!.headline}. ${scenes[1]!.narration}`);
    const ramen = candidateKey(list[1]!);
    const cosine = cosineSimilarity(Float32Array.from(query), Float32Array.from(bagOfWords("ramen noodles in a bowl")));
    expect(reranked[1]!.get(ramen)).toBeCloseTo(0.7 * calibrateSimilarity(cosine) + 0.3 * lexical[1]!.get(ramen)!, 4);
    for (const scores of reranked) for (const v of scores.values()) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1);
    await rerank(scenes, candidates, lexical);
    expect(fake.bodies).toHaveLength(1);
    await fake.server.close();
  });

  it("keeps the text scores with a warning when the embeddings server fails, so the video is still made", async () => {
    const fake = await embeddingsServer(() => ({ status: 500, body: { error: { message: "boom", type: "server_error" } } }));
    const rerank = createEmbeddingsReranker({ apiKey: null, baseURL: fake.server.url("/v1"), cacheDir: await makeTempDir("rerank"), maxRetries: 0 });
    const warnings: string[] = [];
    const result = await matchScenes([scene("red kites over the valley")], {
      providers: [library([candidate("kite.jpg", "red kites over a valley")])],
      context: { aspect: "16:9", width: 1920, height: 1080, perQuery: 5 },
      rerank,
      onWarning: (w) => warnings.push(w),
    });
    expect(result.media[0]!.kind === "image" && result.media[0]!.sourceId).toBe("kite.jpg");
    expect(warnings.join("\n")).toMatch(/embeddings re-rank skipped/);
    await fake.server.close();
  });
});
