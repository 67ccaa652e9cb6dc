import { isListedVerb, isMonth, isStopword } from "./label-words.js";
import { numberStyle, type NumberStyle } from "./number-style.js";
import { parseNumber } from "./parse-number.js";
import { matchCurrencyBefore, matchScale, matchUnitAfter } from "./unit-words.js";

/**
 * What a number in a text is: an amount that can be charted (percent, currency, measure, count),
 * a year (a label, not a value), or something else (a date, a time, an ordinal, part of a name).
 */
export type QuantityKind = "percent" | "currency" | "measure" | "count" | "year" | "other";

export interface Word {
  text: string;
  start: number;
  end: number;
}

export interface Quantity {
  /** The whole mention: sign, currency, digits, scale word and unit. */
  start: number;
  end: number;
  /** The digits as written ("1,200", "12 000"). */
  raw: string;
  /** With the scale word applied: "1.2 billion" is 1.2e9. */
  value: number;
  kind: QuantityKind;
  /** What a chart prints after (or, for currencies, before) the value; "" for counts. */
  unit: string;
  /** Equal keys mean comparable amounts: "percent", "currency:€", "measure:km", "count:home", "count:". */
  key: string;
  /** The word after a count that says what is counted ("homes"). */
  noun: Word | null;
  /** Factor of the scale word (1 when none), so "12 and 30 million" can share it. */
  scale: number;
  /** The unit was taken from a neighbour: "from 12 to 30 km", "12,000 riders in 2019 and 30,000 in 2023". */
  inherited: boolean;
}

