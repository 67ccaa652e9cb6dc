/**
 * The words around a number that say what it counts: a currency before it, a scale word after it
 * ("million", "Mrd."), a percent sign, a unit. English, German, French and Spanish forms.
 */

export type UnitKind = "percent" | "currency" | "measure";

export interface UnitMatch {
  /** Characters matched, leading space included. */
  length: number;
  kind: UnitKind;
  /** What a chart prints: "%", "$", "km", or the word as written for units like "days". */
  unit: string;
  /** Two numbers can be compared when their keys are equal. */
  key: string;
}

const GAP = "[\\s\\u00a0\\u202f]?";
const END = "(?![\\p{L}\\p{N}])";

const CURRENCY_SYMBOLS: Record<string, string> = {
  $: "$", US$: "$", "€": "€", "£": "£", "¥": "¥", "₹": "₹", "¢": "¢",
  USD: "$", EUR: "€", GBP: "£", JPY: "¥", INR: "₹", CHF: "CHF", CAD: "CAD", AUD: "AUD", CNY: "CNY",
};

/** Currency written before the number: "$12", "US$ 3", "€1,5", "CHF 20". */
const CURRENCY_BEFORE = /(?<![\p{L}])(US\$|\$|€|£|¥|₹|USD|EUR|GBP|CHF|JPY|INR|CAD|AUD|CNY)[\s\u00a0\u202f]?$/u;

const CURRENCY_WORDS: Array<[RegExp, string]> = [
  [/^(?:euros?|euro)$/iu, "€"],
  [/^(?:dollars?|us-dollars?)$/iu, "$"],
  [/^(?:pounds sterling|pfund sterling)$/iu, "£"],
  [/^(?:yen)$/iu, "¥"],
  [/^(?:rupees?)$/iu, "₹"],
  [/^(?:francs suisses|franken|swiss francs)$/iu, "CHF"],
  [/^(?:cents?)$/iu, "¢"],
];

/** Currency written after the number (and its scale word): "12 €", "3 Millionen Euro", "2 milliards de dollars". */
const CURRENCY_AFTER = new RegExp(
  `^${GAP}(?:(?:of|de|d['’])\\s?)?(US\\$|\\$|€|£|¥|₹|¢|USD|EUR|GBP|CHF|JPY|INR|CAD|AUD|CNY|pounds sterling|pfund sterling|francs suisses|swiss francs|euros?|US-Dollars?|dollars?|franken|yen|rupees?|cents?)${END}`,
  "iu",
);

const PERCENT = new RegExp(`^${GAP}(%|‰|per\\s?cent|percent|pour\\s?cent|prozent|por\\s?ciento|per\\s?cento|procent)${END}`, "iu");
const POINTS = new RegExp(`^${GAP}(percentage points?|prozentpunkte?n?|points de pourcentage|puntos porcentuales)${END}`, "iu");

/** Symbols are matched case-sensitively ("m" is metres, "M" is not); words are not. */
const SYMBOL_UNITS: Array<[string, string]> = [
  ["km/h", "km/h"], ["mph", "mph"], ["km²", "km²"], ["m²", "m²"], ["kWh", "kWh"], ["MWh", "MWh"], ["GWh", "GWh"], ["TWh", "TWh"],
  ["kW", "kW"], ["MW", "MW"], ["GW", "GW"], ["km", "km"], ["cm", "cm"], ["mm", "mm"], ["mi", "mi"], ["kg", "kg"], ["lbs", "lb"],
  ["lb", "lb"], ["ha", "ha"], ["ft", "ft"], ["GB", "GB"], ["TB", "TB"], ["MB", "MB"], ["°C", "°C"], ["°F", "°F"], ["°", "°"],
  ["min", "min"], ["m", "m"], ["g", "g"], ["t", "t"], ["l", "l"], ["L", "l"],
];

const WORD_UNITS: Array<[string, string]> = [
  ["square kilometres|square kilometers|quadratkilometern?|kilomètres carrés", "km²"],
  ["square metres|square meters|quadratmetern?|mètres carrés", "m²"],
  ["square feet", "sq ft"],
  ["degrees celsius|grad celsius|degrés celsius", "°C"],
  ["degrees fahrenheit", "°F"],
  ["kilometres|kilometers|kilometre|kilometer|kilometern|kilomètres|kilomètre|kilómetros", "km"],
  ["centimetres|centimeters|zentimetern?|centimètres", "cm"],
  ["millimetres|millimeters|millimetern?|millimètres", "mm"],
  ["metres|meters|metre|meter|metern|mètres|mètre|metros", "m"],
  ["miles|mile|meilen", "mi"],
  ["kilograms|kilogrammes|kilogram|kilogramm|kilos|kilo", "kg"],
  ["grams|grammes|gramm|gram|gramos", "g"],
  ["tonnes|tonnen|tonne|tons|ton|toneladas", "t"],
  ["litres|liters|litre|liter|litern|litros", "l"],
  ["hectares|hectare|hektar", "ha"],
  ["acres|acre", "acres"],
  ["feet|foot", "ft"],
  ["inches|inch", "in"],
  ["degrees|grad|degrés|grados", "°"],
  ["gigabytes", "GB"],
  ["terabytes", "TB"],
  ["hours|hour|hrs|stunden|stunde|heures|heure|horas", "hours"],
  ["minutes|minute|mins|minuten|minutos", "minutes"],
  ["seconds|second|secs|sekunden|secondes|segundos", "seconds"],
  ["days|day|tagen|tage|tag|jours|jour|días", "days"],
  ["weeks|week|wochen|woche|semaines|semaine|semanas", "weeks"],
  ["months|month|monaten|monate|monat|mois|meses", "months"],
  ["years|year|jahren|jahre|jahr|ans|années|année|años", "years"],
];

