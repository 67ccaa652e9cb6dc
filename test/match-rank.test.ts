import { describe, expect, it } from "vitest";
import { matchScenes, ProviderUnavailable, type MediaCandidate, type MediaProvider, type SceneRequest } from "../src/match/index.js";
import { assignCandidates, candidateKey } from "../src/match/rank-scenes.js";
import { scoreCandidate } from "../src/match/score-candidate.js";
import { ReelpressError } from "../src/errors.js";
import type { Media } from "../src/schema/storyboard.js";

const LICENSE = { name: "test licence", url: null, attribution: "test" };

function scene(index: number, kind: SceneRequest["kind"], text: string, durationSeconds = 5): SceneRequest {
  return { index, kind, headline: text, narration: text, keywords: [], queries: [text], visual: null, mood: "neutral", sourceBlockIds: [], durationSeconds };
}

function candidate(provider: MediaCandidate["provider"], id: string, title: string, extra: Partial<MediaCandidate> = {}): MediaCandidate {
  return {
    provider, id, kind: "image", text: { title, description: "", tags: [] }, width: 1920, height: 1080, durationSeconds: null, fps: null,
    creator: null, series: null, pageUrl: null, license: LICENSE, source: { file: `/lib/${id}` }, context: 0, forScene: null, ...extra,
  };
}

const frame = { width: 1920, height: 1080, order: ["library", "pexels", "generated"] as const };

describe("scoreCandidate", () => {
  const base = { width: 1920, height: 1080, sceneSeconds: 5, order: ["library", "pexels"] as const, usedSeries: new Set<string>() };

  it("penalises the wrong orientation, upscaling, clips shorter than the scene and a series already used", () => {
    const good = scoreCandidate(candidate("library", "a", "x"), 0.5, base);
    expect(good.orientation).toBe(0);
    expect(good.resolution).toBe(0);
    const portrait = scoreCandidate(candidate("library", "b", "x", { width: 1080, height: 1920 }), 0.5, base);
    expect(portrait.orientation).toBeLessThan(0);
    const small = scoreCandidate(candidate("library", "c", "x", { width: 640, height: 360 }), 0.5, base);
    expect(small.resolution).toBeLessThan(0);
    const short = scoreCandidate(candidate("library", "d", "x", { kind: "video", durationSeconds: 2 }), 0.5, base);
    const long = scoreCandidate(candidate("library", "e", "x", { kind: "video", durationSeconds: 8 }), 0.5, base);
    expect(short.duration).toBeLessThan(0);
    expect(long.duration).toBeGreaterThan(0);
    const series = scoreCandidate(candidate("library", "f", "x", { series: "lib:beach" }), 0.5, { ...base, usedSeries: new Set(["lib:beach"]) });
    expect(series.duplicate).toBeLessThan(0);
    const later = scoreCandidate(candidate("pexels", "g", "x"), 0.5, base);
    expect(good.priority).toBeGreaterThan(later.priority);
    for (const s of [portrait, small, short, series, later]) expect(s.total).toBeLessThan(good.total);
  });
});

describe("assignCandidates", () => {
  it("never uses an asset twice, leaves closing scenes and irrelevant scenes without footage", () => {
    const scenes = [scene(0, "content", "a"), scene(1, "content", "b"), scene(2, "content", "c"), scene(3, "closing", "d")];
    const shared = candidate("library", "beach.jpg", "beach");
    const candidates = [[shared], [shared, candidate("library", "dune.jpg", "dune")], [candidate("library", "rock.jpg", "rock")], [candidate("library", "end.jpg", "end")]];
    const text = [
      new Map([[candidateKey(shared), 0.6]]),
      new Map([[candidateKey(shared), 0.9], ["library:dune.jpg", 0.4]]),
      new Map([["library:rock.jpg", 0.01]]),
      new Map([["library:end.jpg", 0.9]]),
    ];
    const { chosen, ranked } = assignCandidates(scenes, candidates, text, frame);
    // Scene 1 wants the beach most; scene 0 cannot have it too.
    expect(chosen[1]).toBe(0);
    expect(chosen[0]).toBeNull();
    expect(chosen[2]).toBeNull();
    expect(chosen[3]).toBeNull();
    expect(ranked[1]![0]!.candidate.id).toBe("beach.jpg");
  });

  it("prefers another series over a second shot from a series already on screen", () => {
    const scenes = [scene(0, "content", "a"), scene(1, "content", "b")];
    const one = candidate("pexels", "1", "surf", { series: "pexels:9" });
    const two = candidate("pexels", "2", "surf", { series: "pexels:9" });
    const other = candidate("pexels", "3", "surf", { series: "pexels:5" });
    const text = [new Map([["pexels:1", 0.9]]), new Map([["pexels:2", 0.6], ["pexels:3", 0.5]])];
    const { chosen } = assignCandidates(scenes, [[one], [two, other]], text, frame);
    expect(chosen).toEqual([0, 1]);
  });
});

