// Primary language subtag, optional script, optional region: enough to clean up what pages say
// in <html lang>, content-language or og:locale ("en_US", "EN-us", "zh-hans-cn").
const TAG = /^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?(?:[-_].*)?$/i;

/** A tidy BCP 47 tag ("pt-BR", "zh-Hant-TW") or null when the value isn't a language tag. */
export function normalizeLangTag(value: string | null | undefined): string | null {
  if (!value) return null;
  const first = value.split(",")[0]!.trim();
  const match = TAG.exec(first);
  if (!match) return null;
  const [, language, script, region] = match;
  const lower = language!.toLowerCase();
  if (lower === "und" || lower === "mul" || lower === "zxx") return null;
  let tag = lower;
  if (script) tag += `-${script[0]!.toUpperCase()}${script.slice(1).toLowerCase()}`;
  if (region) tag += `-${region.toUpperCase()}`;
  return tag;
}
