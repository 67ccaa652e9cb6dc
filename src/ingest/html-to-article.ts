import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import type { Article } from "../schema/article.js";
import { InputError } from "../errors.js";
import { articleTitle } from "./article-title.js";
import { finishArticle } from "./finish-article.js";
import { htmlToBlocks } from "./html-to-blocks.js";
import { readPageMetadata } from "./page-metadata.js";

export interface HtmlSource {
  html: string;
  /** Address the page was loaded from (after redirects); relative links resolve against it. */
  pageUrl: string;
  /** What `Article.source` records: the URL asked for, or the file: URL. */
  source: string;
  /** Fallback for `Article.url` when the page names no canonical address (null for files). */
  url: string | null;
}

/**
 * Parses a page with jsdom (no scripts run, no sub-resources loaded), extracts the article
 * with Readability and turns its content into ordered blocks, adding what Readability misses
 * from the original document's metadata.
 */
export function htmlToArticle(input: HtmlSource): Article {
  // A silent console: jsdom reports unparseable CSS and the like there, and library code prints nothing.
  const dom = new JSDOM(input.html, { url: input.pageUrl, virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    const metadata = readPageMetadata(document, input.pageUrl);
    const documentTitle = document.title;
    const headings = Array.from(document.querySelectorAll("h1, h2")).map((heading) => ({
      level: heading.localName === "h1" ? (1 as const) : (2 as const),
      text: (heading.textContent ?? "").replace(/\s{2,}/g, " ").trim(),
    }));

    const result = new Readability<Element>(document, { serializer: (node) => node as Element }).parse();
    if (!result?.content) {
      throw new InputError("E_NOT_READABLE", `No article found in ${input.source}`, {
        hint: "the page may need JavaScript or a login, or hold no article; pass a Markdown or text file instead",
      });
    }
    const dir = result.dir === "rtl" || result.dir === "ltr" ? result.dir : metadata.dir;
    return finishArticle({
      source: input.source,
      url: metadata.canonicalUrl ?? input.url,
      titles: [articleTitle({ readabilityTitle: result.title, documentTitle, headings })],
      byline: result.byline || metadata.byline,
      siteName: result.siteName || metadata.siteName,
      lang: metadata.lang,
      dir,
      publishedTime: result.publishedTime || metadata.publishedTime,
      excerpt: result.excerpt || null,
      leadImage: metadata.leadImage,
      blocks: htmlToBlocks(result.content, input.pageUrl),
    });
  } finally {
    // Frees the window's timers and listeners now rather than at garbage collection.
    dom.window.close();
  }
}
