import { absoluteUrl } from "./absolute-url.js";
import { normalizeLangTag } from "./normalize-lang-tag.js";

/** What the page itself says about the article, read before Readability changes the DOM. */
export interface PageMetadata {
  lang: string | null;
  dir: "ltr" | "rtl" | null;
  siteName: string | null;
  byline: string | null;
  publishedTime: string | null;
  canonicalUrl: string | null;
  leadImage: { src: string; alt: string } | null;
}

export function readPageMetadata(document: Document, baseUrl: string): PageMetadata {
  const meta = metaIndex(document);
  const pick = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = meta.get(key);
      if (value) return value;
    }
    return null;
  };

  const html = document.documentElement;
  const lang =
    normalizeLangTag(html.getAttribute("lang")) ??
    normalizeLangTag(html.getAttribute("xml:lang")) ??
    normalizeLangTag(pick("http-equiv:content-language", "content-language", "language", "dc.language")) ??
    normalizeLangTag(pick("og:locale"));

  const dirAttr = (html.getAttribute("dir") ?? document.body?.getAttribute("dir") ?? "").toLowerCase();
  const dir = dirAttr === "rtl" || dirAttr === "ltr" ? dirAttr : null;

  const canonicalHref = document.querySelector('link[rel~="canonical" i]')?.getAttribute("href") ?? pick("og:url");
  const imageSrc = pick("og:image:secure_url", "og:image:url", "og:image", "twitter:image", "twitter:image:src");
  const image = absoluteUrl(imageSrc, baseUrl);

  return {
    lang,
    dir,
    siteName: pick("og:site_name", "application-name"),
    byline: bylineFrom(pick("author", "article:author", "dc.creator", "byl", "parsely-author")),
    publishedTime: pick(
      "article:published_time",
      "og:article:published_time",
      "datepublished",
      "date",
      "pubdate",
      "publishdate",
      "dc.date",
      "dc.date.issued",
      "sailthru.date",
    ),
    canonicalUrl: absoluteUrl(canonicalHref, baseUrl, ["http:", "https:"]),
    leadImage: image ? { src: image, alt: pick("og:image:alt", "twitter:image:alt") ?? "" } : null,
  };
}

/** meta name/property/itemprop/http-equiv (lower-cased) → first non-empty content. */
function metaIndex(document: Document): Map<string, string> {
  const index = new Map<string, string>();
  for (const element of Array.from(document.querySelectorAll("meta[content]"))) {
    const content = (element.getAttribute("content") ?? "").replace(/\s+/g, " ").trim();
    if (!content) continue;
    const keys = [element.getAttribute("property"), element.getAttribute("name"), element.getAttribute("itemprop")];
    const httpEquiv = element.getAttribute("http-equiv");
    if (httpEquiv) keys.push(`http-equiv:${httpEquiv}`);
    for (const key of keys) {
      if (!key) continue;
      // A property attribute may hold several space-separated names (RDFa).
      for (const name of key.toLowerCase().split(/\s+/)) if (name && !index.has(name)) index.set(name, content);
    }
  }
  return index;
}

function bylineFrom(value: string | null): string | null {
  // article:author is often a profile URL, which is no byline.
  if (!value || /^https?:\/\//i.test(value)) return null;
  return value;
}
