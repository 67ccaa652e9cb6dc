import { absoluteUrl } from "./absolute-url.js";

// Attributes lazy-loading scripts move the real address into; `src` then holds a placeholder.
const LAZY_ATTRIBUTES = ["data-src", "data-original", "data-lazy-src", "data-url", "data-hi-res-src", "data-full-src"];
const LAZY_SRCSET_ATTRIBUTES = ["srcset", "data-srcset", "data-lazy-srcset"];
const PLACEHOLDER = /^data:|\/(blank|spacer|pixel|placeholder|transparent)\.(gif|png)$/i;

/**
 * The best absolute address for an <img> (or <picture>): the largest srcset candidate, else a
 * real `src`, else a lazy-loading attribute. Null when there is none or it isn't http(s)/file.
 */
export function imageSource(element: Element, baseUrl: string): string | null {
  const img = element.localName === "picture" ? element.querySelector("img") : element;
  const candidates: string[] = [];
  const srcsets = [
    ...(element.localName === "picture" ? Array.from(element.querySelectorAll("source")) : []),
    ...(img ? [img] : []),
  ];
  for (const source of srcsets) {
    for (const attribute of LAZY_SRCSET_ATTRIBUTES) {
      const best = largestCandidate(source.getAttribute(attribute));
      if (best) candidates.push(best);
    }
  }
  if (img) {
    const src = img.getAttribute("src")?.trim();
    if (src && !PLACEHOLDER.test(src)) candidates.push(src);
    for (const attribute of LAZY_ATTRIBUTES) {
      const value = img.getAttribute(attribute)?.trim();
      if (value) candidates.push(value);
    }
  }
  for (const candidate of candidates) {
    const url = absoluteUrl(candidate, baseUrl);
    if (url) return url;
  }
  return null;
}

/** The widest (or highest-density) entry of a srcset attribute. */
export function largestCandidate(srcset: string | null): string | null {
  if (!srcset) return null;
  let best: string | null = null;
  let bestSize = -1;
  // Candidates are separated by commas followed by whitespace; URLs themselves may contain commas.
  for (const entry of srcset.split(/,\s+/)) {
    const [url, descriptor = "1x"] = entry.trim().split(/\s+/);
    if (!url || url.startsWith("data:")) continue;
    const size = Number.parseFloat(descriptor) * (descriptor.endsWith("w") ? 1 : 1000);
    if (Number.isFinite(size) && size > bestSize) {
      best = url;
      bestSize = size;
    }
  }
  return best;
}
