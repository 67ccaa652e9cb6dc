/** An absolute address for `value` read against `baseUrl`, or null when it is unusable or of another scheme. */
export function absoluteUrl(
  value: string | null | undefined,
  baseUrl: string,
  protocols: readonly string[] = ["http:", "https:", "file:"],
): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), baseUrl);
    // A protocol-relative address ("//cdn.example/a.png") in a local file resolves to
    // file://cdn.example/…; the page meant the web.
    if (url.protocol === "file:" && url.hostname && url.hostname !== "localhost") url.protocol = "https:";
    // Only a local file may point at local files: a web page naming file:///… must not make
    // reelpress read the user's disk.
    if (url.protocol === "file:" && !baseUrl.startsWith("file:")) return null;
    return protocols.includes(url.protocol) ? url.href : null;
  } catch {
    // An unparseable address is treated as absent.
    return null;
  }
}
