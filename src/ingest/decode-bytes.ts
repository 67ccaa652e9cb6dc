import { decodeWindows1252 } from "./decode-windows-1252.js";

export interface DecodedText {
  text: string;
  /** The WHATWG encoding name used, e.g. "utf-8", "gbk", "shift_jis", "windows-1252". */
  encoding: string;
  /** Why that encoding was chosen. */
  reason: "bom" | "utf-8-content" | "declared" | "default";
}

// The HTML spec prescans the first 1024 bytes for <meta charset>; real pages sometimes put it
// later (after long comments or scripts), so a larger window costs little and finds more.
const PRESCAN_BYTES = 8192;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_:.+-]+)/i;

/**
 * Decodes an HTML (or text) document by what its bytes are, not only what it claims:
 * a byte-order mark wins; then bytes that are valid UTF-8 and not plain ASCII are UTF-8, even
 * when the page declares another charset (mislabelled pages are common); then the declared
 * charset (Content-Type header first, else <meta charset> / http-equiv); else windows-1252,
 * the web's default for undeclared legacy pages.
 */
export function decodeBytes(bytes: Uint8Array, headerCharset: string | null, sniffMeta = true): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding, reason: "bom" };

  const utf8 = strictUtf8(bytes);
  if (utf8 !== null && !isAscii(bytes)) return { text: utf8, encoding: "utf-8", reason: "utf-8-content" };

  const declared = usableEncoding(headerCharset) ?? (sniffMeta ? usableEncoding(metaCharset(bytes)) : null);
  if (declared) {
    // Declared UTF-8 that isn't valid UTF-8: keep UTF-8 (with replacement characters) only if it
    // holds real multi-byte sequences; a page with none is a legacy page with a wrong label.
    if (declared === "utf-8" && !hasUtf8Sequence(bytes)) {
      return { text: decodeWindows1252(bytes), encoding: "windows-1252", reason: "default" };
    }
    return { text: decodeAs(declared, bytes), encoding: declared, reason: "declared" };
  }
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", reason: "default" };
  return { text: decodeWindows1252(bytes), encoding: "windows-1252", reason: "default" };
}

function decodeAs(encoding: string, bytes: Uint8Array): string {
  return encoding === "windows-1252" ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: the caller falls back to the declared or default charset.
    return null;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return false;
  return true;
}

function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead >= 0xc2 && lead <= 0xf4 && (bytes[i + 1]! & 0xc0) === 0x80) return true;
  }
  return false;
}

function metaCharset(bytes: Uint8Array): string | null {
  const head = decodeWindows1252(bytes.subarray(0, PRESCAN_BYTES));
  return META_CHARSET.exec(head)?.[1]?.toLowerCase() ?? null;
}

/** The WHATWG encoding for a label, or null when unknown; UTF-16 labels without a BOM mean UTF-8 (as in the HTML spec). */
function usableEncoding(label: string | null): string | null {
  if (!label) return null;
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    // Unknown label: ignore the declaration rather than fail the whole page.
    return null;
  }
  return encoding.startsWith("utf-16") ? "utf-8" : encoding;
}
