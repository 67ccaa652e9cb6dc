/** A digit run with inner separators ("1,000", "3.5", "12 000", "1'000"), an optional % after it. */
const NUMBER = /\d(?:[\d.,'\u00a0\u202f ]*\d)?/gu;

/**
 * Normalises a written number so that "1,000", "1.000" and "1 000" compare equal, and "3.5"
 * equals "3,5". With both "," and "." the last one is the decimal mark; a lone mark followed by
 * exactly three digits (once or repeatedly) is a thousands separator, else a decimal mark.
 */
export function normalizeNumber(raw: string): string {
  const compact = raw.replace(/['\u00a0\u202f ]/gu, "");
  const marks: string[] = compact.match(/[.,]/gu) ?? [];
  let digits: string;
  if (marks.length === 0) digits = compact;
  else if (marks.includes(",") && marks.includes(".")) {
    const decimal = compact.lastIndexOf(",") > compact.lastIndexOf(".") ? "," : ".";
    const [whole, fraction] = splitLast(compact, decimal);
    digits = `${whole.replace(/[.,]/gu, "")}.${fraction}`;
  } else {
    const mark = marks[0]!;
    const groups = compact.split(mark);
    const thousands = groups.slice(1).every((group) => group.length === 3) && (groups.length > 2 || groups[0]!.length <= 3);
    digits = thousands ? groups.join("") : groups.length === 2 ? `${groups[0]}.${groups[1]}` : groups.join("");
  }
  if (digits.includes(".")) digits = digits.replace(/0+$/u, "").replace(/\.$/u, "");
  return digits.replace(/^0+(?=\d)/u, "");
}

function splitLast(text: string, mark: string): [string, string] {
  const at = text.lastIndexOf(mark);
  return [text.slice(0, at), text.slice(at + 1)];
}

/** Every number written in the text, as written (surrounding spaces trimmed). */
export function findNumbers(text: string): string[] {
  return [...text.matchAll(NUMBER)].map((match) => match[0].trim());
}

/**
 * The set of normalised numbers in a text. A run like "2019 2020" is also split at spaces, because
 * a space between two numbers is more often a word gap than a thousands separator.
 */
export function numberSet(text: string): Set<string> {
  const set = new Set<string>();
  for (const raw of findNumbers(text)) {
    set.add(normalizeNumber(raw));
    for (const part of raw.split(/[\u00a0\u202f ]+/u)) set.add(normalizeNumber(part));
  }
  return set;
}

/** Whether a number from a narration is one the article has, whole or as space-separated numbers. */
export function isKnownNumber(raw: string, known: ReadonlySet<string>): boolean {
  if (known.has(normalizeNumber(raw))) return true;
  const parts = raw.split(/[\u00a0\u202f ]+/u);
  return parts.length > 1 && parts.every((part) => known.has(normalizeNumber(part)));
}
