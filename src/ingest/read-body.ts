import { FetchError } from "../errors.js";
import { formatBytes } from "./format-bytes.js";

/**
 * Reads a response body into memory, refusing to buffer more than `maxBytes`: the stream is
 * cancelled (closing the connection) as soon as the cap is passed.
 */
export async function readBody(body: ReadableStream<Uint8Array> | null, maxBytes: number, url: string): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {
        // The body is being thrown away; a failure to close it changes nothing for the caller.
      });
      throw tooLarge(url, maxBytes, `more than ${formatBytes(maxBytes)}`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export function tooLarge(url: string, maxBytes: number, size: string): FetchError {
  return new FetchError("E_TOO_LARGE", `${url} is too large: ${size}, the cap is ${formatBytes(maxBytes)}`, url, {
    hint: "raise maxBytes if the page is really that big, or save the article as a file",
  });
}
