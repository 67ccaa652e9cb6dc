import { createTextAnalyzer, type TextAnalyzer } from "./text-analyzer.js";
import { createTermExpander, DEFAULT_EXPANSION_WEIGHTS, type ExpansionWeights, type TermExpander } from "./term-expander.js";
import { loadWordNet, type WordNet } from "./wordnet.js";

/** The language side of matching: WordNet, the analyzer and the expander that share its caches. */
export interface TextModel {
  wordNet: WordNet;
  analyzer: TextAnalyzer;
  expander: TermExpander;
}

export function createTextModel(wordNet: WordNet, weights: ExpansionWeights = DEFAULT_EXPANSION_WEIGHTS): TextModel {
  const analyzer = createTextAnalyzer(wordNet);
  return { wordNet, analyzer, expander: createTermExpander(wordNet, analyzer, weights) };
}

let shared: TextModel | null = null;

/**
 * The process-wide model, made on first use. Kept on purpose: its caches (lemmas, expansions)
 * depend only on the immutable WordNet files, and every index in a process gains from them.
 */
export function loadTextModel(): TextModel {
  shared ??= createTextModel(loadWordNet());
  return shared;
}
