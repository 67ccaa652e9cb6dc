import path from "node:path";
import { ReelpressError } from "../../errors.js";
import { checkVideoEnd } from "../../media/check-video-end.js";
import { probeVideo } from "../../media/probe-media.js";
import type { Media } from "../../schema/storyboard.js";
import { indexLibrary, libraryOrigin, type LibraryItem, type LibraryRefresh } from "../library/index-library.js";
import { libraryCandidate } from "../library/library-candidate.js";
import { libraryMediaKind } from "../library/library-media-kind.js";
import { readImageSize } from "../library/read-image-size.js";
import { resolveLibraryFile } from "../library/resolve-library-file.js";
import { sceneQuery } from "../scene-query.js";
import type { MediaCandidate, MediaProvider, SceneRequest, SearchContext } from "../media-provider.js";
import { createTextIndex, type TextIndex } from "../text/index.js";

export type { LibraryItem, LibraryRefresh } from "../library/index-library.js";

/** Candidates returned per wanted result, so the ranker has room to weigh size, orientation and duplicates. */
export const LIBRARY_CANDIDATES_PER_QUERY = 3;
/** The fewest candidates a search returns (when the library has that many matches). */
export const MIN_LIBRARY_CANDIDATES = 12;

export interface LibraryProviderOptions {
  /** The media folder (`--library DIR`). */
  dir: string;
  /** The index is kept in `<cacheDir>/library/`. */
  cacheDir: string;
  signal?: AbortSignal;
  /** Unreadable files, malformed sidecars, links leading out of the folder. @default ignored */
  onWarning?: (message: string) => void;
}

export interface LibraryProvider extends MediaProvider {
  readonly name: "library";
  /** The library folder, absolute. */
  readonly dir: string;
  /** Every indexed file, sorted by path. */
  items(): readonly LibraryItem[];
  /** What indexing did when the provider was created. */
  readonly refreshed: LibraryRefresh;
}

/**
 * A local folder of images and videos. Indexing (or refreshing the cached index) happens here,
 * once; `search` ranks the indexed text for a scene and `fetch` checks the file where it lies
 * (library files are used in place, not copied).
 */
export async function createLibraryProvider(options: LibraryProviderOptions): Promise<LibraryProvider> {
  const dir = path.resolve(options.dir);
  const onWarning = options.onWarning ?? (() => undefined);
  const { items, refreshed } = await indexLibrary({ dir, cacheDir: options.cacheDir, signal: options.signal, onWarning });
  if (items.length === 0) onWarning(`the media library ${dir} has no images or videos that can be read`);
  const byId = new Map(items.map((item) => [item.path, item]));
  let index: TextIndex | null = null;

  const search = async (scene: SceneRequest, context: SearchContext): Promise<MediaCandidate[]> => {
    if (context.signal?.aborted) throw new ReelpressError("E_ABORTED", "the media search was cancelled");
    const parts = sceneQuery(scene);
    if (items.length === 0 || parts.length === 0) return [];
    index ??= createTextIndex(items.map((item) => ({ id: item.path, ...item.text })));
    const limit = Math.max(MIN_LIBRARY_CANDIDATES, context.perQuery * LIBRARY_CANDIDATES_PER_QUERY);
    return index
      .search(parts, limit)
      .map((hit) => byId.get(hit.id))
      .filter((item): item is LibraryItem => item !== undefined)
      .map(libraryCandidate);
  };

  const fetch = async (candidate: MediaCandidate, fetchOptions: { signal?: AbortSignal }): Promise<Media> => {
    if (candidate.provider !== "library") throw new ReelpressError("E_MEDIA", `the library cannot fetch a ${candidate.provider} candidate (${candidate.id})`);
    const file = await resolveLibraryFile(dir, candidate.id);
    const kind = libraryMediaKind(file);
    if (kind === null) throw new ReelpressError("E_MEDIA", `"${candidate.id}" is not an image or video the library uses`);
    const common = {
      provider: "library" as const,
      // Credits are published: a URL or a path inside the library, never where the file sits on this machine.
      origin: byId.get(candidate.id)?.origin ?? libraryOrigin(path.basename(dir), { path: candidate.id, url: null }),
      license: candidate.license,
      creator: candidate.creator,
      sourceId: candidate.id,
    };
    if (kind === "image") {
      const size = await readImageSize(file);
      return { kind: "image", file, ...size, alt: candidate.text.title || candidate.text.description, focus: { x: 0.5, y: 0.45 }, ...common };
    }
    const info = await probeVideo(file, { signal: fetchOptions.signal });
    await checkVideoEnd(file, info, { signal: fetchOptions.signal });
    return { kind: "video", file, width: info.width, height: info.height, durationSeconds: info.durationSeconds, fps: info.fps > 0 ? info.fps : null, focus: { x: 0.5, y: 0.5 }, ...common };
  };

  return { name: "library", dir, items: () => items, refreshed, search, fetch };
}
