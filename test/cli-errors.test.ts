import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slugify } from "../src/cli/parse-options.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";
import { cli } from "./helpers/run-cli.js";
import { removeTempDirs } from "./helpers/temp-dir.js";
import { startServer, type TestServer } from "./helpers/serve.js";

const repo = path.resolve(import.meta.dirname, "..");
let server: TestServer;
let refusedPort: number;

beforeAll(async () => {
  server = await startServer({
    "/missing.html": { status: 404, headers: { "content-type": "text/html" }, body: "<h1>gone</h1>" },
    "/broken.html": { status: 500, headers: { "content-type": "text/html" }, body: "oops" },
    "/paper.pdf": { headers: { "content-type": "application/pdf" }, body: "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj" },
    "/photo.png": { headers: { "content-type": "image/png" }, body: Buffer.from("89504e470d0a1a0a", "hex") },
    "/huge.html": { headers: { "content-type": "text/html" }, body: `<html><body><p>${"word ".repeat(2000)}</p></body></html>` },
    "/nav.html": { headers: { "content-type": "text/html" }, body: '<html><body><nav><a href="/a">Home</a> <a href="/b">About</a></nav></body></html>' },
    "/hang.html": () => {
      /* never answers */
    },
  });
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  refusedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});

afterAll(async () => {
  await server?.close();
  await removeTempDirs();
});

async function configDir(config: object): Promise<string> {
  const run = await cli(["--version"]);
  await writeFile(path.join(run.cwd, "reelpress.config.json"), JSON.stringify(config));
  return run.cwd;
}

function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe("bad sources give a one-line error and exit code 1", () => {
  const cases: [string, () => string, RegExp][] = [
    ["a javascript: URL", () => "javascript:alert(1)", /javascript/i],
    ["a file: URL", () => "file:///etc/passwd", /file:/],
    ["a URL with no host", () => "http://", /URL/i],
    ["a host that does not resolve", () => "http://reelpress-test.invalid/post", /resolve|DNS|not found/i],
    ["a refused connection", () => `http://127.0.0.1:${refusedPort}/post`, /refused/i],
    ["a 404", () => server.url("/missing.html"), /404/],
    ["a 500", () => server.url("/broken.html"), /500/],
    ["a PDF", () => server.url("/paper.pdf"), /application\/pdf/],
    ["an image", () => server.url("/photo.png"), /image\/png/],
    ["a page with no article", () => server.url("/nav.html"), /article|readable/i],
    ["a missing file", () => path.join(repo, "samples/articles/no-such-post.html"), /no-such-post\.html/],
    ["an unsupported file type", () => path.join(repo, "package.json"), /\.json/],
  ];
  for (const [name, source, pattern] of cases) {
    it(`rejects ${name}`, async () => {
      const run = await cli(["extract", source()]);
      expect(run.code).toBe(1);
      expectOneLineError(run.stderr, pattern);
      expect(run.stdout).toBe("");
    });
  }

  it("rejects a page that takes longer than the timeout", async () => {
    const cwd = await configDir({ fetch: { timeoutMs: 300 } });
    const run = await cli(["extract", server.url("/hang.html")], cwd);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, /timed out|timeout/i);
  });

  it("rejects a page larger than the size cap", async () => {
    const cwd = await configDir({ fetch: { maxBytes: 2048 } });
    const run = await cli(["extract", server.url("/huge.html")], cwd);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, /larger|too large|2 KiB|2048/i);
  });

  it("prints a JSON error with its code under --json", async () => {
    const run = await cli(["extract", server.url("/missing.html"), "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: "E_HTTP_STATUS" } });
  });
});

