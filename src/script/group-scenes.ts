import type { CandidateSentence } from "./collect-sentences.js";

export const MAX_SCENE_SENTENCES = 3;
export const MAX_SCENE_WORDS = 45;
/** Sentences further apart than this many blocks are about different things; they get their own scenes. */
const MAX_BLOCK_GAP = 3;

/**
 * Groups kept sentences (in article order) into scenes: a scene never crosses a section or a
 * long stretch of unread text, holds
 * at most three sentences and about 45 words, and a section's sentences are spread evenly
 * (four sentences make 2 + 2, not 3 + 1).
 */
export function groupScenes(sentences: readonly CandidateSentence[]): CandidateSentence[][] {
  const scenes: CandidateSentence[][] = [];
  let run: CandidateSentence[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const target = Math.ceil(run.length / Math.ceil(run.length / MAX_SCENE_SENTENCES));
    let scene: CandidateSentence[] = [];
    let words = 0;
    for (const sentence of run) {
      if (scene.length > 0 && (scene.length >= target || words + sentence.words > MAX_SCENE_WORDS)) {
        scenes.push(scene);
        scene = [];
        words = 0;
      }
      scene.push(sentence);
      words += sentence.words;
    }
    scenes.push(scene);
    run = [];
  };
  for (const sentence of sentences) {
    const last = run[run.length - 1];
    if (last && (last.section !== sentence.section || sentence.blockIndex - last.blockIndex > MAX_BLOCK_GAP)) flush();
    run.push(sentence);
  }
  flush();
  return scenes;
}
