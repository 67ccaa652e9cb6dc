import { FetchError } from "../errors.js";

const HINT = "give a full http:// or https:// address, or the path of a local .html, .md or .txt file";

/** Parses a user-given URL, accepting only http(s) with a host; anything else is E_INVALID_URL. */
export function parseHttpUrl(input: string): URL {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    // The URL constructor's own message adds nothing beyond "Invalid URL".
    throw new FetchError("E_INVALID_URL", `Invalid URL: ${shorten(trimmed)}`, trimmed, { hint: HINT });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const hint = url.protocol === "file:" ? "pass the file's path instead of a file: URL" : HINT;
    throw new FetchError(
      "E_INVALID_URL",
      `Unsupported URL scheme "${url.protocol}" in ${shorten(trimmed)}: only http and https can be fetched`,
      trimmed,
      { hint },
    );
  }
  if (!url.hostname) {
    throw new FetchError("E_INVALID_URL", `Invalid URL: ${shorten(trimmed)} has no host`, trimmed, { hint: HINT });
  }
  return url;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > 120 ? `${oneLine.slice(0, 117)}...` : oneLine;
}