/** Digit runs with thousands groups ("1,200", "1.200", "1'200", "1 200" with a no-break space) and a decimal part. */
const NUMBER = /(?<![\p{L}\p{N}_.,])(?:\d{1,3}(?:[,.'’\u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?(?!\p{N})/gu;
/** The same, where a plain space groups thousands too ("12 000" in French). */
const NUMBER_SPACED = /(?<![\p{L}\p{N}_.,])(?:\d{1,3}(?:[,.'’\u00a0\u202f ]\d{3})+|\d+)(?:[.,]\d+)?(?!\p{N})/gu;

/** Spans that are dates or clock times: their numbers are never amounts. */
const DATES_AND_TIMES = [
  /\b\d{4}-\d{1,2}-\d{1,2}\b/gu,
  /\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/gu,
  /\b\d{1,2}:\d{2}\b/gu,
  /\b\d{1,2}h\d{2}\b/gu,
  /\b\d{1,2}(?:[.:]\d{2})?[\s\u00a0]?(?:a\.m\.|p\.m\.|am|pm|uhr)(?![\p{L}])/giu,
];

const ORDINAL_SUFFIX = /^(?:st|nd|rd|th|er|re|e|ème|ᵉ|º|ª)(?![\p{L}])/u;
const DECADE_SUFFIX = /^['’]?s(?![\p{L}])/u;
const COMPOUND = /^[-‑‐]\p{L}/u;
const NEXT_WORD = /^[\s\u00a0\u202f]+(?:of\s+|de\s+|d['’])?([\p{L}\p{M}][\p{L}\p{M}'’-]*)/u;
const MONTH_AFTER = /^\.?[\s\u00a0]+(?:of\s+|de\s+)?(\p{L}+)/u;
const MONTH_BEFORE = /(\p{L}+)\.?[\s\u00a0]+(?:the\s+)?$/u;
const SIGN_BEFORE = /(?:^|[\s(])([-−])$/u;
/** Words before a 4-digit number that make it a year even when a noun follows ("in 2019 sales"). */
const YEAR_CONTEXT =
  /(?:^|[^\p{L}])(?:in|since|by|until|till|from|to|between|before|after|during|of|and|year|im|seit|bis|von|vor|nach|zwischen|jahr|jahre|und|en|depuis|jusqu['’]en|dès|de|à|entre|année|avant|après|et|desde|hasta|año|y)[\s\u00a0]+(?:the[\s\u00a0]+|dem[\s\u00a0]+|l['’]|el[\s\u00a0]+)?$/iu;
/** Between a bare number and the next amount: the bare one shares its unit ("12 to 30 km"). */
const JOINS_NEXT = /^[\s\u00a0]*(?:to|and|or|-|–|bis|und|oder|auf|zu|à|a|et|ou|y|o)[\s\u00a0]*$/iu;
/** Between the two numbers of "3 of 10", "3 in 10", "3 von 10", "3 sur 10": a part and its whole. */
export const PART_OF = /^[\s\u00a0]+(?:of|out of|in|von|aus|sur|de|sobre|su)[\s\u00a0]+(?:the[\s\u00a0]+|den[\s\u00a0]+|les[\s\u00a0]+)?$/iu;
/** Words that make the number after them an identifier: "page 20", "RFC 3987", "version 5.3". */
const REFERENCE_BEFORE =
  /(?:^|[^\p{L}])(?:page|pages|p\.|pp\.|seite|s\.|rfc|iso|chapter|kapitel|chapitre|section|fig\.?|figure|abb\.?|table|tabelle|version|v|vol\.?|issue|step|level|rev|ticket|episode|folge|season|staffel|room|platform|gleis|route|line|linie|ligne|bus|flight|article|artikel|art\.|paragraph|§)[\s\u00a0]*$/iu;
/**
 * What may sit right before a bare number that shares the unit of an earlier one: a list
 * separator, a conjunction, "to", or a year ("…in 2019 and 30,000 in 2023", "in 2023, 30,000").
 */
const LEADS_BACK = /(?:[,;:]|(?:^|[^\p{L}])(?:and|or|to|vs\.?|versus|und|oder|bis|auf|et|ou|à|y)|\d{4},?)[\s\u00a0]+$/iu;
/** End of a sentence: the unit of a bare number is looked for no further back than this. */
const SENTENCE_END = /[.!?…]+(?=[\s\u00a0]|$)/gu;

interface Span {
  start: number;
  end: number;
}

function spansOf(text: string, patterns: readonly RegExp[]): Span[] {
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length })));
}

function inside(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((span) => start >= span.start && end <= span.end);
}

/** Lower case, without a plural ending, so "home" and "homes" count the same thing. */
function countKey(noun: string): string {
  const lower = noun.toLowerCase().replace(/['’]s$/u, "");
  if (lower.length > 4 && /(?:ies)$/u.test(lower)) return `${lower.slice(0, -3)}y`;
  if (lower.length > 3 && /[^s]s$/u.test(lower)) return lower.slice(0, -1);
  return lower;
}

/**
 * Every number written in a text, classified and with its value. A bare number next to an amount
 * takes that amount's unit: "from 12 to 30 km" (the next one, across "to", "and", "bis"…), or
 * "12,000 riders in 2019 and 30,000 in 2023" (the one before it in the same sentence).
 */
export function findQuantities(text: string, lang: string): Quantity[] {
  const primary = lang.toLowerCase().split(/[-_]/u)[0] || "en";
  const style = numberStyle(lang);
  const masked = spansOf(text, DATES_AND_TIMES);
  const pattern = style.spaceGroups ? NUMBER_SPACED : NUMBER;
  const quantities: Quantity[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (inside(masked, start, end)) continue;
    quantities.push(classify(text, match[0], start, end, primary, style));
  }
  inheritUnits(text, quantities);
  return quantities;
}

function other(raw: string, start: number, end: number): Quantity {
  return { start, end, raw, value: Number.NaN, kind: "other", unit: "", key: "other", noun: null, scale: 1, inherited: false };
}

function classify(text: string, raw: string, start: number, end: number, lang: string, style: NumberStyle): Quantity {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 48);
  // Part of a name, code, path or reference: "COVID-19", "A380", "No. 5", "HTTP/1.1", "[16]", "rev 2:fe88".
  if (/[\p{L}][-‑]?$/u.test(before) || /(?:#|\bNo\.?\s?|\bNr\.?\s?|\bn°\s?|[/\\])$/iu.test(before)) return other(raw, start, end);
  if ((before.endsWith("[") && after.startsWith("]")) || /^[:/\\]\S/u.test(after) || /^\.\d/u.test(after)) return other(raw, start, end);
  if (ORDINAL_SUFFIX.test(after) || COMPOUND.test(after)) return other(raw, start, end);
  if (/^\d{4}$/u.test(raw) && DECADE_SUFFIX.test(after)) return other(raw, start, end);
  const monthAfter = MONTH_AFTER.exec(after);
  if (monthAfter && isMonth(monthAfter[1]!) && raw.length <= 2) return other(raw, start, end);
  const monthBefore = MONTH_BEFORE.exec(before);
  if (monthBefore && isMonth(monthBefore[1]!) && raw.length <= 2) return other(raw, start, end);

  const currency = matchCurrencyBefore(before);
  const sign = currency ? null : SIGN_BEFORE.exec(before);
  let value = parseNumber(raw, style) * (sign ? -1 : 1);
  let cursor = 0;
  const scale = matchScale(after, lang, { afterCurrency: currency !== null });
  if (scale) {
    value *= scale.factor;
    cursor += scale.length;
  }
  const mentionStart = start - (currency?.length ?? 0) - (sign ? 1 : 0);
  const base = { start: mentionStart, raw, value, noun: null, scale: scale?.factor ?? 1, inherited: false };
  if (currency) {
    // "$12 million dollars" is rare, but "US$ 12 USD" should not leave the code behind.
    const unitAfter = matchUnitAfter(after.slice(cursor));
    const extra = unitAfter?.kind === "currency" ? unitAfter.length : 0;
    return { ...base, end: end + cursor + extra, kind: "currency", unit: currency.unit, key: `currency:${currency.unit}` };
  }
  const unit = matchUnitAfter(after.slice(cursor));
  if (unit) return { ...base, end: end + cursor + unit.length, kind: unit.kind, unit: unit.unit, key: unit.key };
  // Digits run into a word that is no unit: "1Password", "50x", "3D".
  if (cursor === 0 && /^\p{L}/u.test(after)) return other(raw, start, end);
  // A number with no unit after "page", "RFC", "version"… names something; it counts nothing.
  if (!scale && REFERENCE_BEFORE.test(before)) return other(raw, start, end);

  const nextWord = NEXT_WORD.exec(after.slice(cursor));
  const nounText = nextWord && isNoun(nextWord[1]!, lang) ? nextWord[1]! : null;
  if (!scale && /^\d{4}$/u.test(raw) && value >= 1800 && value <= 2100 && (!nounText || YEAR_CONTEXT.test(before))) {
    return { ...base, end, kind: "year", unit: "", key: "year" };
  }
  if (!nounText) return { ...base, end: end + cursor, kind: "count", unit: "", key: "count:" };
  const nounStart = end + cursor + nextWord![0].length - nounText.length;
  return {
    ...base,
    end: end + cursor,
    kind: "count",
    unit: "",
    key: `count:${countKey(nounText)}`,
    noun: { text: nounText, start: nounStart, end: nounStart + nounText.length },
  };
}

/** Whether the word after a number can say what it counts; German nouns are capitalised. */
function isNoun(word: string, lang: string): boolean {
  if (isStopword(word) || isListedVerb(word) || isMonth(word)) return false;
  return lang !== "de" || /^\p{Lu}/u.test(word);
}

const AMOUNT_KINDS = new Set<QuantityKind>(["percent", "currency", "measure", "count"]);

/** A count with neither unit nor noun. */
function isBare(quantity: Quantity): boolean {
  return quantity.kind === "count" && quantity.key === "count:" && !quantity.inherited;
}

function inheritUnits(text: string, quantities: Quantity[]): void {
  const sentenceEnds = [...text.matchAll(SENTENCE_END)]
    .map((m) => m.index)
    // A scale word's abbreviation point ("3 Mio. Euro") does not end a sentence.
    .filter((at) => !quantities.some((q) => at >= q.start && at < q.end));
  const sentenceOf = (at: number) => sentenceEnds.filter((end) => end < at).length;
  const sources = quantities.map((q) => AMOUNT_KINDS.has(q.kind) && !isBare(q));
  quantities.forEach((quantity, i) => {
    if (!isBare(quantity)) return;
    const next = quantities[i + 1];
    // "3 of 10 residents": the 3 is a share of the 10, not a number of its own kind.
    if (next?.kind === "count" && PART_OF.test(text.slice(quantity.end, next.start))) return;
    const leadsBack = LEADS_BACK.test(text.slice(Math.max(0, quantity.start - 16), quantity.start));
    const source =
      next && sources[i + 1] && JOINS_NEXT.test(text.slice(quantity.end, next.start))
        ? next
        : leadsBack
          ? quantities
              .slice(0, i)
              .reverse()
              .find((earlier, k) => sources[i - 1 - k] && sentenceOf(earlier.start) === sentenceOf(quantity.start))
          : undefined;
    if (!source) return;
    // "12 and 30 million" and "12 million in 2019 and 30 in 2023": the bare one shares the scale.
    const factor = quantity.scale === 1 ? source.scale : 1;
    quantities[i] = { ...quantity, value: quantity.value * factor, scale: quantity.scale * factor, kind: source.kind, unit: source.unit, key: source.key, noun: null, inherited: true };
  });
}
