import { distinctTexts, type EmbeddedText } from "./embedded-text.js";

/** Maps ffprobe container tags (lower-cased keys) to the library's text fields (pure). */
export function videoTagText(tags: Readonly<Record<string, string>>): EmbeddedText {
  return {
    title: distinctTexts([tags.title])[0] ?? null,
    descriptions: distinctTexts([tags.description, tags.synopsis, tags.comment]),
    keywords: distinctTexts((tags.keywords ?? "").split(/[,;]/)),
    creator: distinctTexts([tags.artist, tags.author, tags.composer])[0] ?? null,
    rights: distinctTexts([tags.copyright, tags.license])[0] ?? null,
  };
}
