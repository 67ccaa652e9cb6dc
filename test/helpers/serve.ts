import { readFile, stat } from "node:fs/promises";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/** A canned answer: status (default 200), headers and body. */
export interface StaticResponse {
  status?: number;
  headers?: OutgoingHttpHeaders;
  body?: Buffer | Uint8Array | string;
}

/** Full control: write (or deliberately never write) the response yourself. */
export type RouteFunction = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export type RouteHandler = StaticResponse | RouteFunction;

/** Path (without query string) → handler. */
export type Routes = Record<string, RouteHandler>;

export interface StartServerOptions {
  /** Serve files from this folder for paths no route matches (see serveDirectory). */
  serveDirectory?: string;
  /** Content types by extension for serveDirectory, merged over DEFAULT_CONTENT_TYPES. */
  contentTypes?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface TestServer {
  /** Absolute URL on this server, e.g. url("/a.html") → "http://127.0.0.1:41234/a.html". */
  url(pathname?: string): string;
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Stops listening and drops open connections (including ones a handler left hanging). */
  close(): Promise<void>;
}

/** No charset on text types on purpose: tests of charset detection need the bytes to speak. */
export const DEFAULT_CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html",
  ".htm": "text/html",
  ".md": "text/markdown",
  ".txt": "text/plain",
  ".json": "application/json",
  ".xml": "application/xml",
  ".css": "text/css",
  ".js": "text/javascript",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".svg": "image/svg+xml",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
  ".pdf": "application/pdf",
};

/**
 * Starts a real HTTP server on 127.0.0.1 (a free port) answering from a route table; unknown
 * paths get 404 unless a directory is served. Stand-in for outside services in tests.
 */
export async function startServer(routes: Routes = {}, options: StartServerOptions = {}): Promise<TestServer> {
  const fallback = options.serveDirectory ? serveDirectory(options.serveDirectory, options.contentTypes) : null;
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    requests.push({ method: req.method ?? "GET", path: pathname, headers: req.headers });
    const handler = routes[pathname] ?? fallback ?? notFound;
    Promise.resolve(respond(handler, req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    url: (pathname = "/") => `http://127.0.0.1:${port}${pathname.startsWith("/") ? "" : "/"}${pathname}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * A handler that serves files under `dir` by URL path, with a Content-Type by extension;
 * 404 for anything missing or outside the folder.
 */
export function serveDirectory(dir: string, contentTypes: Record<string, string> = {}): RouteFunction {
  const root = path.resolve(dir);
  const types = { ...DEFAULT_CONTENT_TYPES, ...contentTypes };
  return async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = path.resolve(root, `.${pathname}`);
    const inside = file === root || file.startsWith(root + path.sep);
    const info = inside ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) {
      notFound(req, res);
      return;
    }
    const body = await readFile(file);
    const type = types[path.extname(file).toLowerCase()] ?? "application/octet-stream";
    res.writeHead(200, { "content-type": type, "content-length": body.length });
    res.end(body);
  };
}

function respond(handler: RouteHandler, req: IncomingMessage, res: ServerResponse): void | Promise<void> {
  if (typeof handler === "function") return handler(req, res);
  const body = typeof handler.body === "string" ? Buffer.from(handler.body) : (handler.body ?? Buffer.alloc(0));
  const headers: OutgoingHttpHeaders = { ...handler.headers };
  const named = Object.keys(headers).some((name) => /^(content-length|transfer-encoding)$/i.test(name));
  if (!named) headers["content-length"] = body.byteLength;
  res.writeHead(handler.status ?? 200, headers);
  res.end(body);
}

function notFound(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("not found");
}
