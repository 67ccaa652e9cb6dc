/**
 * Every failure reelpress expects carries a stable `code`, a one-line `message` that says what
 * happened, and a `hint` that says what to do next. Only the CLI formats them.
 */
export type ErrorCode =
  | "E_USAGE"
  | "E_INVALID_URL"
  | "E_DNS"
  | "E_CONNECTION_REFUSED"
  | "E_TIMEOUT"
  | "E_HTTP_STATUS"
  | "E_TOO_MANY_REDIRECTS"
  | "E_NOT_HTML"
  | "E_TOO_LARGE"
  | "E_NETWORK"
  | "E_NOT_READABLE"
  | "E_FILE_NOT_FOUND"
  | "E_UNSUPPORTED_FILE"
  | "E_INVALID_INPUT"
  | "E_MEDIA"
  | "E_NO_BROWSER"
  | "E_RENDER"
  | "E_ABORTED"
  | "E_LLM_AUTH"
  | "E_LLM_MODEL"
  | "E_LLM";

export interface ReelpressErrorOptions {
  hint?: string;
  cause?: unknown;
}

export class ReelpressError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: ReelpressErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint;
  }
}

/** Bad command-line use: exit code 2. */
export class UsageError extends ReelpressError {
  constructor(message: string, options?: ReelpressErrorOptions) {
    super("E_USAGE", message, options);
  }
}

/** Fetching a URL failed: DNS, connection, timeout, status, type or size. */
export class FetchError extends ReelpressError {
  readonly url: string;
  readonly status: number | undefined;

  constructor(code: ErrorCode, message: string, url: string, options: ReelpressErrorOptions & { status?: number } = {}) {
    super(code, message, options);
    this.url = url;
    this.status = options.status;
  }
}

/** The input was read but holds no article, or a file/storyboard is not what it should be. */
export class InputError extends ReelpressError {}

/** Rendering (browser, bundle, encoder) failed. */
export class RenderError extends ReelpressError {}

/** An LLM server refused the key (E_LLM_AUTH), lacks the model (E_LLM_MODEL) or failed (E_LLM). */
export class LlmError extends ReelpressError {}
