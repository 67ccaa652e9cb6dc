import { stripDateTimes } from "./strip-date-times.js";

// Credit wording and joiners that separate the names in a byline such as
// "Written by Rob Ewaschuk Edited by Betsy Beyer" or "Martin Untersinger (avec Damien Leloup et Morgane Tual)".
const CREDIT_WORDS = "posted|written|edited|reported|reporting|words|pictures|photos?|photography|text|illustrations?|compiled|produced";
const JOINERS = "and|with|avec|et|und|y|e";
// Letter-aware edges: \b only knows ASCII, so it would split "José" after "Jos".
const SEPARATORS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:${CREDIT_WORDS})\s+)*by(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:${JOINERS})(?![\p{L}\p{N}])|[,;|·•/()&]|\s[-–—]\s`,
  "giu",
);
/** A part shorter than this ("i" from "Mac & i") is no name to look for. */
const MIN_NAME_LETTERS = 2;

/** The names in a byline, to recognise a paragraph that only repeats it: "By Jo Ng and Al Li, March 3" → ["Jo Ng", "Al Li"]. */
export function bylineNames(byline: string | null): string[] {
  if (!byline) return [];
  const names = stripDateTimes(byline)
    .text.split(SEPARATORS)
    .map((part) => part.replace(/\s+/g, " ").trim())
    .filter((part) => (part.match(/\p{L}/gu)?.length ?? 0) >= MIN_NAME_LETTERS);
  return [...new Set(names)];
}