/** A provider that serves fixed candidates; files named "broken" fail to fetch as a truncated download would. */
function fixedProvider(name: MediaCandidate["provider"], found: (s: SceneRequest) => MediaCandidate[]): MediaProvider & { fetched: string[] } {
  const fetched: string[] = [];
  return {
    name,
    fetched,
    async search(s) {
      return found(s);
    },
    async fetch(c): Promise<Media> {
      fetched.push(c.id);
      if (c.id.includes("broken")) throw new ReelpressError("E_MEDIA", `download of ${c.id} was cut short`);
      return { kind: "image", file: `/lib/${c.id}`, width: c.width, height: c.height, alt: c.text.title, focus: { x: 0.5, y: 0.5 }, provider: name, origin: null, license: LICENSE, creator: null, sourceId: c.id };
    },
  };
}

describe("matchScenes", () => {
  const context = { aspect: "16:9" as const, width: 1920, height: 1080, perQuery: 5 };

  it("matches by text across providers, replaces a broken download with the next candidate, and records fallbacks", async () => {
    const library = fixedProvider("library", () => [
      candidate("library", "broken-harbour.jpg", "cranes lifting containers in the harbour"),
      candidate("library", "harbour-night.jpg", "harbour cranes and containers at night"),
      candidate("library", "cat.jpg", "a cat asleep on a sofa"),
    ]);
    const down: MediaProvider = { name: "pexels", search: async () => { throw new ProviderUnavailable("pexels", "PEXELS_API_KEY is not set"); }, fetch: async () => { throw new Error("unused"); } };
    const empty = fixedProvider("pixabay", () => []);
    const scenes = [scene(0, "content", "Cranes lift containers in the harbour"), scene(1, "content", "The cat sleeps on the sofa"), scene(2, "content", "Quarterly interest rates policy")];
    const result = await matchScenes(scenes, { providers: [library, down, empty], context });

    expect(library.fetched).toEqual(expect.arrayContaining(["broken-harbour.jpg", "harbour-night.jpg", "cat.jpg"]));
    expect(result.media.map((m) => (m.kind === "image" ? m.sourceId : m.kind))).toEqual(["harbour-night.jpg", "cat.jpg", "generated"]);
    expect(result.matches[0]!.chosen.id).toBe("harbour-night.jpg");
    expect(result.matches[0]!.chosen.score.text).toBeGreaterThan(0.2);
    expect(result.matches[1]!.alternatives.map((a) => a.id)).not.toContain("cat.jpg");
    expect(result.fallbacks).toEqual([
      { provider: "pexels", reason: "PEXELS_API_KEY is not set" },
      { provider: "pixabay", reason: "no results for 3 of 3 scenes" },
    ]);
  });

  it("shows a generated visual rather than an irrelevant replacement for a broken download", async () => {
    const library = fixedProvider("library", () => [candidate("library", "broken-harbour.jpg", "cranes lifting containers in the harbour"), candidate("library", "cat.jpg", "a cat asleep on a sofa")]);
    const result = await matchScenes([scene(0, "content", "Cranes lift containers in the harbour")], { providers: [library], context });
    expect(library.fetched).toEqual(["broken-harbour.jpg"]);
    expect(result.media[0]!.kind).toBe("generated");
  });

  it("records a provider that fails while fetching as a fallback and asks it no more", async () => {
    const fetched: string[] = [];
    const refusing: MediaProvider = {
      name: "pexels",
      search: async (s) => [candidate("pexels", `photo:${s.index}`, s.headline)],
      fetch: async (c) => {
        fetched.push(c.id);
        throw new ProviderUnavailable("pexels", "key rejected (401)");
      },
    };
    const scenes = [scene(0, "content", "red kites over the valley"), scene(1, "content", "a bowl of ramen noodles")];
    const result = await matchScenes(scenes, { providers: [refusing], context, concurrency: 1 });
    expect(fetched).toHaveLength(1);
    expect(result.fallbacks).toEqual([{ provider: "pexels", reason: "key rejected (401)" }]);
    expect(result.media.every((m) => m.kind === "generated")).toBe(true);
  });

  it("does not show one file twice when two ids lead to it", async () => {
    const sameFile = (id: string, title: string) => candidate("library", id, title);
    const library: MediaProvider = {
      name: "library",
      search: async () => [sameFile("a/kites.jpg", "red kites over the valley"), sameFile("b/kites-copy.jpg", "red kites over the valley")],
      fetch: async (c): Promise<Media> => ({ kind: "image", file: "/lib/kites.jpg", width: 1920, height: 1080, alt: "", focus: { x: 0.5, y: 0.5 }, provider: "library", origin: null, license: LICENSE, creator: null, sourceId: c.id }),
    };
    const scenes = [scene(0, "content", "red kites over the valley"), scene(1, "content", "red kites over the valley again")];
    const result = await matchScenes(scenes, { providers: [library], context });
    const files = result.media.map((m) => (m.kind === "generated" ? null : m.file));
    expect(files.filter((f) => f === "/lib/kites.jpg")).toHaveLength(1);
  });
});
