import type { Chart } from "../../schema/storyboard.js";
import { findQuantities, PART_OF, type Quantity } from "./find-quantities.js";
import { labelTokens, type LabelToken } from "./label-tokens.js";
import { beforeAfterLabels, isNamePreposition, isStopword, wholeLabel } from "./label-words.js";

/** A chart with more bars than this is unreadable in a few seconds of video. */
export const MAX_BARS = 8;
/** Words kept in a bar's name. */
const MAX_LABEL_WORDS = 3;
const MAX_PREDICATE_WORDS = 4;

const AMOUNTS = new Set(["percent", "currency", "measure", "count"]);
/** Where one clause of a comparison ends and the next begins: "…, France 45% and Spain 38%". */
const CLAUSE_BREAK =
  /[;!?]+[\s\u00a0]|[.…]+[\s\u00a0]|,[\s\u00a0]|[\s\u00a0](?:and|but|while|whereas|compared with|compared to|versus|vs\.?|und|aber|während|gegenüber|sowie|et|mais|alors que|tandis que|contre|y|pero|mientras)[\s\u00a0]/giu;
const SENTENCE_BREAK = /[.!?…]+[\s\u00a0]+/gu;
const FROM_BEFORE = /(?:^|[^\p{L}])(?:from|von|de|du|desde|da)[\s\u00a0]+$/iu;
const TO_BETWEEN = /^[\s\u00a0]*(?:(?:in|im|en)[\s\u00a0]+\d{4}[\s\u00a0,]*)?(?:to|auf|zu|bis|à|a|au|hasta)[\s\u00a0]+$/iu;
const ONLY_SPACE = /^[\s\u00a0\u202f]*$/u;

interface Span {
  start: number;
  end: number;
}

interface Context {
  text: string;
  lang: string;
  tokens: LabelToken[];
  years: Quantity[];
  clauses: Span[];
  sentences: Span[];
}

/**
 * A bar chart of the numbers a narration compares, or null. Two or more amounts of the same kind
 * (percentages, one currency, one unit, or counts of one thing) become bars, named from the words
 * around each: a year ("12% in 2019 and 30% in 2023"), a name after "in"/"for" ("45% in Germany"),
 * the name before the number ("Germany 67%, France 45%") or after it ("12 km of bike lanes"),
 * and "Before"/"After" for "from 12 to 30". "3 of 10 residents cycle" gives the whole and the part.
 * Null when the numbers are not comparable (a date and a price), there is only one, or the
 * bars cannot all be named.
 */
export function findChart(narration: string, lang: string): Chart | null {
  const primary = (lang.toLowerCase().split(/[-_]/u)[0] || "en").trim();
  const quantities = findQuantities(narration, lang);
  const amounts = quantities.filter((q) => AMOUNTS.has(q.kind) && Number.isFinite(q.value));
  if (amounts.length < 2) return null;
  const context: Context = {
    text: narration,
    lang: primary,
    tokens: labelTokens(narration, primary),
    years: quantities.filter((q) => q.kind === "year"),
    clauses: spansBetween(narration, CLAUSE_BREAK, quantities),
    sentences: spansBetween(narration, SENTENCE_BREAK, quantities),
  };

  const partOf = findPartOf(narration, amounts);
  const inPart = new Set(partOf ? [partOf.part, partOf.whole] : []);
  const groups = new Map<string, Quantity[]>();
  for (const amount of amounts) {
    if (inPart.has(amount)) continue;
    groups.set(amount.key, [...(groups.get(amount.key) ?? []), amount]);
  }
  const ranked = [...groups.values()].filter((group) => group.length >= 2).sort((a, b) => b.length - a.length || a[0]!.start - b[0]!.start);
  for (const group of ranked) {
    const members = group.slice(0, MAX_BARS);
    // The same number said twice ("HTTP 500 error… a 500 error") compares nothing.
    if (members.every((member) => member.value === members[0]!.value)) continue;
    const labels = nameBars(members, context);
    if (labels) return { bars: members.map((member, i) => ({ label: labels[i]!, value: tidy(member.value) })), unit: unitOf(members) };
  }
  return partOf ? partChart(partOf, context) : null;
}

