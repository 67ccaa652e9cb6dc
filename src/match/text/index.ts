export { analyzeText } from "./analyze-text.js";
export { evaluateRanking, formatFigures, type EvalFigures, type EvalSet, type Ranker } from "./evaluate-ranking.js";
export { evaluatePlainBm25, evaluateTextMatcher, type TimedFigures } from "./evaluate-text-matcher.js";
export { loadFolderSet, loadMedialibSet, titleFromFileName } from "./load-eval-set.js";
export { createPlainBm25Index, plainTokens, type PlainBm25Index, type PlainBm25Options } from "./plain-bm25-index.js";
export { DEFAULT_EXPANSION_WEIGHTS, type ExpansionWeights, type TermExpander } from "./term-expander.js";
export { createTextAnalyzer, type AnalyzedTerm, type TextAnalyzer } from "./text-analyzer.js";
export {
  createTextIndex,
  DEFAULT_COMMON_WORD_DISCOUNT,
  DEFAULT_COMPOUND_WEIGHT,
  DEFAULT_FIELDS,
  DEFAULT_FUZZY,
  DEFAULT_K1,
  type FieldParams,
  type IndexDoc,
  type QueryPart,
  type TextHit,
  type TextIndex,
  type TextIndexOptions,
} from "./text-index.js";
export { createTextModel, loadTextModel, type TextModel } from "./text-model.js";
export { loadWordNet, openWordNet, type WordNet } from "./wordnet.js";
