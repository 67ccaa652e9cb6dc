import { FetchError } from "../errors.js";
import { contentKindForResponse, parseContentType, type ContentKind } from "./content-kind.js";
import { toFetchError } from "./fetch-error.js";
import type { ResolvedIngestOptions } from "./ingest-options.js";
import { readBody, tooLarge } from "./read-body.js";
import { formatBytes } from "./format-bytes.js";

export const USER_AGENT = "reelpress/0.1 (+https://github.com/reelpress/reelpress)";
const ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/markdown;q=0.8,text/plain;q=0.7,*/*;q=0.1";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface FetchedDocument {
  /** The address after redirects; relative links resolve against it. */
  finalUrl: URL;
  kind: ContentKind;
  bytes: Uint8Array;
  /** The charset named in the Content-Type header, if any. */
  charset: string | null;
}

type FetchOptions = Pick<ResolvedIngestOptions, "timeoutMs" | "maxBytes" | "maxRedirects" | "signal">;

/**
 * GETs a page with a time budget for the whole exchange, a body-size cap, a redirect cap
 * (redirects are followed here, not by fetch, so they can be counted and checked) and a
 * content-type check.
 */
export async function fetchDocument(url: URL, options: FetchOptions): Promise<FetchedDocument> {
  const timeoutSignal = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeoutSignal, options.signal]) : timeoutSignal;
  let current = url;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(current, {
        redirect: "manual",
        signal,
        headers: { "user-agent": USER_AGENT, accept: ACCEPT },
      });
      const location = response.headers.get("location");
      if (REDIRECT_STATUSES.has(response.status) && location) {
        await discard(response);
        if (redirects >= options.maxRedirects) {
          throw new FetchError(
            "E_TOO_MANY_REDIRECTS",
            `Too many redirects: more than ${options.maxRedirects} starting from ${url.href}`,
            url.href,
            { hint: "the site may be in a redirect loop; open it in a browser to check, or raise maxRedirects" },
          );
        }
        current = redirectTarget(location, current);
        continue;
      }
      return await acceptResponse(response, current, options.maxBytes);
    }
  } catch (error) {
    throw toFetchError(error, { url: current.href, timeoutMs: options.timeoutMs, timeoutSignal, userSignal: options.signal });
  }
}

async function acceptResponse(response: Response, url: URL, maxBytes: number): Promise<FetchedDocument> {
  if (!response.ok) {
    await discard(response);
    const statusText = response.statusText ? ` ${response.statusText}` : "";
    throw new FetchError("E_HTTP_STATUS", `HTTP ${response.status}${statusText} from ${url.href}`, url.href, {
      status: response.status,
      hint:
        response.status >= 500
          ? "the server failed; try again later"
          : "check the address; the page may have moved, be private or need a login",
    });
  }
  const { mimeType, charset } = parseContentType(response.headers.get("content-type"));
  const kind = contentKindForResponse(mimeType, url);
  if (!kind) {
    await discard(response);
    throw new FetchError("E_NOT_HTML", `${url.href} is ${mimeType}, not an HTML page`, url.href, {
      status: response.status,
      hint: "give the address of a web page, or a local .html, .md or .txt file",
    });
  }
  const declaredLength = Number(response.headers.get("content-length"));
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
    await discard(response);
    throw tooLarge(url.href, maxBytes, formatBytes(declaredLength));
  }
  const bytes = await readBody(response.body, maxBytes, url.href);
  return { finalUrl: url, kind, bytes, charset };
}

function redirectTarget(location: string, from: URL): URL {
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw new FetchError("E_INVALID_URL", `Invalid redirect from ${from.href} to ${location}`, from.href, {
      hint: "the site sent a broken redirect; try the final address directly",
    });
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    throw new FetchError("E_INVALID_URL", `Redirect from ${from.href} to unsupported scheme "${target.protocol}"`, from.href, {
      hint: "only http and https redirects are followed",
    });
  }
  return target;
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => {
    // The body is unwanted; failing to close it early only costs a socket until it times out.
  });
}