/** Drops float noise from scaling ("1.2 billion" is 1200000000, not 1199999999.9999998). */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** A spelled unit is printed as the plural the text uses ("12 days", not "1 day"). */
function unitOf(members: readonly Quantity[]): string {
  return (members.find((member) => Math.abs(member.value) !== 1) ?? members[0]!).unit;
}

/** The text cut at every break that is not inside a mention ("3 Mio. Euro" is one). */
function spansBetween(text: string, pattern: RegExp, quantities: readonly Quantity[]): Span[] {
  const breaks = [...text.matchAll(pattern)]
    .map((m) => ({ start: m.index, end: m.index + m[0].length }))
    .filter((b) => !quantities.some((q) => b.start >= q.start && b.start < q.end));
  const spans: Span[] = [];
  let start = 0;
  for (const b of breaks) {
    spans.push({ start, end: b.start });
    start = b.end;
  }
  spans.push({ start, end: text.length });
  return spans;
}

function sentenceAt(context: Context, at: number): Span {
  return context.sentences.find((sentence) => at >= sentence.start && at <= sentence.end) ?? { start: 0, end: context.text.length };
}

function clauseAt(context: Context, at: number): Span {
  return context.clauses.find((clause) => at >= clause.start && at <= clause.end) ?? { start: 0, end: context.text.length };
}

/**
 * The first strategy that names every bar, each differently. Numbers that say nothing of what they
 * count ("Finland 2. Norway 3.", "[16]", "version 5.3") are charted only against years or as
 * "from … to …": named by nearby words, they are far more often ranks, references or versions.
 */
function nameBars(members: readonly Quantity[], context: Context): string[] | null {
  const bare = members[0]!.key === "count:";
  const attempts: Array<() => string[] | null> = [
    () => yearLabels(members, context, "before"),
    () => yearLabels(members, context, "after"),
    () => (members.length === 2 && isFromTo(context.text, members[0]!, members[1]!) ? [...beforeAfterLabels(context.lang)] : null),
    () => (bare ? null : prepositionLabels(members, context)),
    () => (bare ? null : wordLabels(members, context, "before", false)),
    () => (bare ? null : wordLabels(members, context, "after", false)),
    () => (bare ? null : wordLabels(members, context, "before", true)),
    () => (bare ? null : wordLabels(members, context, "after", true)),
  ];
  for (const attempt of attempts) {
    const labels = attempt();
    if (labels && distinct(labels)) return labels.map((label) => display(label, context.lang));
  }
  return null;
}

function distinct(labels: readonly string[]): boolean {
  if (labels.some((label) => label.trim() === "")) return false;
  return new Set(labels.map((label) => label.toLowerCase())).size === labels.length;
}

