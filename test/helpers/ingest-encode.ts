// windows-1252 bytes 0x80–0x9F, spelled out: Node 20's TextDecoder gets exactly these wrong
// (it decodes them as Latin-1 controls), so they can't come from decoding.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/**
 * Encodes text in a legacy charset (windows-1252, gbk, shift_jis, euc-jp) for test pages.
 * Node can decode these but not encode them, so the table is built by decoding every one- and
 * two-byte sequence (except for windows-1252, which is a plain table).
 */
export function encodeLegacy(text: string, encoding: "windows-1252" | "gbk" | "shift_jis" | "euc-jp"): Buffer {
  const table = reverseTable(encoding);
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const encoded = table.get(char);
    if (!encoded) throw new Error(`${JSON.stringify(char)} has no ${encoding} encoding`);
    bytes.push(...encoded);
  }
  return Buffer.from(bytes);
}

function reverseTable(encoding: string): Map<string, number[]> {
  const table = new Map<string, number[]>();
  if (encoding === "windows-1252") {
    [...CP1252_HIGH].forEach((char, index) => table.set(char, [0x80 + index]));
    for (let byte = 0xa0; byte <= 0xff; byte++) table.set(String.fromCharCode(byte), [byte]);
    return table;
  }
  const decoder = new TextDecoder(encoding, { fatal: true });
  const tryBytes = (bytes: number[]): void => {
    let char: string;
    try {
      char = decoder.decode(Uint8Array.from(bytes));
    } catch {
      return; // not a valid sequence in this encoding
    }
    if ([...char].length === 1 && char !== "\uFFFD" && !table.has(char)) table.set(char, bytes);
  };
  for (let lead = 0x80; lead <= 0xff; lead++) tryBytes([lead]);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) tryBytes([lead, trail]);
  }
  return table;
}
