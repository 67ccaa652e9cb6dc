import { loadTextModel } from "./text-model.js";

/**
 * The terms a text is indexed under, in order: lemmas ("dogs" → "dog", "running" → "run"),
 * stop words dropped, WordNet compounds of neighbouring words added ("hot dog" → "hot_dog"),
 * CJK as character bigrams, other scripts lower-cased as they are.
 */
export function analyzeText(text: string): string[] {
  return loadTextModel().analyzer.analyze(text).map((item) => item.term);
}
