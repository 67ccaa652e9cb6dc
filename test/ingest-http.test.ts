import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError, ReelpressError } from "../src/errors.js";
import { DEFAULT_INGEST_OPTIONS, extractArticle, fetchBytes, isUrlLike, type IngestOptions } from "../src/ingest/index.js";
import { encodeLegacy } from "./helpers/ingest-encode.js";
import { articlePage, ENGLISH_FILLER } from "./helpers/ingest-pages.js";
import { startServer, type Routes, type TestServer } from "./helpers/serve.js";

const UTF8_TEXT = "Café Müller serves crème brûlée — and the naïve façade of 東京 cafés is déjà vu.";
const CP1252_TEXT = "Señor Müller’s café – a naïve façade, déjà vu for the über-critic.";
const GBK_TEXT = "北京时间今天上午，国家统计局发布了最新的经济数据，显示消费市场继续稳定恢复，居民收入稳步增长。";
const SJIS_TEXT = "東京の朝は早い。駅のホームには通勤客があふれ、コーヒーの香りが漂っている。";
const EUCJP_TEXT = "大阪の夜は賑やかだ。道頓堀のネオンが川面に映り、たこ焼きの屋台に行列ができている。";

const PNG_BYTES = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");

function html(headers: Record<string, string>, body: string | Buffer) {
  return { headers, body };
}