function display(label: string, lang: string): string {
  const trimmed = label.replace(/['’]s$/u, "").trim();
  return trimmed.charAt(0).toLocaleUpperCase(lang) + trimmed.slice(1);
}

/** Years in a member's sentence, between it and its neighbours: the one just before each member, or just after. */
function yearLabels(members: readonly Quantity[], context: Context, side: "before" | "after"): string[] | null {
  const labels: string[] = [];
  for (const [i, member] of members.entries()) {
    const sentence = sentenceAt(context, member.start);
    const from = side === "before" ? Math.max(sentence.start, members[i - 1]?.end ?? 0) : member.end;
    const to = side === "before" ? member.start : Math.min(sentence.end, members[i + 1]?.start ?? context.text.length);
    const years = context.years.filter((year) => year.start >= from && year.end <= to);
    const year = side === "before" ? years.at(-1) : years[0];
    if (!year) return null;
    labels.push(year.raw);
  }
  return labels;
}

function isFromTo(text: string, first: Quantity, second: Quantity): boolean {
  return FROM_BEFORE.test(text.slice(Math.max(0, first.start - 12), first.start)) && TO_BETWEEN.test(text.slice(first.end, second.start));
}

/** Where a member's name may be: its clause, between its neighbours, on one side of the number. */
function region(members: readonly Quantity[], i: number, context: Context, side: "before" | "after"): Span {
  const member = members[i]!;
  const clause = clauseAt(context, member.start);
  if (side === "before") return { start: Math.max(clause.start, members[i - 1]?.end ?? 0), end: member.start };
  const after = member.noun?.end ?? member.end;
  return { start: after, end: Math.min(clause.end, members[i + 1]?.start ?? context.text.length) };
}

function tokensIn(context: Context, span: Span): LabelToken[] {
  return context.tokens.filter((token) => token.start >= span.start && token.end <= span.end);
}

/** Runs of naming words with nothing but spaces between them. */
function runs(text: string, tokens: readonly LabelToken[], keep: (token: LabelToken) => boolean): LabelToken[][] {
  const found: LabelToken[][] = [];
  let run: LabelToken[] = [];
  for (const token of tokens) {
    const joined = run.length > 0 && ONLY_SPACE.test(text.slice(run.at(-1)!.end, token.start));
    if (keep(token) && (run.length === 0 || joined)) {
      run.push(token);
      continue;
    }
    if (run.length > 0) found.push(run);
    run = keep(token) ? [token] : [];
  }
  if (run.length > 0) found.push(run);
  return found;
}

function spanText(text: string, run: readonly LabelToken[]): string {
  return text.slice(run[0]!.start, run.at(-1)!.end);
}

/** "45% in Germany and 30% in France": the name after a preposition that follows the number. */
function prepositionLabels(members: readonly Quantity[], context: Context): string[] | null {
  const labels: string[] = [];
  for (const i of members.keys()) {
    const tokens = tokensIn(context, region(members, i, context, "after"));
    if (!tokens[0] || !isNamePreposition(tokens[0].text)) return null;
    const first = runs(context.text, tokens.slice(1), (token) => token.content)[0];
    if (!first) return null;
    labels.push(spanText(context.text, first.slice(0, MAX_LABEL_WORDS)));
  }
  return labels;
}

/**
 * The run of naming words nearest each number, on one side. With `unshared`, words found near
 * every member ("rate" in "the rate in Berlin is 12%, the rate in Munich 9%") are left out.
 */
function wordLabels(members: readonly Quantity[], context: Context, side: "before" | "after", unshared: boolean): string[] | null {
  const regions = members.map((_, i) => tokensIn(context, region(members, i, context, side)));
  const shared = new Set<string>();
  if (unshared) {
    const sets = regions.map((tokens) => new Set(tokens.map((token) => token.text.toLowerCase())));
    for (const word of sets[0] ?? []) if (sets.every((set) => set.has(word))) shared.add(word);
  }
  const labels: string[] = [];
  for (const tokens of regions) {
    const found = runs(context.text, tokens, (token) => token.content && !shared.has(token.text.toLowerCase()));
    const nearest = side === "before" ? found.at(-1)?.slice(-MAX_LABEL_WORDS) : found[0]?.slice(0, MAX_LABEL_WORDS);
    if (!nearest) return null;
    labels.push(spanText(context.text, nearest));
  }
  return labels;
}

interface PartOf {
  part: Quantity;
  whole: Quantity;
}

/** "3 of 10 residents", "3 in 10 adults", "3 von 10 Befragten", "3 sur 10 habitants". */
function findPartOf(text: string, amounts: readonly Quantity[]): PartOf | null {
  for (const [i, part] of amounts.entries()) {
    const whole = amounts[i + 1];
    if (!whole || part.kind !== "count" || whole.kind !== "count") continue;
    if (!Number.isInteger(part.value) || !Number.isInteger(whole.value) || part.value > whole.value) continue;
    if (PART_OF.test(text.slice(part.end, whole.start))) return { part, whole };
  }
  return null;
}

/** The whole first, named by its noun, then the part, named by what the text says of it. */
function partChart({ part, whole }: PartOf, context: Context): Chart | null {
  const after = whole.noun?.end ?? whole.end;
  const clause = clauseAt(context, after);
  const tokens = tokensIn(context, { start: after, end: clause.end });
  const predicate = runs(context.text, tokens, () => true)[0]?.slice(0, MAX_PREDICATE_WORDS) ?? [];
  while (predicate.length > 0 && isStopword(predicate.at(-1)!.text)) predicate.pop();
  while (predicate.length > 0 && isStopword(predicate[0]!.text)) predicate.shift();
  if (predicate.length === 0) return null;
  const wholeName = whole.noun ? whole.noun.text : wholeLabel(context.lang);
  return {
    bars: [
      { label: display(wholeName, context.lang), value: whole.value },
      { label: display(spanText(context.text, predicate), context.lang), value: part.value },
    ],
    unit: "",
  };
}
