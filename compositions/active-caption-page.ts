import type { CaptionPage, CaptionWord } from "../src/storyboard/caption-pages.js";

type Timed = Pick<CaptionPage, "startMs" | "endMs">;

/** The page on screen at `ms` (from the start of the video), or null between pages. */
export function activeCaptionPage<T extends Timed>(pages: readonly T[], ms: number): T | null {
  return pages.find((page) => page.startMs <= ms && ms < page.endMs) ?? null;
}

export interface ActiveWord {
  line: number;
  index: number;
  word: CaptionWord;
}

/**
 * The word being spoken at `ms` on a page: the last one that has started, so the highlight
 * stays on a word through the short pause after it instead of flickering off. Null before
 * the page's first word or outside the page.
 */
export function activeCaptionWord(page: Pick<CaptionPage, "startMs" | "endMs" | "words">, ms: number): ActiveWord | null {
  if (ms < page.startMs || ms >= page.endMs) return null;
  let active: ActiveWord | null = null;
  page.words.forEach((line, l) =>
    line.forEach((word, index) => {
      if (word.startMs <= ms && (!active || word.startMs >= active.word.startMs)) active = { line: l, index, word };
    }),
  );
  return active;
}
