import type { MediaCandidate } from "../media-provider.js";
import type { LibraryItem } from "./index-library.js";

/** The candidate the library offers for an indexed file (pure). */
export function libraryCandidate(item: LibraryItem): MediaCandidate {
  const slash = item.path.lastIndexOf("/");
  return {
    provider: "library",
    id: item.path,
    kind: item.kind,
    text: item.text,
    width: item.width,
    height: item.height,
    durationSeconds: item.durationSeconds,
    fps: item.fps,
    creator: item.creator,
    // One creator's files in one folder are likely one shoot; a folder alone ("clips") says nothing of the sort.
    series: item.creator ? `library:${slash > 0 ? item.path.slice(0, slash) : ""}:${item.creator}` : null,
    pageUrl: item.origin,
    license: item.license,
    source: { file: item.file },
    context: 0,
    forScene: null,
  };
}
