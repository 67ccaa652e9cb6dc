import type { CaptionPage } from "../src/storyboard/caption-pages.js";

/** The page on screen at `ms` (from the start of the video), or null between pages. */
export function activeCaptionPage(pages: readonly CaptionPage[], ms: number): CaptionPage | null {
  return pages.find((page) => page.startMs <= ms && ms < page.endMs) ?? null;
}
