/** ISO codes for the currency symbols a chart carries as its unit. */
const CURRENCY_CODES: Record<string, string> = {
  $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", CHF: "CHF", CAD: "CAD", AUD: "AUD", CNY: "CNY",
};
/** From here on a value is shortened: "1.2M", "3,5 Mio.". */
const COMPACT_FROM = 100_000;
const DEGREES = new Set(["°", "°C", "°F"]);

function formatter(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(lang, options);
  } catch (error) {
    // A malformed language tag should not stop a render; English digits still read right.
    if (error instanceof RangeError) return new Intl.NumberFormat("en", options);
    throw error;
  }
}

/**
 * A bar's value as a viewer reads it, in the narration's language: "45%" / "45 %", "$1.2B" /
 * "1,2 Mrd. €", "12 km", "30,000" / "30.000". Large values are shortened; currencies keep their
 * own symbol ("$", not "US$").
 */
export function formatChartValue(value: number, unit: string, lang: string): string {
  const size = Math.abs(value);
  const compact: Intl.NumberFormatOptions =
    size >= COMPACT_FROM ? { notation: "compact", maximumSignificantDigits: 3 } : { maximumFractionDigits: size < 10 ? 2 : 1 };
  const code = CURRENCY_CODES[unit];
  if (code) {
    // Prices with cents keep both digits ("1,50 €"); whole amounts show none ("$20").
    const digits: Intl.NumberFormatOptions =
      size >= COMPACT_FROM ? compact : Number.isInteger(value) ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
    return formatter(lang, { style: "currency", currency: code, currencyDisplay: "narrowSymbol", ...digits }).format(value);
  }
  if (unit === "%") return formatter(lang, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
  const number = formatter(lang, compact).format(value);
  if (unit === "") return number;
  if (unit === "¢") return `${number}¢`;
  return DEGREES.has(unit) ? `${number}${unit}` : `${number}\u00a0${unit}`;
}
