import type { MediaCandidate } from "../media-provider.js";

/**
 * Runs a provider's searches (already limited by its client) and merges their candidates in
 * order, each id once. Any failure fails the whole search, but only after every request has
 * settled, so answers that did arrive still reach the cache.
 */
export async function collectCandidates(searches: readonly (() => Promise<MediaCandidate[]>)[]): Promise<MediaCandidate[]> {
  const settled = await Promise.allSettled(searches.map((search) => search()));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  const seen = new Set<string>();
  const out: MediaCandidate[] = [];
  for (const result of settled) {
    for (const candidate of (result as PromiseFulfilledResult<MediaCandidate[]>).value) {
      if (seen.has(candidate.id)) continue;
      seen.add(candidate.id);
      out.push(candidate);
    }
  }
  return out;
}