const SYMBOL_PATTERN = new RegExp(
  `^${GAP}(${SYMBOL_UNITS.map(([written]) => escape(written)).join("|")})(?![\\p{L}\\p{N}²])`,
  "u",
);
const WORD_PATTERN = new RegExp(`^${GAP}(${WORD_UNITS.map(([forms]) => forms).join("|")})${END}`, "iu");
const WORD_CANONICAL = WORD_UNITS.map(([forms, canonical]) => [new RegExp(`^(?:${forms})$`, "iu"), canonical] as const);
/** Units spelled as words are printed as written ("Tage", "days"); symbols as the symbol. */
const SPELLED = new Set(["hours", "minutes", "seconds", "days", "weeks", "months", "years", "acres"]);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, "\\$&");
}

/** The currency written right before a number, as the symbol a chart prints. */
export function matchCurrencyBefore(before: string): { length: number; unit: string } | null {
  const match = CURRENCY_BEFORE.exec(before);
  if (!match) return null;
  const unit = CURRENCY_SYMBOLS[match[1]!.toUpperCase()] ?? CURRENCY_SYMBOLS[match[1]!];
  if (!unit) return null;
  return { length: match[0].length, unit };
}

/** A currency, a percent or a unit written right after a number (and its scale word). */
export function matchUnitAfter(after: string): UnitMatch | null {
  const points = POINTS.exec(after);
  if (points) return { length: points[0].length, kind: "percent", unit: "pp", key: "pp" };
  const percent = PERCENT.exec(after);
  if (percent) return { length: percent[0].length, kind: "percent", unit: "%", key: "percent" };
  const currency = CURRENCY_AFTER.exec(after);
  if (currency) {
    const written = currency[1]!;
    const unit = CURRENCY_SYMBOLS[written] ?? CURRENCY_SYMBOLS[written.toUpperCase()] ?? CURRENCY_WORDS.find(([re]) => re.test(written))?.[1];
    if (unit) return { length: currency[0].length, kind: "currency", unit, key: `currency:${unit}` };
  }
  const symbol = SYMBOL_PATTERN.exec(after);
  if (symbol) {
    const canonical = SYMBOL_UNITS.find(([written]) => written === symbol[1])![1];
    return { length: symbol[0].length, kind: "measure", unit: canonical, key: `measure:${canonical}` };
  }
  const word = WORD_PATTERN.exec(after);
  if (word) {
    const written = word[1]!;
    const canonical = WORD_CANONICAL.find(([re]) => re.test(written))?.[1] ?? written.toLowerCase();
    return { length: word[0].length, kind: "measure", unit: SPELLED.has(canonical) ? written : canonical, key: `measure:${canonical}` };
  }
  return null;
}

/** "billion" is 10⁹ in English and 10¹² in German, French and Spanish ("Milliarde" is 10⁹). */
const LONG_SCALE = new Set(["de", "fr", "es", "it", "nl", "pt", "sv", "da", "nb", "no", "fi", "pl", "cs"]);

const SCALES: Array<[RegExp, number | ((long: boolean) => number)]> = [
  [/^(?:thousand|tausend|mille|mil)$/iu, 1e3],
  [/^(?:millions?|millionen|million|mio\.?|mn|millones|millón|milioni|milione)$/iu, 1e6],
  [/^(?:milliarden?|milliards?|mrd\.?|mds?|bn|miliardi|miliardo)$/iu, 1e9],
  [/^(?:billions?|billionen)$/iu, (long) => (long ? 1e12 : 1e9)],
  [/^(?:trillions?)$/iu, (long) => (long ? 1e18 : 1e12)],
];
/** One-letter scales ("$3m", "€2bn", "12k") only count glued to the number or after a currency. */
const SHORT_SCALES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, bn: 1e9 };

const SCALE_WORD = /^([\s\u00a0\u202f]?)(\p{L}+\.?)/u;

/** A scale word right after a number ("12 million", "3,5 Mrd.", "$2bn"), as a factor. */
export function matchScale(after: string, lang: string, options: { afterCurrency: boolean }): { length: number; factor: number } | null {
  const match = SCALE_WORD.exec(after);
  if (!match) return null;
  const glued = match[1] === "";
  const word = match[2]!;
  const bare = word.replace(/\.$/u, "");
  const short = SHORT_SCALES[bare.toLowerCase()];
  if (short !== undefined && bare.length <= 2 && (glued || options.afterCurrency)) {
    // "12 m" with a space is twelve metres; "$12m" and "12m" after a currency are millions.
    if (!glued || options.afterCurrency || bare.toLowerCase() !== "m") return { length: match[1]!.length + bare.length, factor: short };
  }
  const long = LONG_SCALE.has(lang);
  for (const [pattern, factor] of SCALES) {
    if (pattern.test(word) || pattern.test(bare)) {
      const length = match[1]!.length + (pattern.test(word) ? word.length : bare.length);
      return { length, factor: typeof factor === "number" ? factor : factor(long) };
    }
  }
  return null;
}
