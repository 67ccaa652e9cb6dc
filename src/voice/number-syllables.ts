/**
 * How many syllables a number takes to say, in English ("2024" → "twenty twenty-four" → 4).
 * Other languages differ in detail but not in scale, which is all a duration weight needs.
 */
const UNITS = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1]; // zero one two … nine
const TEENS = [1, 3, 1, 2, 2, 2, 2, 3, 2, 2]; // ten eleven twelve … nineteen
const TENS = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2]; // twenty … ninety
const SCALES: readonly [number, number][] = [
  [1e12, 2], // trillion
  [1e9, 2], // billion
  [1e6, 2], // million
  [1e3, 2], // thousand
];
const HUNDRED = 2;
const POINT = 1;
/** Symbols read as words: "%" → "percent". */
const SYMBOL_SYLLABLES: Readonly<Record<string, number>> = { "%": 2, $: 2, "€": 2, "£": 2, "¥": 1, "°": 2, "+": 1, "&": 1, "#": 2, "@": 1, "×": 1, "=": 3 };

export function integerSyllables(n: number): number {
  if (!Number.isFinite(n) || n < 0) return 1;
  n = Math.floor(n);
  if (n < 10) return UNITS[n]!;
  if (n < 20) return TEENS[n - 10]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? UNITS[n % 10]! : 0);
  if (n < 1000) return UNITS[Math.floor(n / 100)]! + HUNDRED + (n % 100 ? integerSyllables(n % 100) : 0);
  for (const [scale, syllables] of SCALES) {
    if (n >= scale) {
      const rest = n % scale;
      return integerSyllables(Math.floor(n / scale)) + syllables + (rest ? integerSyllables(rest) : 0);
    }
  }
  return 1;
}

/** Years are said in pairs: 1984 → "nineteen eighty-four", 2024 → "twenty twenty-four"; 2000–2009 as a number. */
function yearSyllables(n: number): number {
  const high = Math.floor(n / 100);
  const low = n % 100;
  if (low === 0) return integerSyllables(high) + HUNDRED;
  return integerSyllables(high) + (low < 10 ? 1 + UNITS[low]! : integerSyllables(low)); // "oh five"
}

/**
 * Syllables of a run of digits as written, with its separators: "1,000", "3.50", "2024".
 * Decimals are read digit by digit after "point"; grouping commas and spaces are skipped.
 */
export function digitsSyllables(token: string): number {
  const match = /^(\d[\d,\u00a0\u202f']*)(?:[.,](\d+))?$/u.exec(token);
  if (!match) return [...token].filter((ch) => /\d/u.test(ch)).length || 1;
  const whole = match[1]!.replace(/[^\d]/gu, "");
  // Long digit strings (phone numbers, IDs) are read digit by digit.
  const wholeSyllables =
    whole.length > 15 || (whole.length > 1 && whole.startsWith("0"))
      ? [...whole].reduce((sum, d) => sum + UNITS[Number(d)]!, 0)
      : whole.length === 4 && !/[,']/u.test(match[1]!) && Number(whole) >= 1100 && Number(whole) < 2100 && !(Number(whole) >= 2000 && Number(whole) < 2010)
        ? yearSyllables(Number(whole))
        : integerSyllables(Number(whole));
  const fraction = match[2] ? POINT + [...match[2]].reduce((sum, d) => sum + UNITS[Number(d)]!, 0) : 0;
  return wholeSyllables + fraction;
}

export function symbolSyllables(symbol: string): number {
  return SYMBOL_SYLLABLES[symbol] ?? 0;
}
