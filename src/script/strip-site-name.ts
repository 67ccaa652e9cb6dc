function siteKey(text: string): string {
  return text.toLowerCase().replace(/^www\./u, "").replace(/[\s.]+/gu, "");
}

/**
 * Strips the site's name from a title ("Story – Site", "Site | Story"). `site` is the site's
 * name or its host; "Mozilla - Wikipedia" loses " - Wikipedia" for en.wikipedia.org.
 */
export function stripSiteName(title: string, site: string | null): string {
  if (!site) return title;
  const key = siteKey(site);
  const isSite = (part: string): boolean => {
    const partKey = siteKey(part);
    if (partKey === key) return true;
    // "Factorio" for factorio.com, "Wikipedia" for en.wikipedia.org, "BBC News Online" for "BBC News".
    if (partKey.length >= 4 && key.includes(partKey)) return true;
    return partKey.includes(key) && partKey.length <= key.length * 1.5;
  };
  for (const sep of [" | ", " - ", " – ", " — ", " :: ", " · ", "_"]) {
    const parts = title.split(sep);
    if (parts.length < 2) continue;
    if (isSite(parts[parts.length - 1]!)) return parts.slice(0, -1).join(sep).trim();
    if (isSite(parts[0]!)) return parts.slice(1).join(sep).trim();
  }
  return title;
}
