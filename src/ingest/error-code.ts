/**
 * The `code` of a failed request (ENOTFOUND, UND_ERR_SOCKET, …). undici wraps the socket error
 * as `TypeError("fetch failed", { cause })`, so the code is looked for down the cause chain.
 */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
