import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { assetContentType } from "./asset-content-type.js";

export interface AssetServer {
  /** Maps each local file to the URL the browser loads it from. */
  urls: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Serves exactly the given files on 127.0.0.1 (nothing else on the disk is reachable), with
 * byte ranges for video seeking. The renderer's browser loads media from here.
 */
export async function startAssetServer(files: readonly string[]): Promise<AssetServer> {
  const byRoute = new Map<string, string>();
  const unique = [...new Set(files)];
  unique.forEach((file, i) => byRoute.set(`/${i}${path.extname(file).toLowerCase()}`, file));
  const server: Server = createServer((req, res) => {
    const file = byRoute.get((req.url ?? "").split("?")[0]!);
    if (!file || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404).end();
      return;
    }
    stat(file).then(
      (info) => {
        const headers: Record<string, string | number> = {
          "content-type": assetContentType(file),
          "accept-ranges": "bytes",
          "access-control-allow-origin": "*",
        };
        const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
        let start = 0;
        let end = info.size - 1;
        if (range && (range[1] || range[2])) {
          start = range[1] ? Number(range[1]) : Math.max(0, info.size - Number(range[2]));
          end = range[1] && range[2] ? Math.min(Number(range[2]), end) : end;
          if (start > end) {
            res.writeHead(416, { "content-range": `bytes */${info.size}` }).end();
            return;
          }
          headers["content-range"] = `bytes ${start}-${end}/${info.size}`;
        }
        headers["content-length"] = end - start + 1;
        res.writeHead(range && (range[1] || range[2]) ? 206 : 200, headers);
        if (req.method === "HEAD") res.end();
        else createReadStream(file, { start, end }).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  const urls: Record<string, string> = {};
  for (const [route, file] of byRoute) urls[file] = `http://127.0.0.1:${port}${route}`;
  return {
    urls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
