import type { CandidateSentence } from "./collect-sentences.js";
import { termKeys } from "./extract-terms.js";
import { primaryLanguage } from "./primary-language.js";
import { textRank } from "./text-rank.js";

/** TextRank is quadratic; past this many sentences the rest are scored without it. */
export const TEXT_RANK_LIMIT = 400;

const WEIGHTS = {
  textRank: 1,
  articlePosition: 0.5,
  lead: 0.3,
  sectionPosition: 0.25,
  title: 0.6,
  heading: 0.3,
  frequency: 0.4,
  short: -0.3,
  unpunctuated: -0.3,
  connective: -0.15,
} as const;

const SHORT_WORDS = 8;
/** Openers that lean on the sentence before; such sentences read badly out of context. */
const CONNECTIVES: Record<string, string> = {
  en: "but|and|or|so|also|however|yet|still|then|thus|meanwhile|moreover|furthermore|instead|otherwise",
  de: "aber|und|doch|jedoch|auch|dann|trotzdem|außerdem",
  es: "pero|y|sin embargo|además|también|entonces",
  fr: "mais|et|cependant|pourtant|donc|aussi|ensuite",
  pt: "mas|e|porém|contudo|também|então",
  it: "ma|e|però|inoltre|quindi",
  nl: "maar|en|toch|ook|dus",
  cs: "ale|a|však|také|pak",
};

function connectivePattern(lang: string): RegExp {
  const code = primaryLanguage(lang);
  const words = CONNECTIVES[code] ?? CONNECTIVES.en!;
  // \b is ASCII-only even with the u flag, so the end of the word is spelled out.
  return new RegExp(`^(?:${words})(?=[\\s,;:]|$)`, "iu");
}

export interface RankContext {
  lang: string;
  titleKeys: ReadonlySet<string>;
  /** Content-word keys of each section's heading, by section index. */
  headingKeys: readonly ReadonlySet<string>[];
}

function overlap(keys: ReadonlySet<string>, target: ReadonlySet<string>): number {
  if (target.size === 0) return 0;
  let shared = 0;
  for (const key of keys) if (target.has(key)) shared += 1;
  return Math.min(1, shared / Math.min(target.size, 4));
}

/**
 * Importance of each sentence: centrality (TextRank and word frequency), place in the article
 * and in its section, and how much it shares with the title and its section heading.
 */
export function rankSentences(sentences: readonly CandidateSentence[], context: RankContext): number[] {
  const keys = sentences.map((sentence) => termKeys(sentence.terms));
  const central = textRank(keys.slice(0, TEXT_RANK_LIMIT));
  const frequency = new Map<string, number>();
  for (const set of keys) for (const key of set) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  let maxFrequency = 1;
  for (const count of frequency.values()) maxFrequency = Math.max(maxFrequency, count);
  const count = Math.max(1, sentences.length);
  const connective = connectivePattern(context.lang);

  return sentences.map((sentence, i) => {
    const set = keys[i]!;
    let frequencyScore = 0;
    for (const key of set) frequencyScore += (frequency.get(key) ?? 0) / maxFrequency;
    frequencyScore = set.size ? (frequencyScore / set.size) * Math.min(1, set.size / 5) : 0;
    let score =
      WEIGHTS.textRank * (central[i] ?? 0) +
      WEIGHTS.articlePosition * (1 - sentence.index / count) +
      (sentence.index < 3 ? WEIGHTS.lead : 0) +
      WEIGHTS.sectionPosition * (sentence.positionInSection === 0 ? 1 : sentence.positionInSection === 1 ? 0.4 : 0) +
      WEIGHTS.title * overlap(set, context.titleKeys) +
      WEIGHTS.heading * overlap(set, context.headingKeys[sentence.section] ?? new Set()) +
      WEIGHTS.frequency * frequencyScore;
    if (sentence.words < SHORT_WORDS) score += WEIGHTS.short;
    if (!sentence.punctuated) score += WEIGHTS.unpunctuated;
    if (connective.test(sentence.text)) score += WEIGHTS.connective;
    return score;
  });
}