function routes(): Routes {
  const page = (title: string, paragraphs: string[], head = "", lang?: string) =>
    articlePage({ title, paragraphs: [...paragraphs, ...ENGLISH_FILLER], head, lang });
  return {
    "/utf8.html": html({ "content-type": "text/html; charset=utf-8" }, page("A UTF-8 page", [UTF8_TEXT], "", "en")),
    "/cp1252.html": html(
      { "content-type": "text/html; charset=windows-1252" },
      encodeLegacy(page("Señor Müller – a 1252 page", [CP1252_TEXT]), "windows-1252"),
    ),
    "/latin1-undeclared.html": html(
      { "content-type": "text/html" },
      encodeLegacy(page("An undeclared legacy page", [CP1252_TEXT]), "windows-1252"),
    ),
    "/gbk.html": html(
      { "content-type": "text/html" },
      encodeLegacy(
        articlePage({ title: "经济数据发布", paragraphs: [GBK_TEXT, GBK_TEXT, GBK_TEXT], head: '<meta charset="gbk">' }),
        "gbk",
      ),
    ),
    "/sjis.html": html(
      { "content-type": "text/html; charset=Shift_JIS" },
      encodeLegacy(articlePage({ title: "東京の朝", paragraphs: [SJIS_TEXT, SJIS_TEXT, SJIS_TEXT] }), "shift_jis"),
    ),
    "/eucjp.html": html(
      { "content-type": "text/html" },
      encodeLegacy(
        articlePage({
          title: "大阪の夜",
          paragraphs: [EUCJP_TEXT, EUCJP_TEXT, EUCJP_TEXT],
          head: '<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">',
        }),
        "euc-jp",
      ),
    ),
    "/mislabelled.html": html(
      { "content-type": "text/html" },
      articlePage({ title: "标签错误的页面", paragraphs: [GBK_TEXT, GBK_TEXT], head: '<meta charset="gb2312">' }),
    ),
    "/bom.html": html(
      { "content-type": "text/html; charset=iso-8859-1" },
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page("A page with a BOM", [UTF8_TEXT]))]),
    ),
    "/images.html": html(
      { "content-type": "text/html" },
      articlePage({
        title: "Pictures of the harbour",
        lang: "en-GB",
        head: `<meta property="og:image" content="/media/lead.jpg">
          <meta property="og:image:alt" content="The harbour at dawn">
          <meta property="og:site_name" content="Harbour Times">
          <meta property="article:published_time" content="2024-05-01T08:00:00Z">
          <meta name="author" content="Ana Pereira">
          <link rel="canonical" href="https://harbour.example/articles/pictures">`,
        paragraphs: ENGLISH_FILLER,
        extra: `<figure><img src="img/boats.jpg" alt="Boats in the harbour"><figcaption>Boats at rest after the storm.</figcaption></figure>
          <p>${ENGLISH_FILLER[0]}</p>
          <img srcset="img/market-480.jpg 480w, img/market-1200.jpg 1200w" src="img/market-480.jpg" alt="The market">
          <p>${ENGLISH_FILLER[1]}</p>
          <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="../lazy/nets.jpg" alt="Nets">
          <p>${ENGLISH_FILLER[2]}</p>`,
      }),
    ),
    "/markdown": html(
      { "content-type": "text/markdown; charset=utf-8" },
      `# Notes from the harbour\n\n${ENGLISH_FILLER.join("\n\n")}\n\n![Boats](boats.png "Boats at rest")\n`,
    ),
    "/redirect/1": { status: 302, headers: { location: "/redirect/2" } },
    "/redirect/2": { status: 301, headers: { location: "/redirect/3" } },
    "/redirect/3": { status: 307, headers: { location: "/utf8.html" } },
    "/loop": { status: 302, headers: { location: "/loop" } },
    "/to-file": { status: 302, headers: { location: "file:///etc/passwd" } },
    "/missing": { status: 404, body: "gone" },
    "/broken": { status: 500, body: "oops" },
    "/doc.pdf": html({ "content-type": "application/pdf" }, Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n")),
    "/pixel.png": html({ "content-type": "image/png" }, PNG_BYTES),
    "/data.json": html({ "content-type": "application/json" }, '{"title":"not a page"}'),
    "/big-declared.html": html({ "content-type": "text/html" }, page("Big", ["x".repeat(64 * 1024)])),
    "/big-streamed.html": (_req, res) => {
      // No Content-Length: the body arrives chunked and the cap has to be enforced while reading.
      res.writeHead(200, { "content-type": "text/html" });
      for (let i = 0; i < 64; i++) res.write(`<p>${"y".repeat(1024)}</p>`);
      res.end();
    },
    "/hang": () => {
      // Never answers: only the client's timeout ends this request.
    },
    "/hang-body": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body><p>the rest never comes");
    },
    "/reset-once.html": (req, res) => {
      // The first request dies before any response, like a kept-alive socket the server just closed.
      resetOnceHits++;
      if (resetOnceHits === 1) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { "content-type": "text/html" });
      res.end(page("Second time lucky", [UTF8_TEXT]));
    },
    "/reset-always.html": (req) => {
      req.socket.destroy();
    },
    "/nav-only.html": html(
      { "content-type": "text/html" },
      `<html><head><title>Links</title></head><body><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li><li><a href="/c">C</a></li></ul></body></html>`,
    ),
  };
}

let server: TestServer;
let resetOnceHits = 0;

beforeAll(async () => {
  server = await startServer(routes());
});

afterAll(async () => {
  await server.close();
});

async function failure(input: string, options?: IngestOptions): Promise<ReelpressError> {
  try {
    await extractArticle(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ReelpressError);
    return error as ReelpressError;
  }
  throw new Error(`expected ${input} to fail`);
}

function expectOneLine(error: ReelpressError): void {
  expect(error.message).not.toMatch(/\n/);
  expect(error.message).not.toMatch(/\bat .+:\d+:\d+/);
}

