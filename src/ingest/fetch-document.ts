import { FetchError } from "../errors.js";
import { contentKindForResponse, type ContentKind } from "./content-kind.js";
import { fetchUrl } from "./fetch-url.js";
import type { ResolvedIngestOptions } from "./ingest-options.js";

const ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/markdown;q=0.8,text/plain;q=0.7,*/*;q=0.1";

export interface FetchedDocument {
  finalUrl: URL;
  kind: ContentKind;
  bytes: Uint8Array;
  /** The charset named in the Content-Type header, if any. */
  charset: string | null;
}

/** Fetches a page to read as an article; refuses (E_NOT_HTML) a PDF, image, JSON or the like before downloading it. */
export async function fetchDocument(
  url: URL,
  options: Pick<ResolvedIngestOptions, "timeoutMs" | "maxBytes" | "maxRedirects" | "maxRetries" | "signal" | "sleep" | "random">,
): Promise<FetchedDocument> {
  const fetched = await fetchUrl(url, {
    ...options,
    accept: ACCEPT,
    checkType: (type, at) => {
      if (contentKindForResponse(type.mimeType, at)) return;
      throw new FetchError("E_NOT_HTML", `${at.href} is ${type.mimeType}, not an HTML page`, at.href, {
        hint: "give the address of a web page, or a local .html, .md or .txt file",
      });
    },
  });
  return {
    finalUrl: fetched.finalUrl,
    kind: contentKindForResponse(fetched.type.mimeType, fetched.finalUrl) ?? "html",
    bytes: fetched.body,
    charset: fetched.type.charset,
  };
}
