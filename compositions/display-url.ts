const DEFAULT_MAX_CHARS = 48;

/**
 * A URL as people read it on screen: no scheme, no "www.", no query or fragment, and a long path
 * shortened in the middle so the host and the last segment stay.
 */
export function displayUrl(url: string, maxChars: number = DEFAULT_MAX_CHARS): string {
  let host: string;
  let path: string;
  try {
    const parsed = new URL(url);
    host = parsed.host.replace(/^www\./, "");
    path = decodeURIComponent(parsed.pathname).replace(/\/+$/, "");
  } catch {
    // Not an absolute URL (a file path, say): show it trimmed rather than hide it.
    return shorten(url.trim(), maxChars);
  }
  const full = host + path;
  if (full.length <= maxChars) return full;
  const segments = path.split("/").filter(Boolean);
  const last = segments.at(-1) ?? "";
  const candidate = `${host}/…/${last}`;
  if (candidate.length <= maxChars) return candidate;
  return shorten(candidate, maxChars);
}

function shorten(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length <= maxChars ? text : `${chars.slice(0, Math.max(1, maxChars - 1)).join("")}…`;
}
