import { bylineNames } from "./byline-names.js";
import { countWords } from "./count-words.js";
import { stripDateTimes } from "./strip-date-times.js";

/** Longer than this and a paragraph is prose, whatever it mentions. */
export const MAX_BYLINE_WORDS = 25;
/** Words a byline line may hold besides names, dates and credit wording: a role such as "City Hall reporter". */
const MAX_OTHER_WORDS = 4;

// Regexes are built once here. Edges are letter-aware because \b only knows ASCII.
const CREDIT_LEAD = "posted|written|words|text|photos?|photographs?|pictures|photography|images?|illustrations?|graphics|video|reporting|reported|story|edited|compiled|interview|produced";
/** "by" opening the text or one of its segments, after optional credit wording: "By …", "Words and pictures by …". */
const CREDIT = new RegExp(String.raw`(^|[·|•—–,;:(]|\s-\s)\s*((?:(?:${CREDIT_LEAD})\s+(?:(?:and|&)\s+)?)*)by\s+`, "giu");
/** One token of the name list after "by": a separator or a word. */
const NAME_TOKEN = /\s*(?:(,|&|and(?![\p{L}\p{N}]))|([\p{L}\p{M}][\p{L}\p{M}\p{N}'’.-]*))/uy;
const NAME_PARTICLES = new Set(["de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "di", "du", "dos", "das", "bin", "al", "el", "ter", "ten"]);
/** Words that end a lower-case name list ("Posted by kovarex on …"). */
const NAME_STOPS = new Set(["on", "at", "in", "for", "the", "a", "an", "of", "to", "from", "with", "is", "was", "all", "this", "that", "and"]);
/** Capitalised, but "By Tuesday, …" and "By March, …" open sentences, not credits. */
const CALENDAR_WORDS = new Set([
  ...["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
  ...["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "yesterday", "then", "now"],
]);
const READING_TIME = /(?<![\p{L}\p{N}])\d+\s*-?\s*min(?:ute)?s?\.?\s+read(?![\p{L}\p{N}])/giu;
/** Credit and dateline wording that a byline line may hold in any amount. */
const FILLER = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:by|and|on|at|published|updated|posted|modified|edited|last|first|originally|written|words|text|photos?|pictures|photography|reporting|story|read)(?![\p{L}\p{N}])`,
  "giu",
);

/**
 * True for a short paragraph that only restates who wrote the article and when: "By Maya
 * Castellanos, City Hall reporter · February 19, 2025", "Words and pictures by Elin Marsh",
 * "Published March 3, 2024", "Updated 10:42 AM". Such a line is metadata, not something to
 * narrate. A sentence that merely names the author keeps too many other words to match.
 */
export function isBylineBlock(text: string, byline: string | null): boolean {
  if (countWords(text) > MAX_BYLINE_WORDS) return false;
  const dates = stripDateTimes(text.replace(/\s+/g, " "));
  let rest = dates.text.replace(READING_TIME, " ");
  let fullName = false;
  let partName = false;
  for (const name of bylineNames(byline)) {
    const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(name).replace(/ /g, String.raw`\s+`)}(?![\p{L}\p{N}])`, "giu");
    const stripped = rest.replace(pattern, " ");
    if (stripped === rest) continue;
    rest = stripped;
    if (name.includes(" ")) fullName = true;
    else partName = true;
  }
  const credit = stripCredits(rest);
  const otherWords = countWords(credit.text.replace(FILLER, " "));
  const dated = dates.found > 0;
  // One word of name (a first name, a pen name) could be anything; it needs a date beside it.
  const named = fullName || credit.nameWords >= 2 || ((partName || credit.nameWords === 1) && dated);
  if (named) return otherWords <= MAX_OTHER_WORDS;
  return dated && otherWords === 0;
}

/** Removes each "by <names>" credit, counting the name words it held. */
function stripCredits(text: string): { text: string; nameWords: number } {
  let kept = "";
  let from = 0;
  let nameWords = 0;
  CREDIT.lastIndex = 0;
  for (let match = CREDIT.exec(text); match; match = CREDIT.exec(text)) {
    const explicit = (match[2] ?? "").trim() !== "";
    const run = nameRun(text, CREDIT.lastIndex, explicit);
    if (!run.words) continue;
    kept += `${text.slice(from, match.index + (match[1] ?? "").length)} `;
    from = run.end;
    nameWords += run.words;
    CREDIT.lastIndex = run.end;
  }
  return { text: kept + text.slice(from), nameWords };
}

/**
 * The names after "by": capitalised words (and particles such as "van"), separated by commas,
 * "and" or "&". After explicit wording ("Posted by") lower-case handles count too.
 */
function nameRun(text: string, start: number, explicit: boolean): { end: number; words: number } {
  let end = start;
  let words = 0;
  NAME_TOKEN.lastIndex = start;
  for (let token = NAME_TOKEN.exec(text); token; token = NAME_TOKEN.exec(text)) {
    const word = token[2];
    if (!word) {
      if (!words) break;
      continue;
    }
    const lower = word.toLowerCase();
    const nameLike = /^\p{Lu}/u.test(word) || NAME_PARTICLES.has(lower) || (explicit && !NAME_STOPS.has(lower));
    if (!nameLike || CALENDAR_WORDS.has(lower)) break;
    words++;
    end = NAME_TOKEN.lastIndex;
  }
  return { end, words };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
}
