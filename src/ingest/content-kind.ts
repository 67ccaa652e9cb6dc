/** How a fetched or local document is read. */
export type ContentKind = "html" | "markdown" | "text";

export interface ParsedContentType {
  /** Lower-case MIME type without parameters, or null when the header is missing. */
  mimeType: string | null;
  /** The `charset` parameter, lower-cased, when present. */
  charset: string | null;
}

export function parseContentType(header: string | null): ParsedContentType {
  if (!header) return { mimeType: null, charset: null };
  const [type = "", ...params] = header.split(";");
  let charset: string | null = null;
  for (const param of params) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(param);
    if (match?.[1]) charset = match[1].toLowerCase();
  }
  const mimeType = type.trim().toLowerCase();
  return { mimeType: mimeType || null, charset };
}

/**
 * Which reader handles a response. A missing Content-Type is treated as HTML (servers that omit
 * it nearly always serve pages); text/plain is read as Markdown unless the path ends in .txt,
 * since Markdown is a superset of plain prose. Anything else (PDF, images, JSON…) is null.
 */
export function contentKindForResponse(mimeType: string | null, url: URL): ContentKind | null {
  if (mimeType === null) return "html";
  if (mimeType === "text/html" || mimeType === "application/xhtml+xml") return "html";
  if (mimeType === "text/markdown" || mimeType === "text/x-markdown") return "markdown";
  if (mimeType === "text/plain") return /\.txt$/i.test(url.pathname) ? "text" : "markdown";
  return null;
}

/** Which reader handles a local file, by extension; null when unsupported. */
export function contentKindForExtension(extension: string): ContentKind | null {
  switch (extension.toLowerCase()) {
    case ".html":
    case ".htm":
    case ".xhtml":
      return "html";
    case ".md":
    case ".markdown":
      return "markdown";
    case ".txt":
      return "text";
    default:
      return null;
  }
}
