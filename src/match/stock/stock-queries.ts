import type { SceneRequest } from "../media-provider.js";

/** Searches sent per scene; each costs one request per endpoint against a small hourly quota. */
export const MAX_STOCK_QUERIES = 3;
/** Pixabay refuses a `q` longer than 100 characters. */
export const MAX_QUERY_CHARS = 100;

function clip(query: string): string {
  if (query.length <= MAX_QUERY_CHARS) return query;
  const cut = query.slice(0, MAX_QUERY_CHARS + 1);
  const space = cut.lastIndexOf(" ");
  return (space > 0 ? cut.slice(0, space) : cut.slice(0, MAX_QUERY_CHARS)).trim();
}

/**
 * What to ask a stock API for a scene: its own queries (at most three, distinct), else its
 * keywords joined, else its headline. Lower-cased so equal searches share a cache entry.
 */
export function stockQueries(scene: Pick<SceneRequest, "queries" | "keywords" | "headline">): string[] {
  const normalize = (text: string): string => clip(text.replace(/\s+/g, " ").trim().toLowerCase());
  const out: string[] = [];
  for (const query of scene.queries) {
    const q = normalize(query);
    if (q && !out.includes(q)) out.push(q);
    if (out.length === MAX_STOCK_QUERIES) return out;
  }
  if (out.length > 0) return out;
  const fallback = normalize(scene.keywords.length > 0 ? scene.keywords.join(" ") : scene.headline);
  return fallback ? [fallback] : [];
}
