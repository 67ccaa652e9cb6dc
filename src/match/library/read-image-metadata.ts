import path from "node:path";
import exifr from "exifr";
import { distinctTexts, type EmbeddedText, NO_EMBEDDED_TEXT } from "./embedded-text.js";

// exifr reads metadata from these containers; WebP and GIF carry none it understands.
const METADATA_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".avif"]);

// Only the text-bearing segments: thumbnails, GPS, ICC and maker notes cost time and say nothing.
const EXIFR_OPTIONS = {
  tiff: true,
  ifd1: false,
  exif: false,
  gps: false,
  interop: false,
  makerNote: false,
  userComment: false,
  icc: false,
  jfif: false,
  ihdr: false,
  xmp: true,
  iptc: true,
  mergeOutput: false,
} as const;

// Cameras fill ImageDescription with their own name or a placeholder.
const PLACEHOLDER = /^(olympus digital camera|sony dsc|exif_jpeg_picture|default|digital camera|camera|image|picture|untitled|-+)$/i;

type Segments = Record<string, Record<string, unknown> | undefined>;

/** Strings inside an exifr value: a string, a number, `{lang, value}` (XMP Alt) or an array of those. */
function texts(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === "string") return [value];
  if (typeof value === "number") return [String(value)];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (typeof value === "object" && "value" in value) return texts((value as { value: unknown }).value);
  return [];
}

const first = (...values: unknown[]): string | null => distinctTexts(values.flatMap(texts)).find((t) => !PLACEHOLDER.test(t)) ?? null;

/** Maps exifr's per-segment output to the library's text fields (pure). */
export function embeddedTextFromExifr(segments: Segments): EmbeddedText {
  const dc = segments.dc ?? {};
  const iptc = segments.iptc ?? {};
  const ifd0 = segments.ifd0 ?? {};
  const xpKeywords = texts(ifd0.XPKeywords).flatMap((k) => k.split(";"));
  return {
    title: first(dc.title, iptc.ObjectName, iptc.Headline, ifd0.XPTitle),
    descriptions: distinctTexts([dc.description, iptc.Caption, ifd0.ImageDescription, ifd0.XPSubject, ifd0.XPComment].flatMap(texts)).filter((t) => !PLACEHOLDER.test(t)),
    keywords: distinctTexts([dc.subject, iptc.Keywords].flatMap(texts).concat(xpKeywords)),
    creator: first(dc.creator, iptc.Byline, ifd0.Artist, ifd0.XPAuthor),
    rights: first(dc.rights, iptc.CopyrightNotice, ifd0.Copyright),
  };
}

/**
 * Reads XMP (dc:title, dc:description, dc:subject, dc:creator, dc:rights), IPTC and EXIF text of
 * an image. Throws when the metadata is unreadable; the caller decides whether that matters.
 */
export async function readImageMetadata(file: string): Promise<EmbeddedText> {
  if (!METADATA_EXTENSIONS.has(path.extname(file).toLowerCase())) return NO_EMBEDDED_TEXT;
  const segments = (await exifr.parse(file, EXIFR_OPTIONS)) as Segments | undefined;
  return segments ? embeddedTextFromExifr(segments) : NO_EMBEDDED_TEXT;
}
