// The bytes 0x80–0x9F of windows-1252 (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ);
// the five undefined ones stay C1 controls, as in the WHATWG index.
const HIGH_CONTROLS =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

/**
 * windows-1252 (also what "iso-8859-1" and "ascii" labels mean on the web). Node 20's
 * TextDecoder takes a Latin-1 fast path for this encoding and returns C1 controls for
 * 0x80–0x9F instead of curly quotes, dashes and €, so those bytes are mapped here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252")
    .decode(bytes)
    .replace(/[\u0080-\u009F]/g, (char) => HIGH_CONTROLS[char.charCodeAt(0) - 0x80]!);
}
