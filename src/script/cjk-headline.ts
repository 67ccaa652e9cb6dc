import { countHeadlineWords } from "../schema/script.js";
import { MAX_HEADLINE_WORDS, TRAILING_PUNCT } from "./tidy-headline.js";

/** Chinese and Japanese function characters a headline should not end on. */
const CJK_TRAILING = /[的了和与與及在是把被从從对對向给給也都就而并並或のはがをにでともやへかねよ]+$/u;
const CJK_CLAUSE_BREAK = /[，、；：,;:]/u;
/** In Chinese pages a space often stands where a comma would. */
const CJK_SPACE_BREAK = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])\s+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/u;
/** Characters after which a Chinese or Japanese text may be cut: function characters, punctuation, spaces. */
const CJK_BREAK_AFTER = /[的了是在和与與及也都就而并並或把被于於之着著过過、，。！？：；」』）)\]\s]/u;
/** A cut closer to the start than this share of the limit says too little; a hard cut is better. */
const MIN_CUT_SHARE = 0.5;

type ScriptClass = "latin" | "han" | "katakana" | "hiragana" | "other";

function scriptClass(ch: string): ScriptClass {
  if (/[\p{Script=Latin}\p{N}]/u.test(ch)) return "latin";
  if (/[\p{Script=Han}々]/u.test(ch)) return "han";
  if (/[\p{Script=Katakana}ー]/u.test(ch)) return "katakana";
  if (/\p{Script=Hiragana}/u.test(ch)) return "hiragana";
  return "other";
}

/**
 * Whether a cut between two characters falls between words: after a function character or
 * punctuation, or where the script changes ("DeepMind|开发", "イヌが|橋"), except into hiragana,
 * which is mostly a word's own ending ("渡|って").
 */
function isCjkBoundary(before: string, after: string): boolean {
  if (CJK_BREAK_AFTER.test(before)) return true;
  const left = scriptClass(before);
  const right = scriptClass(after);
  if (left === right) return false;
  return right !== "hiragana" || left === "latin" || left === "other";
}

function trimCjkTail(text: string): string {
  const trimmed = text.replace(TRAILING_PUNCT, "").replace(CJK_TRAILING, "").replace(TRAILING_PUNCT, "");
  return [...trimmed].length >= 2 ? trimmed : text.replace(TRAILING_PUNCT, "");
}

/** A Chinese or Japanese headline: the first clause, else a cut between two words within the limit. */
export function cjkHeadline(text: string): string {
  if (countHeadlineWords(text) <= MAX_HEADLINE_WORDS) return text;
  const clause = text.split(CJK_CLAUSE_BREAK)[0]?.split(CJK_SPACE_BREAK)[0]?.trim() ?? "";
  if ([...clause].length >= 4 && countHeadlineWords(clause) <= MAX_HEADLINE_WORDS) return trimCjkTail(clause);
  const chars = [...text];
  let end = 0;
  while (end < chars.length && countHeadlineWords(chars.slice(0, end + 1).join("")) <= MAX_HEADLINE_WORDS) end += 1;
  // Back off to the last place between two words, unless that leaves too little.
  for (let cut = end; end < chars.length && cut >= Math.ceil(end * MIN_CUT_SHARE); cut -= 1) {
    if (isCjkBoundary(chars[cut - 1]!, chars[cut]!)) {
      end = cut;
      break;
    }
  }
  return trimCjkTail(chars.slice(0, end).join(""));
}
