/** Finds the terms of a vocabulary within a small edit distance of a word ("restaraunt" → "restaurant"). */
export interface FuzzyVocabulary {
  /** Terms within `maxDistance(word)` edits (Damerau-Levenshtein), each with its distance; the word itself excluded. */
  near(word: string): Array<{ term: string; distance: number }>;
}

/** Edits allowed for a word of this length: none for short words, where one edit makes another word. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}

const PLAIN = /^[a-z]+$/;

/**
 * A deletion-neighbourhood index (as in SymSpell): two words within k edits share a string
 * reached by deleting at most k letters from each, so lookups need no scan of the vocabulary.
 */
export function createFuzzyVocabulary(terms: Iterable<string>): FuzzyVocabulary {
  const byDeletion = new Map<string, string[]>();
  for (const term of terms) {
    if (!PLAIN.test(term)) continue;
    const edits = allowedEdits(term.length);
    if (edits === 0) continue;
    for (const variant of deletions(term, edits)) {
      const list = byDeletion.get(variant);
      if (list === undefined) byDeletion.set(variant, [term]);
      else list.push(term);
    }
  }
  return {
    near(word) {
      if (!PLAIN.test(word)) return [];
      const edits = allowedEdits(word.length);
      if (edits === 0) return [];
      const found = new Map<string, number>();
      for (const variant of deletions(word, edits)) {
        for (const term of byDeletion.get(variant) ?? []) {
          if (term === word || found.has(term)) continue;
          const limit = Math.min(edits, allowedEdits(term.length));
          const distance = editDistance(word, term);
          if (distance <= limit) found.set(term, distance);
        }
      }
      return [...found].map(([term, distance]) => ({ term, distance }));
    },
  };
}

function deletions(word: string, depth: number): Set<string> {
  const out = new Set<string>([word]);
  let layer = [word];
  for (let d = 0; d < depth; d += 1) {
    const next: string[] = [];
    for (const item of layer) {
      for (let i = 0; i < item.length; i += 1) {
        const variant = item.slice(0, i) + item.slice(i + 1);
        if (!out.has(variant)) {
          out.add(variant);
          next.push(variant);
        }
      }
    }
    layer = next;
  }
  return out;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
