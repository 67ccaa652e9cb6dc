import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ReelpressError } from "../src/errors.js";
import { runEvalMatch, type EvalMatchReport } from "../src/match/text/eval-match-command.js";
import { evaluatePlainBm25, evaluateTextMatcher, loadFolderSet, loadMedialibSet } from "../src/match/text/index.js";
import { embeddingsServer } from "./helpers/fake-embeddings.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const repoRoot = path.resolve(import.meta.dirname, "..");
const medialib = path.resolve(repoRoot, "../shared/medialib");

afterAll(removeTempDirs);

function captured(): { stream: NodeJS.WritableStream; text: () => string } {
  let text = "";
  const stream = { write: (chunk: string | Uint8Array) => ((text += String(chunk)), true) } as unknown as NodeJS.WritableStream;
  return { stream, text: () => text };
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}, cacheDir?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = captured();
  const stderr = captured();
  const code = await runEvalMatch(args, { stdout: stdout.stream, stderr: stderr.stream, env, cwd: repoRoot, defaultLibrary: medialib, cacheDir });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * A media folder laid out as users keep one: `.txt` sidecars in both namings (the `photo.jpg.txt`
 * one wins), a JSON sidecar, a camera-named file with no sidecar, a video in a subfolder, and
 * files the library does not index (a BMP, a Markdown note).
 */
async function makeLibrary(queries: Array<{ query: string; file: string }>): Promise<{ dir: string; queriesFile: string }> {
  const dir = await makeTempDir("eval-match");
  await mkdir(path.join(dir, "clips"));
  const files: Record<string, string> = {
    "bike.jpg": "media bytes are not read",
    "bike.txt": "A red bicycle leaning against a brick wall",
    "puppies.jpg": "media bytes are not read",
    "puppies.jpg.txt": "Two puppies playing in the snow",
    "puppies.txt": "A cat asleep on a sofa",
    "ramen.png": "media bytes are not read",
    "ramen.json": JSON.stringify({ title: "Noodle soup", description: "Chopsticks lift noodles from a steaming bowl", tags: ["japanese food"] }),
    "IMG_0042_sunset-beach.jpg": "media bytes are not read",
    "clips/harbour.mp4": "media bytes are not read",
    "clips/harbour.txt": "Fishing boats moored in a small harbour at dawn",
    "scan.bmp": "media bytes are not read",
    "scan.txt": "A scanned tax form",
    "notes.md": "not a media file",
  };
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
  const queriesFile = path.join(dir, "queries.json");
  await writeFile(queriesFile, JSON.stringify(queries));
  return { dir, queriesFile };
}

const FOLDER_QUERIES = [
  { query: "dogs at play", file: "puppies.jpg" },
  { query: "a parked bike", file: "bike.jpg" },
  { query: "japanese ramen", file: "ramen.png" },
  { query: "boats in a port", file: "clips/harbour.mp4" },
  { query: "sunset at the beach", file: "IMG_0042_sunset-beach.jpg" },
];

describe("eval:match on the medialib captions", () => {
  it("reaches recall@1 0.52, recall@5 0.80 and MRR 0.64, above plain BM25", () => {
    const set = loadMedialibSet(medialib, 0);
    expect(set.items).toHaveLength(239);
    expect(set.queries).toHaveLength(956);
    const matcher = evaluateTextMatcher(set);
    const baseline = evaluatePlainBm25(set);
    expect(matcher.recallAt1).toBeGreaterThanOrEqual(0.52);
    expect(matcher.recallAt5).toBeGreaterThanOrEqual(0.8);
    expect(matcher.mrr).toBeGreaterThanOrEqual(0.64);
    // The yardstick the issue quotes: about 0.48 / 0.72 / 0.59.
    expect(baseline.recallAt1).toBeCloseTo(0.48, 1);
    expect(baseline.recallAt5).toBeCloseTo(0.72, 1);
    expect(matcher.recallAt1).toBeGreaterThan(baseline.recallAt1);
    expect(matcher.mrr).toBeGreaterThan(baseline.mrr + 0.03);
  });

  it("beats plain BM25 whichever caption is the library text", () => {
    for (const indexed of [1, 2, 3, 4]) {
      const set = loadMedialibSet(medialib, indexed);
      const matcher = evaluateTextMatcher(set);
      const baseline = evaluatePlainBm25(set);
      expect(matcher.recallAt1, `rotation ${indexed}`).toBeGreaterThan(baseline.recallAt1);
      expect(matcher.recallAt5, `rotation ${indexed}`).toBeGreaterThan(baseline.recallAt5);
      expect(matcher.mrr, `rotation ${indexed}`).toBeGreaterThan(baseline.mrr);
    }
  });

  it("ranks as well when the library text is in titles, where a match can pass the query's own score", () => {
    const set = loadMedialibSet(medialib, 0);
    const titled = { ...set, items: set.items.map((item) => ({ ...item, title: item.description, description: "" })) };
    const matcher = evaluateTextMatcher(titled);
    expect(matcher.recallAt1).toBeGreaterThan(evaluatePlainBm25(titled).recallAt1);
    expect(matcher.recallAt1).toBeGreaterThan(0.5);
  });

  it("prints the matcher's line and the plain BM25 line", async () => {
    const { code, stdout } = await run([]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^recall@1=0\.\d{3} recall@5=0\.\d{3} MRR=0\.\d{3} \(956 queries, 239 items\)$/);
    expect(lines[1]).toMatch(/^plain BM25: recall@1=0\.4\d{2} recall@5=0\.7\d{2} MRR=0\.5\d{2} \(956 queries, 239 items\)$/);
  });
});

