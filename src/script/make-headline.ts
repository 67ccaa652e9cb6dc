import { countHeadlineWords } from "../schema/script.js";
import { isCjk } from "../text/text-units.js";
import { cjkHeadline } from "./cjk-headline.js";
import { isStopword } from "./is-stopword.js";
import { primaryLanguage } from "./primary-language.js";
import { bareWord, capitalise, MAX_HEADLINE_WORDS, tidyHeadline, TRAILING_PUNCT, trimTail } from "./tidy-headline.js";

/** A clause shorter than this ("In 2019,") is not a headline on its own. */
const MIN_CLAUSE_WORDS = 3;
const CLAUSE_END = /[,;:，、；：]$/u;
const DASH = /^[—–-]$/u;
const LEAD_CONNECTIVE =
  /^(?:but|and|so|also|however|yet|still|then|meanwhile|moreover|aber|und|doch|jedoch|pero|y|además|mais|et|cependant|mas|e|porém|ma|però|maar|en|ale)(?:[\s,]+)/iu;
const OPENS_QUOTE = /^[("'“‘„«‹]/u;
const CLOSES_QUOTE = /[)"'”’»›][,;:.!?]*$/u;

/** Cuts before a quotation or bracket that the cut would leave open ("his 'biggest…"). */
function closeQuotes(words: string[]): string[] {
  for (let i = 0; i < words.length; i += 1) {
    if (!OPENS_QUOTE.test(words[i]!)) continue;
    let closed = CLOSES_QUOTE.test(words[i]!.slice(1));
    for (let j = i + 1; j < words.length && !closed; j += 1) closed = CLOSES_QUOTE.test(words[j]!);
    if (!closed) return i >= MIN_CLAUSE_WORDS ? words.slice(0, i) : words;
  }
  return words;
}

/** Words that open a new clause; a headline may stop just before one. */
const CLAUSE_OPENERS: Record<string, string> = {
  en: "that which who whom whose because when while after before if although though but and or as since so where whereas unless until according despite",
  de: "dass weil wenn als und aber oder während nachdem obwohl damit sondern denn wo die der das",
  es: "que porque cuando y pero donde mientras aunque si pues según",
  fr: "que qui parce quand et mais où lorsque alors tandis selon",
  pt: "que porque quando e mas onde enquanto embora segundo",
  it: "che perché quando e ma dove mentre anche se",
  nl: "dat die omdat wanneer en maar terwijl als",
  cs: "a že který která které kteří ale když protože kde aby",
};

function clauseOpeners(lang: string): ReadonlySet<string> {
  return new Set((CLAUSE_OPENERS[primaryLanguage(lang)] ?? CLAUSE_OPENERS.en!).split(" "));
}

/** "LONDON — After nearly 20 years…": the dateline before an early dash is not part of the news. */
function dropDateline(words: string[]): string[] {
  const dash = words.findIndex((word, i) => i > 0 && i <= 3 && DASH.test(word));
  if (dash <= 0 || words.length - dash - 1 < MIN_CLAUSE_WORDS) return words;
  // Datelines are capitals ("LONDON", "WASHINGTON, D.C.") and agency credits ("(Reuters)").
  const dateline = words.slice(0, dash).every((word) => /^[\p{Lu}\p{N}.,]+$/u.test(word) || /^\(.*\)[,:]?$/u.test(word));
  return dateline ? words.slice(dash + 1) : words;
}

/** Finishes a cut: closes no quote, ends on no comma or stopword; German cuts end on a noun. */
function finishCut(words: string[], lang: string, hardCut: boolean): string[] {
  let out = closeQuotes(words);
  if (out.length === 0) return out;
  out = [...out.slice(0, -1), out[out.length - 1]!.replace(TRAILING_PUNCT, "")].filter(Boolean);
  out = trimTail(out, lang);
  if (hardCut && primaryLanguage(lang) === "de") {
    // German capitalises nouns; a cut that ends on a lowercase adjective or verb reads unfinished.
    let end = out.length;
    while (end > MIN_CLAUSE_WORDS && !/^\p{Lu}/u.test(bareWord(out[end - 1]!))) end -= 1;
    if (/^\p{Lu}/u.test(bareWord(out[end - 1] ?? ""))) out = out.slice(0, end);
  }
  return out;
}

function spacedHeadline(text: string, lang: string): string {
  if (countHeadlineWords(text) <= MAX_HEADLINE_WORDS) {
    const whole = text.split(" ").filter(Boolean);
    const last = bareWord(whole[whole.length - 1] ?? "");
    if (last && !isStopword(last, lang)) return text;
  }
  const words = text.split(" ").filter(Boolean);
  const candidates: { words: string[]; hard: boolean }[] = [];
  // 1. The leading clause, when it ends within the limit and says enough.
  for (let i = 0; i < words.length && i < MAX_HEADLINE_WORDS; i += 1) {
    const clauseEnds = CLAUSE_END.test(words[i]!) || DASH.test(words[i + 1] ?? "") || (words[i + 1] ?? "").startsWith("(");
    if (clauseEnds && i + 1 >= MIN_CLAUSE_WORDS) {
      candidates.push({ words: words.slice(0, i + 1), hard: false });
      break;
    }
  }
  // 2. Up to the last clause opener ("that", "because", "und") within the limit.
  const openers = clauseOpeners(lang);
  for (let p = Math.min(MAX_HEADLINE_WORDS, words.length - 1); p >= MIN_CLAUSE_WORDS; p -= 1) {
    if (openers.has(bareWord(words[p]!).toLowerCase())) {
      candidates.push({ words: words.slice(0, p), hard: false });
      break;
    }
  }
  // 3. Before the last function word within the limit, so a phrase ends whole: "What Lives in
  //    a Tide Pool | at Low Tide", not "What Lives in a Tide Pool at Low".
  for (let p = Math.min(MAX_HEADLINE_WORDS, words.length - 1); p >= MIN_CLAUSE_WORDS; p -= 1) {
    if (isStopword(bareWord(words[p]!), lang) && !isStopword(bareWord(words[p - 1]!), lang)) {
      candidates.push({ words: words.slice(0, p), hard: false });
      break;
    }
  }
  // 4. A plain cut at the word limit.
  candidates.push({ words: words.slice(0, MAX_HEADLINE_WORDS), hard: true });
  let fallback: string[] = [];
  for (const candidate of candidates) {
    let kept = candidate.words;
    while (kept.length > 1 && countHeadlineWords(kept.join(" ")) > MAX_HEADLINE_WORDS) kept = kept.slice(0, -1);
    const finished = finishCut(kept, lang, candidate.hard);
    if (finished.length >= MIN_CLAUSE_WORDS) return finished.join(" ");
    if (finished.length > fallback.length) fallback = finished;
  }
  return fallback.join(" ");
}

/**
 * An on-screen headline of at most eight words made from a sentence: the leading clause, cut
 * at a word boundary, never ending on a stopword, a comma or a dangling quote.
 */
export function makeHeadline(sentence: string, lang: string): string {
  const question = /\?["'”’»)]*$/u.test(sentence);
  let text = tidyHeadline(dropDateline(sentence.replace(/\s+/gu, " ").trim().split(" ")).join(" "));
  const withoutConnective = text.replace(LEAD_CONNECTIVE, "");
  if (withoutConnective.length > 0) text = withoutConnective;
  const cjk = [...text].filter(isCjk).length > text.length / 3;
  const cut = cjk ? cjkHeadline(text) : spacedHeadline(text, lang);
  let headline = tidyHeadline(cut);
  if (!cjk && countHeadlineWords(headline) > 1) headline = trimTail(headline.split(" "), lang).join(" ");
  if (question && headline === tidyHeadline(text)) headline += "?";
  return capitalise(headline || tidyHeadline(sentence) || sentence.trim());
}
