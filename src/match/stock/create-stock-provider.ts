import { ProviderUnavailable, type MediaCandidate, type MediaProvider, type SearchContext } from "../media-provider.js";
import { collectCandidates } from "./collect-candidates.js";
import { fetchStockMedia } from "./fetch-stock-media.js";
import type { StockClient, StockClientOptions } from "./stock-client.js";
import { resolveStockOptions, type StockProviderOptions } from "./stock-options.js";
import { stockQueries } from "./stock-queries.js";

export interface StockProviderSpec<Endpoint extends string> {
  provider: StockClientOptions["provider"];
  /** Named in the "not set" reason when there is no key. */
  keyVariable: string;
  defaultBaseUrl: string;
  wire: Pick<StockClientOptions, "auth" | "resetFormat" | "isKeyRejected">;
  /** The endpoints asked for every query, in this order. */
  endpoints: readonly Endpoint[];
  /** One search of one endpoint; `base` is the API root without a trailing slash. */
  searchOne(request: { client: StockClient; base: string; query: string; endpoint: Endpoint; context: SearchContext }): Promise<MediaCandidate[]>;
}

/**
 * What Pexels and Pixabay share: no key leaves the provider unavailable, every scene query asks
 * each endpoint, the candidates are merged in order, and a pick is downloaded to the media cache.
 */
export function createStockProvider<Endpoint extends string>(options: StockProviderOptions, spec: StockProviderSpec<Endpoint>): MediaProvider {
  const apiKey = options.apiKey;
  const stock = apiKey === null || apiKey === "" ? null : resolveStockOptions({ ...options, apiKey }, { provider: spec.provider, ...spec.wire });
  const base = (options.baseUrl ?? spec.defaultBaseUrl).replace(/\/+$/, "");
  const unavailable = (): ProviderUnavailable => new ProviderUnavailable(spec.provider, `${spec.keyVariable} is not set`);

  return {
    name: spec.provider,
    async search(scene, context) {
      if (!stock) throw unavailable();
      const { client } = stock;
      return collectCandidates(
        stockQueries(scene).flatMap((query) => spec.endpoints.map((endpoint) => () => spec.searchOne({ client, base, query, endpoint, context }))),
      );
    },
    async fetch(candidate, { signal }) {
      if (!stock) throw unavailable();
      return fetchStockMedia(candidate, stock, signal);
    },
  };
}