describe("decoding", () => {
  it("reads a UTF-8 page", async () => {
    const article = await extractArticle(server.url("/utf8.html"));
    expect(article.text).toContain(UTF8_TEXT);
    expect(article.lang).toBe("en");
  });

  it("decodes windows-1252 declared in the Content-Type header", async () => {
    const article = await extractArticle(server.url("/cp1252.html"));
    expect(article.title).toBe("Señor Müller – a 1252 page");
    expect(article.text).toContain(CP1252_TEXT);
  });

  it("falls back to windows-1252 when nothing is declared and the bytes are not UTF-8", async () => {
    const article = await extractArticle(server.url("/latin1-undeclared.html"));
    expect(article.text).toContain(CP1252_TEXT);
  });

  it("decodes GBK declared only in <meta charset>", async () => {
    const article = await extractArticle(server.url("/gbk.html"));
    expect(article.title).toBe("经济数据发布");
    expect(article.text).toContain(GBK_TEXT);
    expect(article.lang).toBe("zh-CN");
  });

  it("decodes Shift_JIS declared in the header", async () => {
    const article = await extractArticle(server.url("/sjis.html"));
    expect(article.title).toBe("東京の朝");
    expect(article.text).toContain(SJIS_TEXT);
    expect(article.lang).toBe("ja");
  });

  it("decodes EUC-JP declared in <meta http-equiv>", async () => {
    const article = await extractArticle(server.url("/eucjp.html"));
    expect(article.text).toContain(EUCJP_TEXT);
  });

  it("reads UTF-8 bytes as UTF-8 even when the page claims gb2312", async () => {
    const article = await extractArticle(server.url("/mislabelled.html"));
    expect(article.title).toBe("标签错误的页面");
    expect(article.text).toContain(GBK_TEXT);
  });

  it("lets a byte-order mark win over the declared charset", async () => {
    const article = await extractArticle(server.url("/bom.html"));
    expect(article.text).toContain(UTF8_TEXT);
    expect(article.title).toBe("A page with a BOM");
  });
});

describe("article content and metadata", () => {
  it("resolves image src, srcset and data-src against the page URL and keeps captions in order", async () => {
    const article = await extractArticle(server.url("/images.html"));
    const images = article.blocks.filter((block) => block.type === "image");
    expect(images).toEqual([
      { type: "image", id: expect.any(String), src: server.url("/img/boats.jpg"), alt: "Boats in the harbour", caption: "Boats at rest after the storm." },
      { type: "image", id: expect.any(String), src: server.url("/img/market-1200.jpg"), alt: "The market", caption: null },
      { type: "image", id: expect.any(String), src: server.url("/lazy/nets.jpg"), alt: "Nets", caption: null },
    ]);
    expect(article.blocks.map((block) => block.id)).toEqual(article.blocks.map((_, index) => `b${index}`));
    const kinds = article.blocks.map((block) => block.type);
    expect(kinds.indexOf("image")).toBeGreaterThan(kinds.indexOf("paragraph"));
  });

  it("drops the leading heading that repeats the title", async () => {
    const article = await extractArticle(server.url("/images.html"));
    expect(article.blocks.some((block) => block.type === "heading" && block.text === "Pictures of the harbour")).toBe(false);
    expect(article.title).toBe("Pictures of the harbour");
  });

  it("takes lead image, site name, date, author, language and canonical URL from the page's metadata", async () => {
    const article = await extractArticle(server.url("/images.html"));
    expect(article).toMatchObject({
      source: server.url("/images.html"),
      url: "https://harbour.example/articles/pictures",
      leadImage: { src: server.url("/media/lead.jpg"), alt: "The harbour at dawn" },
      siteName: "Harbour Times",
      publishedTime: "2024-05-01T08:00:00Z",
      byline: "Ana Pereira",
      lang: "en-GB",
    });
    expect(article.wordCount).toBeGreaterThan(100);
  });

  it("reads a text/markdown response as Markdown", async () => {
    const article = await extractArticle(server.url("/markdown"));
    expect(article.title).toBe("Notes from the harbour");
    expect(article.blocks.at(-1)).toMatchObject({ type: "image", src: server.url("/boats.png"), caption: "Boats at rest" });
  });

  it("sends its User-Agent and an Accept header that prefers HTML", async () => {
    await extractArticle(server.url("/utf8.html"));
    const request = server.requests.filter((entry) => entry.path === "/utf8.html").at(-1)!;
    expect(request.headers["user-agent"]).toBe("reelpress/0.1 (+https://github.com/reelpress/reelpress)");
    expect(request.headers.accept).toMatch(/^text\/html/);
  });

  it("reports progress for fetch then parse", async () => {
    const stages: string[] = [];
    await extractArticle(server.url("/utf8.html"), { onProgress: (progress) => stages.push(progress.stage) });
    expect(stages).toEqual(["fetch", "parse"]);
  });
});

