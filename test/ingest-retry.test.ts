import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError } from "../src/errors.js";
import { abortableSleep, type Sleep } from "../src/ingest/abortable-sleep.js";
import { extractArticle, fetchBytes, type IngestOptions } from "../src/ingest/index.js";
import { MAX_BACKOFF_MS, retryDelay } from "../src/ingest/retry-delay.js";
import { articlePage, ENGLISH_FILLER } from "./helpers/ingest-pages.js";
import { startServer, type RouteFunction, type Routes, type TestServer } from "./helpers/serve.js";

const PAGE = articlePage({ title: "Back on its feet", paragraphs: ENGLISH_FILLER, lang: "en" });
const PNG_BYTES = Buffer.from("89504e470d0a1a0a0000000d4948445200000001", "hex");

/** Answers with `failure` (status and headers) for the first `failures` requests, then with the page. */
function failingFirst(failures: number, status: number, headers: Record<string, string> = {}, body = PAGE, type = "text/html"): RouteFunction {
  let hits = 0;
  return (_req, res: ServerResponse) => {
    hits++;
    if (hits <= failures) {
      res.writeHead(status, { "content-type": "text/plain", ...headers });
      res.end("try again");
      return;
    }
    res.writeHead(200, { "content-type": type });
    res.end(body);
  };
}

function routes(): Routes {
  return {
    "/503-once.html": failingFirst(1, 503),
    "/429-retry-after.html": failingFirst(1, 429, { "retry-after": "1" }),
    "/retry-after-ms.html": failingFirst(1, 503, { "retry-after": "5", "retry-after-ms": "40" }),
    "/retry-after-zero.html": failingFirst(1, 503, { "retry-after": "0" }),
    "/408-once.html": failingFirst(1, 408),
    "/always-500.html": { status: 500, body: "oops" },
    "/always-502.html": { status: 502, body: "bad gateway" },
    "/always-503.html": { status: 503, body: "down" },
    "/always-504.html": { status: 504, body: "gateway timeout" },
    "/404.html": { status: 404, body: "gone" },
    "/403.html": { status: 403, body: "forbidden" },
    "/busy-for-an-hour.html": { status: 503, headers: { "retry-after": "3600" }, body: "maintenance" },
    "/busy-for-5s.html": { status: 503, headers: { "retry-after": "5" }, body: "busy" },
    "/redirect-to-flaky": { status: 302, headers: { location: "/503-after-redirect.html" } },
    "/503-after-redirect.html": failingFirst(1, 503),
    "/flaky.png": failingFirst(1, 502, {}, PNG_BYTES as unknown as string, "image/png"),
  };
}

let server: TestServer;

beforeAll(async () => {
  server = await startServer(routes());
});

afterAll(async () => {
  await server.close();
});

/** A sleep that returns at once and records what it was asked to wait. */
function recordingSleep(): { delays: number[]; sleep: Sleep } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms) => {
      delays.push(ms);
    },
  };
}

function hits(pathname: string): number {
  return server.requests.filter((request) => request.path === pathname).length;
}

