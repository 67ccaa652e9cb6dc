import { endsWithAbbreviation } from "./ends-with-abbreviation.js";

/** Pieces with no letter or digit ("…", "—") belong to the sentence before them. */
const HAS_WORD = /[\p{L}\p{N}]/u;
/** A Japanese quotation followed by と/って is part of the sentence that quotes it. */
const JA_QUOTE_END = /[」』]$/u;
const JA_QUOTE_CONTINUATION = /^(?:と|って|という|とか)/u;

const OPENING_TAIL = /[「『（“‘《【〈［(\[]+\s*$/u;

export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/**
 * Splits text into sentences. ICU's sentence segmenter does the base work (CJK full stops,
 * quotes, decimals); boundaries after abbreviations, initials and ordinals are then joined
 * back. Every sentence is a verbatim substring of the whitespace-normalised text.
 */
export function splitSentences(text: string, lang: string): string[] {
  return splitWith(createSentenceSegmenter(lang), text, lang);
}

export function createSentenceSegmenter(lang: string): Intl.Segmenter {
  try {
    return new Intl.Segmenter(lang, { granularity: "sentence" });
  } catch (error) {
    // An ill-formed BCP 47 tag (the Article schema only asks for two characters) throws a RangeError; ICU's root rules are a fine fallback.
    if (error instanceof RangeError) return new Intl.Segmenter("en", { granularity: "sentence" });
    throw error;
  }
}

export function splitWith(segmenter: Intl.Segmenter, text: string, lang: string): string[] {
  const normalized = normalizeWhitespace(text);
  if (!normalized) return [];
  const pieces: string[] = [];
  for (const { segment } of segmenter.segment(normalized)) {
    const last = pieces.length - 1;
    if (last >= 0 && shouldJoin(pieces[last]!, segment, lang)) pieces[last] += segment;
    else pieces.push(segment);
  }
  // ICU counts opening quotes as "Close" characters and leaves "。「" together; the quote opens the next sentence.
  for (let i = 0; i + 1 < pieces.length; i += 1) {
    const opener = OPENING_TAIL.exec(pieces[i]!)?.[0];
    if (opener && opener.trim().length < pieces[i]!.trim().length) {
      pieces[i] = pieces[i]!.slice(0, -opener.length);
      pieces[i + 1] = opener + pieces[i + 1]!;
    }
  }
  return pieces.map((piece) => piece.trim()).filter((piece) => piece.length > 0);
}

function shouldJoin(piece: string, next: string, lang: string): boolean {
  if (!HAS_WORD.test(next)) return true;
  if (!HAS_WORD.test(piece)) return true;
  if (JA_QUOTE_END.test(piece.trimEnd()) && JA_QUOTE_CONTINUATION.test(next)) return true;
  return endsWithAbbreviation(piece, next, lang);
}
