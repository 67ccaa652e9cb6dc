import { FetchError, ReelpressError } from "../errors.js";
import { errorCode } from "./error-code.js";

const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL", "EAI_NODATA"]);
const REFUSED_CODES = new Set(["ECONNREFUSED"]);
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

export interface FetchFailureContext {
  url: string;
  timeoutMs: number;
  /** Fires when the time budget runs out. */
  timeoutSignal: AbortSignal;
  /** The caller's own cancel signal, if any. */
  userSignal: AbortSignal | undefined;
}

/**
 * Turns whatever fetch (undici) threw into a FetchError with a stable code. undici wraps the
 * socket error as `TypeError("fetch failed", { cause })`, so the code sits on `cause`.
 */
export function toFetchError(error: unknown, context: FetchFailureContext): ReelpressError {
  if (error instanceof ReelpressError) return error;
  const { url } = context;
  if (context.userSignal?.aborted) {
    return new FetchError("E_ABORTED", `Fetching ${url} was cancelled`, url, { cause: error });
  }
  if (context.timeoutSignal.aborted) {
    return new FetchError("E_TIMEOUT", `Timed out after ${context.timeoutMs} ms fetching ${url}`, url, {
      hint: "the server is slow or not answering; try again later or raise the timeout",
      cause: error,
    });
  }
  const code = errorCode(error);
  const host = hostOf(url);
  if (code && DNS_CODES.has(code)) {
    return new FetchError("E_DNS", `Could not resolve host ${host} (${code})`, url, {
      hint: "check the address for typos and that this machine has a network connection",
      cause: error,
    });
  }
  if (code && REFUSED_CODES.has(code)) {
    return new FetchError("E_CONNECTION_REFUSED", `Connection refused by ${host}`, url, {
      hint: "nothing is listening at that address and port; check the URL or that the server is running",
      cause: error,
    });
  }
  if (code && TIMEOUT_CODES.has(code)) {
    return new FetchError("E_TIMEOUT", `Timed out fetching ${url} (${code})`, url, {
      hint: "the server is slow or not answering; try again later or raise the timeout",
      cause: error,
    });
  }
  const detail = code ?? innermostMessage(error);
  return new FetchError("E_NETWORK", `Network error fetching ${url}${detail ? ` (${detail})` : ""}`, url, {
    hint: "check the network connection and the URL, then try again",
    cause: error,
  });
}

function innermostMessage(error: unknown): string | undefined {
  let message: string | undefined;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    message = current.message.split("\n")[0];
    current = current.cause;
  }
  return message;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
