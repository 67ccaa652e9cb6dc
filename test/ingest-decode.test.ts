import { describe, expect, it } from "vitest";
import { decodeBytes } from "../src/ingest/decode-bytes.js";
import { encodeLegacy } from "./helpers/ingest-encode.js";

const html = (head: string, body: string) => `<html><head>${head}</head><body><p>${body}</p></body></html>`;

describe("decodeBytes", () => {
  it("maps windows-1252 bytes 0x80–0x9F to the characters they stand for", () => {
    const bytes = Uint8Array.from([0x80, 0x20, 0x85, 0x20, 0x91, 0x92, 0x93, 0x94, 0x20, 0x96, 0x97, 0x20, 0x99, 0x20, 0x9f]);
    expect(decodeBytes(bytes, "windows-1252").text).toBe("€ … ‘’“” –— ™ Ÿ");
  });

  it("reads iso-8859-1 and ascii labels as windows-1252, as browsers do", () => {
    const bytes = encodeLegacy("“Olé” – 5 €", "windows-1252");
    expect(decodeBytes(bytes, "iso-8859-1")).toMatchObject({ text: "“Olé” – 5 €", encoding: "windows-1252", reason: "declared" });
    expect(decodeBytes(bytes, "us-ascii").text).toBe("“Olé” – 5 €");
  });

  it("prefers the header charset over <meta charset>", () => {
    const bytes = encodeLegacy(html('<meta charset="gbk">', "Ærøskøbing – naïve"), "windows-1252");
    expect(decodeBytes(bytes, "windows-1252").text).toContain("Ærøskøbing – naïve");
  });

  it("finds the charset in <meta http-equiv=Content-Type>", () => {
    const text = html('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "東京の朝は早い。");
    expect(decodeBytes(encodeLegacy(text, "shift_jis"), null)).toMatchObject({ text, encoding: "shift_jis", reason: "declared" });
  });

  it("decodes gb2312 as GBK, which covers characters outside GB2312", () => {
    const text = html('<meta charset="gb2312">', "镕基 与 喆");
    expect(decodeBytes(encodeLegacy(text, "gbk"), null)).toMatchObject({ text, encoding: "gbk" });
  });

  it("reads valid UTF-8 as UTF-8 whatever the page declares", () => {
    const text = html('<meta charset="gb2312">', "人工智能迈上新台阶");
    expect(decodeBytes(new TextEncoder().encode(text), "gb2312")).toMatchObject({ text, encoding: "utf-8", reason: "utf-8-content" });
  });

  it("lets a UTF-8 or UTF-16 byte-order mark win and strips it", () => {
    const utf8 = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("señal")]);
    expect(decodeBytes(utf8, "windows-1252")).toMatchObject({ text: "señal", encoding: "utf-8", reason: "bom" });
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x73, 0x00, 0xf1, 0x00]);
    expect(decodeBytes(utf16, null)).toMatchObject({ text: "sñ", encoding: "utf-16le", reason: "bom" });
  });

  it("reads undeclared non-UTF-8 bytes as windows-1252", () => {
    expect(decodeBytes(encodeLegacy("café – bar", "windows-1252"), null)).toMatchObject({ text: "café – bar", reason: "default" });
  });

  it("treats a legacy page wrongly labelled UTF-8 as windows-1252", () => {
    expect(decodeBytes(encodeLegacy("naïve café", "windows-1252"), "utf-8").text).toBe("naïve café");
  });

  it("ignores an unknown charset label", () => {
    expect(decodeBytes(new TextEncoder().encode("plain ascii"), "x-no-such-charset")).toMatchObject({ text: "plain ascii" });
  });
});
