import { pathToFileURL } from "node:url";
import { ReelpressError } from "../errors.js";
import type { MatchCandidate, Media, Storyboard } from "../schema/storyboard.js";
import { cacheImage, type FetchBytes } from "./cache-image.js";
import { createProviders, type MediaSettings } from "./create-providers.js";
import type { MediaCandidate, MediaProvider } from "./media-provider.js";
import { focusMedia } from "./focus-media.js";
import { createFocusFinder } from "../media/create-focus-finder.js";

/** A scene by its id or its 1-based number. */
export function findScene(board: Storyboard, ref: string): number {
  const byId = board.scenes.findIndex((scene) => scene.id === ref);
  if (byId >= 0) return byId;
  const n = Number(ref);
  if (Number.isInteger(n) && n >= 1 && n <= board.scenes.length) return n - 1;
  throw new ReelpressError("E_INVALID_INPUT", `no scene "${ref}" in the storyboard (it has ${board.scenes.length}: ${board.scenes.map((s) => s.id).join(", ")})`);
}

/** Turns a kept alternative back into a candidate its provider can fetch. */
export function candidateFromMatch(m: MatchCandidate): MediaCandidate {
  if (m.kind === "generated") throw new ReelpressError("E_INVALID_INPUT", `${m.provider} ${m.id} is drawn at render time and cannot be swapped in`);
  const source = m.source === null ? null : /^https?:\/\//i.test(m.source) ? { url: m.source } : { file: m.source };
  return {
    provider: m.provider,
    id: m.id,
    kind: m.kind,
    text: { title: m.title, description: "", tags: [] },
    width: m.width,
    height: m.height,
    durationSeconds: m.durationSeconds,
    fps: m.fps,
    creator: m.creator,
    series: null,
    pageUrl: m.pageUrl,
    license: m.license ?? { name: "unknown", url: null, attribution: `${m.provider} ${m.id}` },
    source,
    context: 0,
    forScene: null,
  };
}

/** An article image is already in the cache; it only has to be read again. */
async function articleImage(candidate: MediaCandidate, options: { cacheDir: string; fetchBytes: FetchBytes; maxBytes: number }): Promise<Media> {
  if (!candidate.source || !("file" in candidate.source)) throw new ReelpressError("E_MEDIA", `article image ${candidate.id} has no cached file`);
  const cached = await cacheImage(pathToFileURL(candidate.source.file).href, options);
  return {
    kind: "image",
    file: cached.file,
    width: cached.width,
    height: cached.height,
    alt: candidate.text.title,
    focus: { x: 0.5, y: 0.45 },
    provider: "article",
    origin: candidate.id,
    license: candidate.license,
    creator: candidate.creator,
    sourceId: candidate.id,
  };
}

/**
 * Puts a scene's alternative number `n` (1 = the next best) on screen: its provider fetches and
 * checks it, and the choice it replaces becomes an alternative. Returns the new storyboard.
 */
export async function swapSceneMedia(
  board: Storyboard,
  sceneRef: string,
  n: number,
  options: { providers: readonly MediaProvider[]; cacheDir: string; fetchBytes: FetchBytes; maxBytes: number; signal?: AbortSignal },
): Promise<{ board: Storyboard; scene: number; chosen: MatchCandidate }> {
  const s = findScene(board, sceneRef);
  const scene = board.scenes[s]!;
  const alternatives = scene.match?.alternatives ?? [];
  if (alternatives.length === 0) throw new ReelpressError("E_INVALID_INPUT", `scene ${scene.id} keeps no alternatives to swap in`, { hint: "make the storyboard again with reelpress plan" });
  const pick = alternatives[n - 1];
  if (!pick) throw new ReelpressError("E_INVALID_INPUT", `scene ${scene.id} has ${alternatives.length} alternative${alternatives.length === 1 ? "" : "s"}, not ${n}`);
  const candidate = candidateFromMatch(pick);
  let media: Media;
  if (candidate.provider === "article") media = await articleImage(candidate, options);
  else {
    const provider = options.providers.find((p) => p.name === candidate.provider);
    if (!provider) throw new ReelpressError("E_INVALID_INPUT", `cannot fetch from ${candidate.provider} here`, { hint: candidate.provider === "library" ? "pass the --library DIR the storyboard was planned with" : "set the provider's API key" });
    media = await provider.fetch(candidate, { signal: options.signal });
  }
  [media] = (await focusMedia([media], createFocusFinder({ cacheDir: options.cacheDir }), options.signal)) as [Media];
  const previous = scene.match!.chosen;
  const rest = alternatives.filter((_, i) => i !== n - 1);
  const kept = previous.kind === "generated" ? rest : [previous, ...rest];
  const scenes = board.scenes.map((x, i) => (i === s ? { ...x, media, match: { chosen: pick, alternatives: kept } } : x));
  return { board: { ...board, scenes }, scene: s, chosen: pick };
}

/** `reelpress media swap`: the providers the chosen alternative needs, then swapSceneMedia. */
export async function swapFootage(
  board: Storyboard,
  sceneRef: string,
  n: number,
  media: MediaSettings,
  options: { cacheDir: string; fetchBytes: FetchBytes; maxBytes: number; signal?: AbortSignal },
): Promise<{ board: Storyboard; scene: number; chosen: MatchCandidate }> {
  const wanted = board.scenes[findScene(board, sceneRef)]!.match?.alternatives[n - 1];
  const needs: MediaSettings =
    wanted && wanted.provider !== "article" ? { ...media, providers: [wanted.provider], generateImages: wanted.provider === "generated" } : { ...media, providers: [] };
  const { providers } = await createProviders(needs, { ...options, article: null });
  return swapSceneMedia(board, sceneRef, n, { ...options, providers });
}
