import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractArticle, fetchBytes } from "../src/ingest/index.js";
import { defaultMediaSettings, matchMedia } from "../src/match/index.js";
import { writeScript } from "../src/script/index.js";
import { startServer, type TestServer } from "./helpers/serve.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const repo = path.resolve(import.meta.dirname, "..");
let server: TestServer;

const paragraphs = [
  "The harbour crane lifted its first container at dawn, watched by a crowd of dock workers and their families.",
  "Engineers spent three years testing the crane on a smaller quay before moving it to the main harbour.",
  "A broken photo sits here, and the video must be made all the same.",
  "Night shifts will start next month, when the crane's floodlights are installed along the quay.",
];

beforeAll(async () => {
  const photo = await readFile(path.join(repo, "samples/articles/images/bike-lane-green.jpg"));
  const tiny = await readFile(path.join(repo, "samples/articles/images/kp-badge.png"));
  const page = `<!doctype html><html lang="en"><head><title>The new harbour crane</title>
    <meta property="og:site_name" content="Harbour News"><meta property="og:image" content="/lead.jpg"></head>
    <body><article><h1>The new harbour crane</h1>
    <p>${paragraphs[0]}</p><figure><img src="/crane.jpg" alt="the crane at dawn" width="1600" height="900"><figcaption>The crane at dawn</figcaption></figure>
    <p>${paragraphs[1]}</p><figure><img src="/missing.jpg" alt="a missing photo" width="1600" height="900"></figure>
    <p>${paragraphs[2]}</p><figure><img src="/not-an-image.jpg" alt="html pretending" width="1600" height="900"></figure>
    <figure><img src="/badge.png" alt="a tiny badge" width="400" height="300"></figure>
    <figure><img src="file:///etc/hostname" alt="a local file named by a web page" width="1600" height="900"></figure>
    <p>${paragraphs[3]}</p></article></body></html>`;
  server = await startServer({
    "/post.html": { headers: { "content-type": "text/html; charset=utf-8" }, body: page },
    "/lead.jpg": { headers: { "content-type": "image/jpeg" }, body: photo },
    "/crane.jpg": { headers: { "content-type": "image/jpeg" }, body: Buffer.concat([photo, Buffer.from([0])]) },
    "/not-an-image.jpg": { headers: { "content-type": "image/jpeg" }, body: "<html>nope</html>" },
    "/badge.png": { headers: { "content-type": "image/png" }, body: tiny },
  });
});

afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

describe("matchMedia with the article's own images", () => {
  it("uses the good images, skips broken and tiny ones with warnings, and caches by content", async () => {
    const cacheDir = await makeTempDir("match");
    const article = await extractArticle(server.url("/post.html"));
    // A web page must not make reelpress read local files.
    expect(article.blocks.filter((b) => b.type === "image").map((b) => b.src)).not.toContain("file:///etc/hostname");
    const script = writeScript(article, { durationSeconds: 60 });
    const result = await matchMedia(article, script, {
      cacheDir,
      fetchBytes: (url, o) => fetchBytes(url, o),
      maxBytes: 10 * 1024 * 1024,
      aspect: "16:9",
      wordsPerMinute: 160,
      media: defaultMediaSettings(),
    });

    expect(result.media).toHaveLength(script.scenes.length);
    const origins = result.media.map((m) => (m.kind === "image" ? m.origin : m.kind));
    expect(origins[0]).toBe(server.url("/lead.jpg"));
    expect(origins).toContain(server.url("/crane.jpg"));
    expect(origins.at(-1)).toBe("generated");
    expect(result.warnings.join("\n")).toMatch(/missing\.jpg: .*404/);
    expect(result.warnings.join("\n")).toMatch(/not-an-image\.jpg/);
    expect(result.warnings.join("\n")).toMatch(/badge\.png: 40×30 is too small/);
    for (const media of result.media) {
      if (media.kind !== "image") continue;
      expect(media.width).toBe(1600);
      expect(path.dirname(media.file)).toBe(path.join(cacheDir, "media"));
    }
    expect((await readdir(path.join(cacheDir, "media"))).filter((f) => f.endsWith(".jpg"))).toHaveLength(2);
  });
});
