import type { Article } from "../schema/article.js";
import type { DraftBlock } from "./draft-block.js";
import { finishArticle } from "./finish-article.js";
import type { TextSource } from "./markdown-to-article.js";

/** Plain text: the first non-empty line is the title, paragraphs are separated by blank lines. */
export function textToArticle(input: TextSource): Article {
  const lines = input.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  const titleIndex = lines.findIndex((line) => line.trim());
  const title = titleIndex >= 0 ? lines[titleIndex]!.trim() : null;
  const body = lines.slice(titleIndex + 1).join("\n");
  const blocks: DraftBlock[] = body
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .map((text) => ({ type: "paragraph", text }));
  return finishArticle({
    source: input.source,
    url: input.url,
    titles: [title, input.fallbackTitle],
    byline: null,
    siteName: null,
    lang: null,
    dir: null,
    publishedTime: null,
    excerpt: null,
    leadImage: null,
    blocks,
  });
}
