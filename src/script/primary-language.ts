/** The language subtag of a BCP 47 tag, lowercased: "pt-BR" → "pt", "zh_Hant" → "zh". */
export function primaryLanguage(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? "";
}
