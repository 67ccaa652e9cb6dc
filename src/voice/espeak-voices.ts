/** One line of `espeak-ng --voices`. */
export interface EspeakVoice {
  language: string;
  priority: number;
  name: string;
  file: string;
  /** "Other Languages" it also speaks, with its priority for each (lower is preferred). */
  others: { language: string; priority: number }[];
}

/** Tags espeak-ng files under another name. */
const ALIASES: Readonly<Record<string, string>> = {
  "zh-hk": "zh-yue",
  "zh-mo": "zh-yue",
  iw: "he",
  in: "id",
  nn: "nb",
  fil: "tl",
};

const OTHER = /\(([^\s()]+)\s+(\d+)\)/gu;

export function parseEspeakVoices(text: string): EspeakVoice[] {
  const voices: EspeakVoice[] = [];
  for (const line of text.split("\n")) {
    const cols = line.trim().split(/\s+/u);
    if (cols.length < 5 || !/^\d+$/u.test(cols[0]!)) continue;
    const others = [...cols.slice(5).join(" ").matchAll(OTHER)].map((m) => ({ language: m[1]!.toLowerCase(), priority: Number(m[2]) }));
    voices.push({ priority: Number(cols[0]), language: cols[1]!.toLowerCase(), name: cols[3]!, file: cols[4]!, others });
  }
  return voices;
}

/**
 * The espeak-ng voice for a BCP 47 tag: the tag itself, then shorter and shorter prefixes
 * ("pt-BR" → "pt-br", "zh-Hant-TW" → "zh-hant" → "zh"), each matched first against voice
 * languages, then against the languages voices also speak; null when nothing matches.
 */
export function pickEspeakVoice(lang: string, voices: readonly EspeakVoice[]): string | null {
  const parts = lang.toLowerCase().replace(/_/gu, "-").split("-").filter(Boolean);
  for (let n = parts.length; n > 0; n -= 1) {
    const tag = parts.slice(0, n).join("-");
    for (const wanted of [tag, ALIASES[tag]].filter((t): t is string => Boolean(t))) {
      const own = voices.filter((v) => v.language === wanted).sort((a, b) => a.priority - b.priority)[0];
      if (own) return own.language;
      let best: { voice: EspeakVoice; priority: number } | null = null;
      for (const voice of voices) {
        const other = voice.others.find((o) => o.language === wanted);
        if (other && (!best || other.priority < best.priority)) best = { voice, priority: other.priority };
      }
      if (best) return best.voice.language;
    }
  }
  return null;
}
