import { InputError } from "../errors.js";
import type { Article } from "../schema/article.js";
import type { ContentKind } from "./content-kind.js";
import { decodeBytes } from "./decode-bytes.js";
import { fetchDocument } from "./fetch-document.js";
import { htmlToArticle } from "./html-to-article.js";
import { resolveIngestOptions, type IngestOptions } from "./ingest-options.js";
import { isUrlLike } from "./is-url-like.js";
import { markdownToArticle } from "./markdown-to-article.js";
import { parseHttpUrl } from "./parse-http-url.js";
import { readLocalFile } from "./read-local-file.js";
import { textToArticle } from "./text-to-article.js";

/**
 * Reads an article from an http(s) URL or a local .html/.htm/.md/.markdown/.txt file.
 * Anything shaped like `scheme:…` is taken as a URL (and must be http or https); everything
 * else is a path.
 */
export async function extractArticle(input: string, options?: IngestOptions): Promise<Article> {
  const resolved = resolveIngestOptions(options);
  if (!input.trim()) {
    throw new InputError("E_INVALID_INPUT", "No article given", { hint: "pass an http(s) URL or the path of an .html, .md or .txt file" });
  }
  if (isUrlLike(input)) {
    const url = parseHttpUrl(input);
    resolved.onProgress({ stage: "fetch", detail: url.href });
    const fetched = await fetchDocument(url, resolved);
    resolved.onProgress({ stage: "parse", detail: fetched.finalUrl.href });
    return documentToArticle(fetched.kind, decodeBytes(fetched.bytes, fetched.charset, fetched.kind === "html").text, {
      pageUrl: fetched.finalUrl.href,
      source: url.href,
      url: fetched.finalUrl.href,
      fallbackTitle: fetched.finalUrl.hostname,
    });
  }
  const file = await readLocalFile(input, resolved.maxBytes);
  resolved.onProgress({ stage: "parse", detail: file.fileUrl.href });
  return documentToArticle(file.kind, decodeBytes(file.bytes, null, file.kind === "html").text, {
    pageUrl: file.fileUrl.href,
    source: file.fileUrl.href,
    url: null,
    fallbackTitle: file.baseName,
  });
}

interface Origin {
  pageUrl: string;
  source: string;
  url: string | null;
  fallbackTitle: string;
}

function documentToArticle(kind: ContentKind, text: string, origin: Origin): Article {
  switch (kind) {
    case "html":
      return htmlToArticle({ html: text, pageUrl: origin.pageUrl, source: origin.source, url: origin.url });
    case "markdown":
      return markdownToArticle({ text, baseUrl: origin.pageUrl, source: origin.source, url: origin.url, fallbackTitle: origin.fallbackTitle });
    case "text":
      return textToArticle({ text, baseUrl: origin.pageUrl, source: origin.source, url: origin.url, fallbackTitle: origin.fallbackTitle });
  }
}