describe("eval:match --library --queries", () => {
  it("reads the folder as the library provider does", async () => {
    const { dir, queriesFile } = await makeLibrary(FOLDER_QUERIES);
    const set = await loadFolderSet(dir, queriesFile);
    // Only the library's media extensions: no BMP, no Markdown.
    expect(set.items.map((item) => item.id)).toEqual(["IMG_0042_sunset-beach.jpg", "bike.jpg", "clips/harbour.mp4", "puppies.jpg", "ramen.png"]);
    const item = (id: string) => set.items.find((entry) => entry.id === id);
    // `puppies.jpg.txt` wins over `puppies.txt`.
    expect(item("puppies.jpg")).toMatchObject({ title: "puppies", description: "Two puppies playing in the snow" });
    // The camera prefix and counter are not words of the picture.
    expect(item("IMG_0042_sunset-beach.jpg")).toMatchObject({ title: "sunset beach", description: "" });
    // A JSON sidecar's title, description and tags count; the file name becomes a tag.
    expect(item("ramen.png")).toEqual({ id: "ramen.png", title: "Noodle soup", description: "Chopsticks lift noodles from a steaming bowl", tags: ["japanese food", "ramen"] });
    // Folder words go last in the description.
    expect(item("clips/harbour.mp4")?.description).toBe("Fishing boats moored in a small harbour at dawn. clips");

    const { code, stdout } = await run(["--library", dir, "--queries", queriesFile, "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as EvalMatchReport;
    expect(report.matcher).toMatchObject({ queries: 5, items: 5, recallAt1: 1, mrr: 1 });
    // Plain BM25 has no lemmas or synonyms: "dogs" is not "puppies", "bike" is not "bicycle".
    expect(report.baseline.recallAt1).toBeLessThan(1);
  });

  it("refuses a query that names a file the folder does not have", async () => {
    const { dir, queriesFile } = await makeLibrary([{ query: "a cat", file: "cat.jpg" }]);
    await expect(loadFolderSet(dir, queriesFile)).rejects.toThrow(ReelpressError);
    await expect(run(["--library", dir, "--queries", queriesFile])).rejects.toMatchObject({ code: "E_INVALID_INPUT" });
  });

  it("refuses --library without --queries as a usage error", async () => {
    await expect(run(["--library", "somewhere"])).rejects.toMatchObject({ code: "E_USAGE" });
  });

  it("exits 2 for --embeddings with no key and no server", async () => {
    const { code, stderr } = await run(["--embeddings"], {});
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("eval:match --embeddings needs OPENAI_API_KEY or --embeddings-base-url");
  });

  it("re-ranks with the product's embeddings re-ranker against an embeddings server", async () => {
    const { dir, queriesFile } = await makeLibrary(FOLDER_QUERIES);
    const embeddings = await embeddingsServer();
    try {
      const cacheDir = await makeTempDir("eval-match-cache");
      const { code, stdout } = await run(["--embeddings", "--embeddings-base-url", embeddings.server.url("/v1"), "--library", dir, "--queries", queriesFile], {}, cacheDir);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^with embeddings: recall@1=\d\.\d{3} recall@5=\d\.\d{3} MRR=\d\.\d{3} \(5 queries, 5 items\)$/m);
      expect(embeddings.bodies.length).toBeGreaterThan(0);
      const inputs = embeddings.bodies.flatMap((body) => body.input);
      // The query is a free-text scene as `media search` makes it (query, headline, narration), and
      // each candidate's text is joined as the product's re-ranker joins it.
      expect(inputs).toContain("dogs at play. dogs at play. dogs at play");
      expect(inputs).toContain("puppies. Two puppies playing in the snow");
    } finally {
      await embeddings.server.close();
    }
  });
});
