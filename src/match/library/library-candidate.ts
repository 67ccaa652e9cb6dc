import { pathToFileURL } from "node:url";
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
    // Files of one folder are one shoot for the duplicate penalty; loose files at the top are not.
    series: slash > 0 ? item.path.slice(0, slash) : null,
    pageUrl: item.url ?? pathToFileURL(item.file).href,
    license: item.license,
    source: { file: item.file },
    context: 0,
    forScene: null,
  };
}
