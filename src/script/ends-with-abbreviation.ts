import { primaryLanguage } from "./primary-language.js";

/**
 * Whether a sentence boundary found by ICU is a false one: the piece before it ends in an
 * abbreviation, an initial or an ordinal number. ICU's default sentence rules split after
 * every "Dr." or "z. B.", so these lists repair what it gets wrong for the languages we meet.
 */

/** Abbreviations that never end a sentence, lowercased and without their final dot. */
const ALWAYS: Record<string, readonly string[]> = {
  common: ["dr", "prof", "mr", "mrs", "ms", "mme", "mlle", "sr", "sra", "srta", "jr", "st", "vs", "dra", "ing", "mgr"],
  en: ["mt", "rev", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "hon", "pres", "supt", "messrs", "cf", "approx", "dept", "est"],
  es: ["d", "dña", "ud", "uds", "lic", "arq", "sto", "sta", "pág", "núm", "aprox", "ej"],
  pt: ["profa", "eng", "dª", "sto", "sta", "pág", "aprox", "ex"],
  fr: ["m", "mm", "mmes", "pr", "me", "ste", "env", "cf"],
  de: ["hr", "fr", "frl", "dipl", "bzw", "vgl", "ca", "evtl", "ggf", "inkl", "zzgl", "sog", "bspw", "geb", "gest"],
  it: ["sig", "sigg", "dott", "avv", "on", "ecc", "pag"],
  nl: ["dhr", "mevr", "ir", "drs", "bijv", "mw"],
  cs: ["např", "tzv", "tj", "resp", "mj", "doc", "pí", "sv", "čs", "bc", "phdr", "mudr", "judr", "rndr"],
};

/** Abbreviations that only hold on to what follows when a number comes next ("No. 5", "Fig. 3"). */
const BEFORE_NUMBER = new Set([
  "no", "nr", "nos", "fig", "figs", "p", "pp", "vol", "ch", "art", "sec", "op", "tel", "str", "čís", "č", "núm", "n",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);

/** Dotted lowercase abbreviations ("e.g.", "z.B.") that never end a sentence. */
const DOTTED = new Set(["e.g.", "i.e.", "z.b.", "d.h.", "u.a.", "v.a.", "o.ä.", "p.ex.", "p.e.", "c.-à-d.", "o.a.", "a.k.a.", "n.b.", "resp."]);

/** Languages that write ordinals as "3." ("am 3. Mai", "3. května"). */
const ORDINAL_DOT = new Set(["de", "cs", "sk", "pl", "da", "no", "nb", "nn", "fi", "hu", "sl", "hr", "sr", "bs", "et", "lv", "lt", "is", "tr"]);

/** Words after which a number with a dot is an ordinal, not the end of a sentence. */
const ORDINAL_LEAD = new Set([
  "am", "der", "die", "das", "den", "dem", "des", "zum", "zur", "vom", "im", "seit", "bis", "ab", "zu", "beim", "ihr", "ihre", "ihrem", "ihren", "sein", "seine", "seinem", "seinen",
  "v", "ve", "na", "od", "do", "po", "k", "ke", "za", "před", "při", "o",
]);

/**
 * English words that usually open a sentence: after "U.S." or an initial they mean the dot
 * did end the sentence ("He moved to the U.S. He liked it.").
 */
const EN_SENTENCE_STARTERS = new Set([
  "the", "an", "he", "she", "it", "they", "we", "you", "this", "that", "these", "those", "there", "but", "and",
  "so", "yet", "in", "on", "at", "his", "her", "its", "their", "our", "my", "what", "when", "where", "why", "how", "if",
  "as", "after", "before", "while", "however", "still", "then", "now", "one", "some", "many", "most",
]);

const LAST_TOKEN = /(\S+)\s*$/u;
const SINGLE_LETTER = /^[("'„“«]?\p{L}\.$/u;
const UPPER_DOTTED = /^(?:\p{Lu}\.){2,}$/u;
const NUMBER_DOT = /^\d{1,3}\.$/u;


/**
 * `piece` is the text up to an ICU sentence boundary, `next` the text after it. Returns true
 * when the boundary should be dropped.
 */
export function endsWithAbbreviation(piece: string, next: string, lang: string): boolean {
  const token = LAST_TOKEN.exec(piece)?.[1];
  if (!token || !token.endsWith(".")) return false;
  const nextTrimmed = next.trimStart();
  const nextChar = nextTrimmed[0] ?? "";
  // A sentence never starts in lowercase, so a lowercase continuation means the dot was not an end.
  if (/\p{Ll}/u.test(nextChar)) return true;
  const lower = token.toLowerCase().replace(/^[("'„“«]+/u, "");
  const bare = lower.slice(0, -1);
  const code = primaryLanguage(lang);
  if ((ALWAYS.common ?? []).includes(bare) || (ALWAYS[code] ?? []).includes(bare)) return true;
  if (DOTTED.has(lower)) return true;
  const initialOrAcronym = SINGLE_LETTER.test(token) || UPPER_DOTTED.test(token);
  if (initialOrAcronym) {
    const nextWord = (/^[\p{L}']+/u.exec(nextTrimmed)?.[0] ?? "").toLowerCase();
    return !(code === "en" && /\p{Lu}/u.test(token) && EN_SENTENCE_STARTERS.has(nextWord));
  }
  if (BEFORE_NUMBER.has(bare) && /^\d/u.test(nextChar)) return true;
  if (NUMBER_DOT.test(token) && ORDINAL_DOT.has(code)) {
    const words = piece.trimEnd().split(/\s+/u);
    const before = words[words.length - 2]?.toLowerCase() ?? "";
    if (ORDINAL_LEAD.has(before) || /^\d/u.test(nextChar)) return true;
  }
  return false;
}
