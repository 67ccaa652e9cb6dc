import type { CandidateSentence } from "./collect-sentences.js";
import { termKeys } from "./extract-terms.js";
import { groupScenes, MAX_SCENE_SENTENCES } from "./group-scenes.js";
import { jaccard } from "./text-rank.js";

export interface SelectionBudget {
  /** Reading words left for the content scenes. */
  words: number;
  /** Reading words one scene's pause costs. */
  pauseWords: number;
}

/** Each further sentence from the same section counts this much less: spreads the video over the article. */
const SECTION_DECAY = 0.6;
/** How strongly a sentence that repeats a kept one is held back (maximal marginal relevance). */
const REDUNDANCY = 0.5;
/** When the budget fits no sentence at all, the one sentence read should be a short one. */
const FALLBACK_MAX_WORDS = 20;

function normalise(scores: readonly number[]): number[] {
  // A loop, not Math.min(...scores): spreading a very long article's scores overflows the stack.
  let min = Infinity;
  let max = -Infinity;
  for (const score of scores) {
    min = Math.min(min, score);
    max = Math.max(max, score);
  }
  return scores.map((score) => (max > min ? (score - min) / (max - min) : 1));
}

function sceneCost(scenes: readonly CandidateSentence[][], pauseWords: number): number {
  let words = 0;
  for (const scene of scenes) for (const sentence of scene) words += sentence.words;
  return words + scenes.length * pauseWords;
}

/**
 * Chooses the sentences to narrate and groups them into scenes. Sentences are taken greedily
 * by importance while they fit the budget, each section's later picks and sentences that repeat
 * earlier picks being worth less; the result is in article order. When nothing fits, the single
 * best sentence is taken, so there is always at least one scene.
 */
export function selectSentences(
  sentences: readonly CandidateSentence[],
  scores: readonly number[],
  budget: SelectionBudget,
): CandidateSentence[][] {
  if (sentences.length === 0) return [];
  const bestTier = sentences.reduce((best, sentence) => Math.min(best, sentence.tier), 3);
  const pool = sentences.filter((sentence) => sentence.tier === bestTier);
  const normalised = normalise(pool.map((sentence) => scores[sentence.index] ?? 0));
  const keys = pool.map((sentence) => termKeys(sentence.terms));
  const redundancy = new Float64Array(pool.length);
  const chosen = new Uint8Array(pool.length);
  const perSection = new Map<number, number>();
  const picked: number[] = [];
  let remaining = budget.words;

  for (;;) {
    let best = -1;
    let bestValue = -Infinity;
    pool.forEach((sentence, i) => {
      if (chosen[i]) return;
      const taken = perSection.get(sentence.section) ?? 0;
      const cost = sentence.words + (taken % MAX_SCENE_SENTENCES === 0 ? budget.pauseWords : 0);
      if (cost > remaining) return;
      const value = normalised[i]! * SECTION_DECAY ** taken - REDUNDANCY * redundancy[i]!;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    });
    if (best < 0) break;
    const sentence = pool[best]!;
    const taken = perSection.get(sentence.section) ?? 0;
    remaining -= sentence.words + (taken % MAX_SCENE_SENTENCES === 0 ? budget.pauseWords : 0);
    perSection.set(sentence.section, taken + 1);
    chosen[best] = 1;
    picked.push(best);
    pool.forEach((_, i) => {
      if (!chosen[i]) redundancy[i] = Math.max(redundancy[i]!, jaccard(keys[i]!, keys[best]!));
    });
  }

  if (picked.length === 0) {
    // Nothing fits: the best short sentence, so a tiny budget is overrun by as little as possible.
    const short = pool.some((sentence) => sentence.words <= FALLBACK_MAX_WORDS);
    let best = -1;
    normalised.forEach((value, i) => {
      if (short && pool[i]!.words > FALLBACK_MAX_WORDS) return;
      if (best < 0 || value > normalised[best]!) best = i;
    });
    picked.push(best);
  }

  // The greedy pass estimates one pause per section; the real grouping may need more scenes.
  picked.sort((a, b) => normalised[b]! - normalised[a]! || a - b);
  let kept = picked.slice();
  let scenes = groupScenes(inArticleOrder(kept, pool));
  while (kept.length > 1 && sceneCost(scenes, budget.pauseWords) > budget.words) {
    kept = kept.slice(0, -1);
    scenes = groupScenes(inArticleOrder(kept, pool));
  }
  return scenes;
}

function inArticleOrder(indexes: readonly number[], pool: readonly CandidateSentence[]): CandidateSentence[] {
  return indexes.map((i) => pool[i]!).sort((a, b) => a.index - b.index);
}