describe("redirects", () => {
  it("follows a redirect chain within the cap and records the address asked for", async () => {
    const article = await extractArticle(server.url("/redirect/1"), { maxRedirects: 3 });
    expect(article.text).toContain(UTF8_TEXT);
    expect(article.source).toBe(server.url("/redirect/1"));
    expect(article.url).toBe(server.url("/utf8.html"));
  });

  it("stops with E_TOO_MANY_REDIRECTS one hop past the cap", async () => {
    const error = await failure(server.url("/redirect/1"), { maxRedirects: 2 });
    expect(error.code).toBe("E_TOO_MANY_REDIRECTS");
    expect(error.message).toBe(`Too many redirects: more than 2 starting from ${server.url("/redirect/1")}`);
  });

  it("stops a redirect loop with the default cap", async () => {
    const before = server.requests.filter((entry) => entry.path === "/loop").length;
    const error = await failure(server.url("/loop"));
    expect(error.code).toBe("E_TOO_MANY_REDIRECTS");
    const after = server.requests.filter((entry) => entry.path === "/loop").length;
    expect(after - before).toBe(DEFAULT_INGEST_OPTIONS.maxRedirects + 1);
  });

  it("refuses to follow a redirect to a file: URL", async () => {
    const error = await failure(server.url("/to-file"));
    expect(error.code).toBe("E_INVALID_URL");
    expect(error.message).toContain('"file:"');
  });
});

