import { errorCode } from "../../ingest/error-code.js";

const CODE_REASONS: Record<string, string> = {
  ENOTFOUND: "cannot resolve the host",
  EAI_AGAIN: "cannot resolve the host",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EPIPE: "connection reset",
  UND_ERR_SOCKET: "connection closed by the server",
  ETIMEDOUT: "connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_HEADERS_TIMEOUT: "no answer in time",
};

/**
 * A short reason for a failed request, without the URL: a Pixabay URL carries the key in its
 * query string, so nothing from the request itself goes into the text.
 */
export function networkReason(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `timed out after ${timeoutMs} ms`;
  const code = errorCode(error);
  if (code && CODE_REASONS[code]) return CODE_REASONS[code];
  return code ? `network error (${code})` : "network error";
}
