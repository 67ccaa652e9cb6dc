import { endsWithAbbreviation } from "../script/ends-with-abbreviation.js";
import { isCjk } from "../text/text-units.js";

/**
 * How good a place the gap between two caption units is for a page or line break, best first:
 * after a sentence, after clause punctuation, before a conjunction or preposition, anywhere
 * else, and (worst) right after an article, preposition or number that belongs to what follows.
 */
export type BreakKind = "sentence" | "clause" | "phrase" | "plain" | "bad";

const SENTENCE_END = /[.!?\u2026\u3002\uff01\uff1f\u203c\u2047-\u2049]["'\u201d\u2019\u300d\u300f\uff09)\]»]*$/u;
const CLAUSE_END = /[,;:\u060c\u3001\uff0c\uff1b\uff1a\u2013\u2014]["'\u201d\u2019\u300d\u300f\uff09)\]»]*$/u;
const DASH = /^[\u2013\u2014-]+$/u;
const NUMBER = /^[-+]?\d[\d.,]*$/u;

/** Words that open a phrase, so a line may break before them; by primary language. */
const CONNECTORS: Record<string, readonly string[]> = {
  en: ["and", "but", "or", "nor", "so", "yet", "because", "while", "when", "which", "who", "whose", "where", "that", "although", "though", "if", "unless", "until", "since", "after", "before", "as", "than", "of", "in", "on", "at", "to", "for", "with", "from", "by", "about", "into", "through", "over", "under", "between", "without", "within", "during", "across", "against", "towards", "toward", "around", "like"],
  de: ["und", "oder", "aber", "denn", "sondern", "weil", "dass", "wenn", "als", "ob", "obwohl", "während", "damit", "mit", "von", "zu", "für", "auf", "in", "an", "bei", "nach", "aus", "über", "unter", "durch", "ohne", "gegen", "um", "vor", "seit", "bis", "wie", "die", "der", "das"],
  fr: ["et", "ou", "mais", "donc", "car", "que", "qui", "dont", "où", "parce", "quand", "lorsque", "avec", "pour", "dans", "sur", "sous", "par", "sans", "de", "du", "des", "à", "au", "aux", "en", "entre", "vers", "chez", "depuis", "pendant", "comme"],
  es: ["y", "e", "o", "u", "pero", "sino", "porque", "que", "cuando", "donde", "como", "con", "para", "por", "en", "sin", "sobre", "entre", "de", "del", "a", "al", "desde", "hasta", "hacia", "durante"],
  it: ["e", "ed", "o", "ma", "perché", "che", "quando", "dove", "come", "con", "per", "in", "su", "tra", "fra", "di", "da", "a", "del", "della", "nel", "nella", "senza", "durante"],
  pt: ["e", "ou", "mas", "porque", "que", "quando", "onde", "como", "com", "para", "por", "em", "sem", "sobre", "entre", "de", "do", "da", "no", "na", "a", "ao", "desde", "até", "durante"],
  nl: ["en", "of", "maar", "want", "omdat", "dat", "die", "wanneer", "als", "met", "van", "voor", "in", "op", "aan", "bij", "naar", "uit", "over", "onder", "door", "zonder", "tegen", "om", "tot", "tijdens"],
};

/** Words that lean on what follows them: a line should not end on one. */
const LEANERS: Record<string, readonly string[]> = {
  en: ["the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "from", "by", "my", "your", "his", "her", "its", "our", "their", "this", "these", "those", "and", "or", "but", "mr.", "mrs.", "ms.", "dr."],
  de: ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "zu", "mit", "von", "für", "auf", "im", "am", "zum", "zur", "und", "oder"],
  fr: ["le", "la", "les", "l'", "un", "une", "des", "du", "de", "à", "au", "aux", "et", "ou", "en", "dans", "sur", "pour", "par", "avec"],
  es: ["el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "a", "al", "en", "con", "para", "por", "y", "o"],
  it: ["il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "di", "a", "da", "in", "con", "su", "per", "e", "o"],
  pt: ["o", "a", "os", "as", "um", "uma", "de", "do", "da", "em", "no", "na", "com", "para", "por", "e", "ou"],
  nl: ["de", "het", "een", "van", "in", "op", "met", "voor", "aan", "en", "of"],
};

const ALL_CONNECTORS = new Set(Object.values(CONNECTORS).flat());
const ALL_LEANERS = new Set(Object.values(LEANERS).flat());
const BY_LANG = {
  connectors: new Map(Object.entries(CONNECTORS).map(([lang, words]) => [lang, new Set(words)])),
  leaners: new Map(Object.entries(LEANERS).map(([lang, words]) => [lang, new Set(words)])),
};

function primary(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? "";
}

function bare(unit: string): string {
  return unit.toLowerCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, "");
}

/** Whether a sentence ends after `left` (an abbreviation such as "Dr." or "e.g." does not end one). */
export function endsSentence(left: string, right: string | undefined, lang: string): boolean {
  if (!SENTENCE_END.test(left)) return false;
  if (right === undefined || isCjk([...left].at(-2) ?? "") || /[\u3002\uff01\uff1f]/u.test(left)) return true;
  return !endsWithAbbreviation(left, right, lang);
}

/** What kind of break the gap between `left` and `right` is (see BreakKind). */
export function breakKind(left: string, right: string, lang: string): BreakKind {
  if (endsSentence(left, right, lang)) return "sentence";
  if (CLAUSE_END.test(left) || DASH.test(right)) return "clause";
  const code = primary(lang);
  const next = bare(right);
  const prev = left.toLowerCase();
  const leaners = BY_LANG.leaners.get(code) ?? ALL_LEANERS;
  if (leaners.has(prev) || leaners.has(bare(left))) return "bad";
  const connectors = BY_LANG.connectors.get(code) ?? ALL_CONNECTORS;
  if (connectors.has(next)) return "phrase";
  // A number and its unit ("12 km", "3 Uhr") read as one.
  if (NUMBER.test(left) && /^\p{L}{1,4}[\p{P}]*$/u.test(right)) return "bad";
  return "plain";
}