describe("HTTP failures", () => {
  it("reports a 404 with its status", async () => {
    const error = await failure(server.url("/missing"));
    expect(error.code).toBe("E_HTTP_STATUS");
    expect(error.message).toBe(`HTTP 404 Not Found from ${server.url("/missing")}`);
    expect((error as FetchError).status).toBe(404);
    expectOneLine(error);
  });

  it("reports a 500 with its status", async () => {
    // Retries are covered in ingest-retry.test.ts; here only the failure's shape matters.
    const error = await failure(server.url("/broken"), { maxRetries: 0 });
    expect(error.code).toBe("E_HTTP_STATUS");
    expect(error.message).toBe(`HTTP 500 Internal Server Error from ${server.url("/broken")}`);
    expect(error.hint).toMatch(/later/);
  });

  it.each([
    ["/doc.pdf", "application/pdf"],
    ["/pixel.png", "image/png"],
    ["/data.json", "application/json"],
  ])("refuses %s as E_NOT_HTML naming %s", async (pathname, type) => {
    const error = await failure(server.url(pathname));
    expect(error.code).toBe("E_NOT_HTML");
    expect(error.message).toBe(`${server.url(pathname)} is ${type}, not an HTML page`);
  });

  it("rejects a body whose Content-Length is over the cap", async () => {
    const error = await failure(server.url("/big-declared.html"), { maxBytes: 16 * 1024 });
    expect(error.code).toBe("E_TOO_LARGE");
    expect(error.message).toMatch(/too large: 64\.\d KiB, the cap is 16 KiB$/);
  });

  it("stops reading a streamed body once it passes the cap", async () => {
    const error = await failure(server.url("/big-streamed.html"), { maxBytes: 16 * 1024 });
    expect(error.code).toBe("E_TOO_LARGE");
    expect(error.message).toContain("more than 16 KiB, the cap is 16 KiB");
  });

  it("times out when the server never answers", async () => {
    const error = await failure(server.url("/hang"), { timeoutMs: 300 });
    expect(error.code).toBe("E_TIMEOUT");
    expect(error.message).toBe(`Timed out after 300 ms fetching ${server.url("/hang")}`);
    expectOneLine(error);
  });

  it("times out when the body stalls after the headers", async () => {
    const error = await failure(server.url("/hang-body"), { timeoutMs: 300 });
    expect(error.code).toBe("E_TIMEOUT");
  });

  it("reports E_ABORTED when the caller cancels", async () => {
    const controller = new AbortController();
    const pending = extractArticle(server.url("/hang"), { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "E_ABORTED" });
  });

  it("says there is no article on a page of links, and suggests a file instead", async () => {
    const error = await failure(server.url("/nav-only.html"));
    expect(error.code).toBe("E_NOT_READABLE");
    expect(error.hint).toContain("pass a Markdown or text file instead");
    expectOneLine(error);
  });

  it("sends a GET again once when the connection is reset before any response", async () => {
    const article = await extractArticle(server.url("/reset-once.html"));
    expect(article.title).toBe("Second time lucky");
    expect(resetOnceHits).toBe(2);
  });

  it("gives up with E_NETWORK when the connection keeps being reset", async () => {
    const error = await failure(server.url("/reset-always.html"));
    expect(error.code).toBe("E_NETWORK");
    expect(error.message).toMatch(/^Network error fetching http:\/\/127\.0\.0\.1:\d+\/reset-always\.html \(\w+\)$/);
    expect(server.requests.filter((entry) => entry.path === "/reset-always.html")).toHaveLength(2);
  });

  it("reports a refused connection", async () => {
    const closed = await startServer();
    const url = closed.url("/page.html");
    await closed.close();
    const error = await failure(url, { timeoutMs: 5000 });
    expect(error.code).toBe("E_CONNECTION_REFUSED");
    expect(error.message).toBe(`Connection refused by 127.0.0.1:${closed.port}`);
  });

  it("reports a host that does not resolve (.invalid never does)", async () => {
    const error = await failure("http://reelpress-test.invalid/article", { timeoutMs: 5000 });
    expect(error.code).toBe("E_DNS");
    expect(error.message).toMatch(/^Could not resolve host reelpress-test\.invalid/);
  });
});

describe("URL validation", () => {
  it.each(["file:///etc/passwd", "javascript:alert(1)", "http://", "htp:/x", "ftp://example.com/a.html", "mailto:a@b.c"])(
    "rejects %s as E_INVALID_URL without touching the network or the disk",
    async (input) => {
      const error = await failure(input);
      expect(error.code).toBe("E_INVALID_URL");
      expectOneLine(error);
    },
  );

  it("tells a URL attempt from a path", () => {
    expect(isUrlLike("https://example.com")).toBe(true);
    expect(isUrlLike("htp:/x")).toBe(true);
    expect(isUrlLike("javascript:alert(1)")).toBe(true);
    expect(isUrlLike("C:\\articles\\post.md")).toBe(false);
    expect(isUrlLike("c:/articles/post.md")).toBe(false);
    expect(isUrlLike("./post.md")).toBe(false);
    expect(isUrlLike("notes/post.html")).toBe(false);
  });
});

describe("fetchBytes", () => {
  it("downloads any content type with the same limits", async () => {
    const fetched = await fetchBytes(server.url("/pixel.png"), { accept: "image/*" });
    expect(Buffer.from(fetched.body).equals(PNG_BYTES)).toBe(true);
    expect(fetched.contentType).toBe("image/png");
  });

  it("fails with the same codes as article fetching", async () => {
    await expect(fetchBytes(server.url("/missing"))).rejects.toMatchObject({ code: "E_HTTP_STATUS", status: 404 });
    await expect(fetchBytes(server.url("/big-streamed.html"), { maxBytes: 1024 })).rejects.toMatchObject({ code: "E_TOO_LARGE" });
  });
});