async function failure(pathname: string, options: IngestOptions): Promise<FetchError> {
  try {
    await extractArticle(server.url(pathname), options);
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error(`expected ${pathname} to fail`);
}

describe("retries against a real HTTP server", () => {
  it("succeeds after a 503, having waited once with backoff", async () => {
    const { delays, sleep } = recordingSleep();
    const article = await extractArticle(server.url("/503-once.html"), { sleep, random: () => 0 });
    expect(article.title).toBe("Back on its feet");
    expect(delays).toEqual([250]);
    expect(hits("/503-once.html")).toBe(2);
  });

  it("waits as long as Retry-After says on a 429", async () => {
    const { delays, sleep } = recordingSleep();
    const article = await extractArticle(server.url("/429-retry-after.html"), { sleep, random: () => 0 });
    expect(article.title).toBe("Back on its feet");
    expect(delays).toEqual([1000]);
  });

  it("prefers retry-after-ms over Retry-After", async () => {
    const { delays, sleep } = recordingSleep();
    await extractArticle(server.url("/retry-after-ms.html"), { sleep });
    expect(delays).toEqual([40]);
  });

  it("retries at once when Retry-After is 0", async () => {
    const { delays, sleep } = recordingSleep();
    await extractArticle(server.url("/retry-after-zero.html"), { sleep });
    expect(delays).toEqual([0]);
    expect(hits("/retry-after-zero.html")).toBe(2);
  });

  it("retries a 408", async () => {
    const { delays, sleep } = recordingSleep();
    await extractArticle(server.url("/408-once.html"), { sleep, random: () => 0 });
    expect(delays).toEqual([250]);
  });

  it("retries the address a redirect led to, not the redirect", async () => {
    const { sleep } = recordingSleep();
    const article = await extractArticle(server.url("/redirect-to-flaky"), { sleep });
    expect(article.title).toBe("Back on its feet");
    expect(hits("/redirect-to-flaky")).toBe(1);
    expect(hits("/503-after-redirect.html")).toBe(2);
  });

  it("gives up with E_HTTP_STATUS and the last status after 1 + maxRetries requests, doubling the wait", async () => {
    const { delays, sleep } = recordingSleep();
    const error = await failure("/always-500.html", { sleep, random: () => 0.5, maxRetries: 3 });
    expect(error.code).toBe("E_HTTP_STATUS");
    expect(error.status).toBe(500);
    expect(error.message).toBe(`HTTP 500 Internal Server Error from ${server.url("/always-500.html")} after 4 attempts`);
    expect(error.hint).toMatch(/later/);
    expect(hits("/always-500.html")).toBe(4);
    // 250, 500 and 1000 ms, each less 12.5 % jitter.
    expect(delays).toEqual([219, 438, 875]);
  });

  it.each([
    ["/always-502.html", 502],
    ["/always-503.html", 503],
    ["/always-504.html", 504],
  ])("retries %s twice by default", async (pathname, status) => {
    const { delays, sleep } = recordingSleep();
    const error = await failure(pathname, { sleep });
    expect(error).toMatchObject({ code: "E_HTTP_STATUS", status });
    expect(hits(pathname)).toBe(3);
    expect(delays).toHaveLength(2);
  });

  it.each(["/404.html", "/403.html"])("does not retry %s", async (pathname) => {
    const { delays, sleep } = recordingSleep();
    const error = await failure(pathname, { sleep });
    expect(error.code).toBe("E_HTTP_STATUS");
    expect(error.message).not.toContain("attempts");
    expect(hits(pathname)).toBe(1);
    expect(delays).toEqual([]);
  });

  it("does not retry when maxRetries is 0", async () => {
    const before = hits("/always-503.html");
    const { delays, sleep } = recordingSleep();
    const error = await failure("/always-503.html", { sleep, maxRetries: 0 });
    expect(error).toMatchObject({ code: "E_HTTP_STATUS", status: 503 });
    expect(error.message).toBe(`HTTP 503 Service Unavailable from ${server.url("/always-503.html")}`);
    expect(hits("/always-503.html") - before).toBe(1);
    expect(delays).toEqual([]);
  });

  it("fails at once when Retry-After asks for more than 10 s", async () => {
    const { delays, sleep } = recordingSleep();
    const error = await failure("/busy-for-an-hour.html", { sleep });
    expect(error).toMatchObject({ code: "E_HTTP_STATUS", status: 503 });
    expect(error.message).toBe(`HTTP 503 Service Unavailable from ${server.url("/busy-for-an-hour.html")}; the server asks to retry after 3600 s`);
    expect(error.hint).toContain("3600 s");
    expect(hits("/busy-for-an-hour.html")).toBe(1);
    expect(delays).toEqual([]);
  });

  it("fails at once when Retry-After asks for more than the time budget has left", async () => {
    const { delays, sleep } = recordingSleep();
    const error = await failure("/busy-for-5s.html", { sleep, timeoutMs: 2000 });
    expect(error.code).toBe("E_HTTP_STATUS");
    expect(error.message).toContain("retry after 5 s");
    expect(delays).toEqual([]);
    expect(hits("/busy-for-5s.html")).toBe(1);
  });

  it("stops waiting with E_ABORTED when the caller cancels during the wait", async () => {
    const before = hits("/always-502.html");
    const controller = new AbortController();
    const error = await failure("/always-502.html", {
      signal: controller.signal,
      // Cancel while the real sleep is about to wait; it must reject at once rather than wait.
      sleep: (ms, signal) => {
        controller.abort();
        return abortableSleep(ms, signal);
      },
    });
    expect(error.code).toBe("E_ABORTED");
    expect(hits("/always-502.html") - before).toBe(1);
  });

  it("retries fetchBytes downloads too", async () => {
    const { delays, sleep } = recordingSleep();
    const fetched = await fetchBytes(server.url("/flaky.png"), { sleep, random: () => 0 });
    expect(Buffer.from(fetched.body).equals(PNG_BYTES)).toBe(true);
    expect(delays).toEqual([250]);
    expect(hits("/flaky.png")).toBe(2);
  });
});

describe("retryDelay", () => {
  const base = { retryAfter: null, retryAfterMs: null, now: 0, random: 0 };

  it("doubles from 250 ms and caps at 4 s", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => retryDelay({ ...base, attempt }).ms)).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
    expect(MAX_BACKOFF_MS).toBe(4000);
  });

  it("takes up to a quarter off for jitter", () => {
    expect(retryDelay({ ...base, attempt: 2, random: 0.999 })).toEqual({ ms: 750, fromServer: false });
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(retryDelay({ ...base, attempt: 0, retryAfter: "7" })).toEqual({ ms: 7000, fromServer: true });
    const now = Date.parse("Wed, 21 Oct 2015 07:27:58 GMT");
    expect(retryDelay({ ...base, attempt: 0, now, retryAfter: "Wed, 21 Oct 2015 07:28:00 GMT" })).toEqual({ ms: 2000, fromServer: true });
    expect(retryDelay({ ...base, attempt: 0, now, retryAfter: "Wed, 21 Oct 2015 07:00:00 GMT" }).ms).toBe(0);
  });

  it("lets retry-after-ms win and falls back to backoff on an unreadable header", () => {
    expect(retryDelay({ ...base, attempt: 0, retryAfter: "7", retryAfterMs: "12.5" }).ms).toBe(13);
    expect(retryDelay({ ...base, attempt: 1, retryAfter: "soon", retryAfterMs: "-5" })).toEqual({ ms: 500, fromServer: false });
  });
});
