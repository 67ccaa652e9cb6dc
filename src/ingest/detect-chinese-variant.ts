/**
 * "zh-CN" or "zh-TW" by which character set the text's distinctive characters come from: GB2312
 * holds the simplified forms (这, 个, 们), Big5 the traditional ones (這, 個, 們). The sets are
 * built from the two legacy encodings through TextDecoder (≈10 ms), so no character table has to
 * be kept here. Characters common to both say nothing and are ignored.
 */
export function detectChineseVariant(text: string): "zh-CN" | "zh-TW" {
  const simplified = hanCharacters("gbk", range(0xb0, 0xf7), range(0xa1, 0xfe));
  const traditional = hanCharacters("big5", range(0xa4, 0xf9), [...range(0x40, 0x7e), ...range(0xa1, 0xfe)]);
  let simplifiedOnly = 0;
  let traditionalOnly = 0;
  for (const char of text) {
    const inSimplified = simplified.has(char);
    const inTraditional = traditional.has(char);
    if (inSimplified && !inTraditional) simplifiedOnly++;
    else if (inTraditional && !inSimplified) traditionalOnly++;
  }
  return traditionalOnly > simplifiedOnly ? "zh-TW" : "zh-CN";
}

function hanCharacters(encoding: string, leads: number[], trails: number[]): Set<string> {
  const bytes = new Uint8Array(leads.length * trails.length * 2);
  let offset = 0;
  for (const lead of leads) {
    for (const trail of trails) {
      bytes[offset++] = lead;
      bytes[offset++] = trail;
    }
  }
  const chars = new Set<string>();
  for (const char of new TextDecoder(encoding).decode(bytes)) if (HAN.test(char)) chars.add(char);
  return chars;
}

const HAN = /\p{Script=Han}/u;

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