describe("usage errors exit with code 2", () => {
  it.each([
    [["make"], /missing required argument/],
    [["make", "a.html", "--aspect", "4:3"], /16:9, 9:16, 1:1/],
    [["make", "a.html", "--duration", "soon"], /seconds/],
    [["make", "a.html", "--frobnicate"], /unknown option/],
    [["render", "story.json", "-o", "movie.avi"], /\.mp4/],
    [["plan", "a.html", "-o", "movie.mp4"], /\.json/],
    [["launch"], /unknown command/],
  ])("%j", async (args, pattern) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(pattern);
  });

  it("asks for a key or a server when --script openai has neither", async () => {
    const run = await cli(["plan", "a.html", "--script", "openai"], undefined, {});
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/OPENAI_API_KEY.*--llm-base-url/);
  });

  it("rejects an --llm-base-url that is not http(s)", async () => {
    const run = await cli(["plan", "a.html", "--script", "openai", "--llm-base-url", "ftp://x/v1"], undefined, {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/must be an http\(s\) URL/);
  });

  it("rejects an unknown --script writer", async () => {
    const run = await cli(["plan", "a.html", "--script", "gpt"], undefined, {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/local, openai/);
  });

  it("names the field of a bad config file", async () => {
    const cwd = await configDir({ aspect: "4:3" });
    const run = await cli(["extract", "x.md"], cwd);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, /"aspect"/);
  });

  it.each([["make"], ["extract"], ["plan"], ["render"]])("%s --help exits 0 and lists its options", async (command) => {
    const run = await cli([command, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: reelpress ${command}`);
    expect(run.stdout).toContain("--json");
  });
});

describe("render refuses a bad storyboard and leaves nothing behind", () => {
  it("names the field that is wrong", async () => {
    const run = await cli(["--version"]);
    const board = makeStoryboard() as unknown as { scenes: { headline: string }[] };
    board.scenes[1]!.headline = "";
    await writeFile(path.join(run.cwd, "story.json"), JSON.stringify(board));
    const result = await cli(["render", "story.json", "-o", "out.mp4"], run.cwd);
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /"scenes\[1\]\.headline"/);
    expect((await readdir(run.cwd)).sort()).toEqual(["story.json"]);
  });

  it("keeps an existing output when the render fails", async () => {
    const run = await cli(["--version"]);
    await writeFile(path.join(run.cwd, "story.json"), JSON.stringify(makeStoryboard()));
    await writeFile(path.join(run.cwd, "out.mp4"), "earlier video");
    // Scene 1's image does not exist on this machine, so the render fails before any frame.
    const result = await cli(["render", "story.json", "-o", "out.mp4"], run.cwd);
    expect(result.code).toBe(1);
    expectOneLineError(result.stderr, /does not exist/);
    expect(await readFile(path.join(run.cwd, "out.mp4"), "utf8")).toBe("earlier video");
    expect((await readdir(run.cwd)).sort()).toEqual(["out.mp4", "story.json"]);
  });
});

describe("render backends", () => {
  it("names the first missing Lambda setting and writes nothing", async () => {
    const run = await cli(["--version"]);
    await writeFile(path.join(run.cwd, "story.json"), JSON.stringify(makeStoryboard()));
    const result = await cli(["render", "story.json", "-o", "out.mp4", "--backend", "lambda"], run.cwd, {});
    expect(result.code).not.toBe(0);
    expectOneLineError(result.stderr, /REELPRESS_LAMBDA_REGION/);
    expect(await readdir(run.cwd)).toEqual(["story.json"]);
  });

  it("rejects an unknown backend, on the command line or in REELPRESS_RENDER_BACKEND", async () => {
    const run = await cli(["--version"]);
    await writeFile(path.join(run.cwd, "story.json"), JSON.stringify(makeStoryboard()));
    const flag = await cli(["render", "story.json", "--backend", "cloud"], run.cwd);
    expect(flag.code).toBe(2);
    expectOneLineError(flag.stderr, /"cloud" is not a render backend/);
    const env = await cli(["render", "story.json"], run.cwd, { REELPRESS_RENDER_BACKEND: "cloud" });
    expect(env.code).toBe(2);
    expectOneLineError(env.stderr, /REELPRESS_RENDER_BACKEND is "cloud"/);
    expect(await readdir(run.cwd)).toEqual(["story.json"]);
  });

  it("rejects an unknown compositor, on the command line or in the config file", async () => {
    const run = await cli(["--version"]);
    await writeFile(path.join(run.cwd, "story.json"), JSON.stringify(makeStoryboard()));
    const flag = await cli(["render", "story.json", "--compositor", "gpu"], run.cwd);
    expect(flag.code).toBe(2);
    expectOneLineError(flag.stderr, /"gpu" is not a compositor; use auto or remotion/);
    await writeFile(path.join(run.cwd, "reelpress.config.json"), JSON.stringify({ render: { compositor: "gpu" } }));
    const config = await cli(["render", "story.json"], run.cwd);
    expect(config.code).not.toBe(0);
    expectOneLineError(config.stderr, /compositor/);
    expect((await readdir(run.cwd)).sort()).toEqual(["reelpress.config.json", "story.json"]);
  });
});

describe("slugify", () => {
  it("makes a file name from a title, cut between words", () => {
    expect(slugify("How to Make a Sourdough Starter from Scratch: A Seven-Day Guide")).toBe("how-to-make-a-sourdough-starter-from-scratch-a-seven-day");
    expect(slugify("Crème brûlée, déjà vu!")).toBe("creme-brulee-deja-vu");
    expect(slugify("x".repeat(80))).toBe("x".repeat(60));
    expect(slugify("人工智能")).toBe("");
  });
});
