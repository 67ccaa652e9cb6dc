import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatCredits } from "../src/render/index.js";
import { StoryboardSchema, type Storyboard } from "../src/schema/index.js";
import { defaultScript, makeStockMedia, startFakePexels, type FakeStockServer } from "./helpers/fake-pexels.js";
import { embeddingsServer } from "./helpers/fake-embeddings.js";
import { startFakePixabay } from "./helpers/fake-pixabay.js";
import { cli } from "./helpers/run-cli.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const PEXELS_KEY = "pexels-cli-key-0a1b2c";
const PIXABAY_KEY = "pixabay-cli-key-3d4e5f";
const KEYS = { PEXELS_API_KEY: PEXELS_KEY, PIXABAY_API_KEY: PIXABAY_KEY };
let pexels: FakeStockServer;
let pixabay: FakeStockServer;
let work: string;

const ARTICLE = `# A day by the sea

## The beach from above

We flew a drone over the beach for an aerial view of the waves and the sand. From above, the water looked green.

## Seals

A seal rested on the beach, ignoring the people walking past it. Seals come ashore here every winter.

## Spring flowers

Behind the dunes the spring flowers were in full bloom, yellow blossom everywhere. We picked none of them.
`;

beforeAll(async () => {
  work = await makeTempDir("cli-media");
  const media = await makeStockMedia(work);
  pexels = await startFakePexels({ apiKey: PEXELS_KEY, media, now: () => Date.now(), uniqueFiles: true });
  pixabay = await startFakePixabay({ apiKey: PIXABAY_KEY, media, uniqueFiles: true });
  await writeFile(path.join(work, "sea.md"), ARTICLE);
  await writeFile(
    path.join(work, "reelpress.config.json"),
    JSON.stringify({ media: { pexelsBaseUrl: pexels.baseUrl, pixabayBaseUrl: pixabay.baseUrl, maxRetries: 0 } }),
  );
}, 60_000);

afterAll(async () => {
  await pexels?.close();
  await pixabay?.close();
  await removeTempDirs();
});

beforeEach(() => {
  pexels.script = defaultScript();
  pixabay.script = defaultScript();
});

async function planned(args: string[], env: NodeJS.ProcessEnv) {
  const cacheDir = await makeTempDir("cli-media-cache");
  const run = await cli(["plan", "sea.md", "-o", "sea.storyboard.json", "--json", "--cache-dir", cacheDir, ...args], work, env);
  if (run.code !== 0) throw new Error(run.stderr);
  const board: Storyboard | null = run.code === 0 ? StoryboardSchema.parse(JSON.parse(await readFile(path.join(work, "sea.storyboard.json"), "utf8"))) : null;
  return { ...run, json: run.code === 0 ? JSON.parse(run.stdout) : null, board };
}

describe("plan with stock providers", () => {
  it("uses every configured provider, credits the creators, and keeps alternatives per scene", async () => {
    const run = await planned([], KEYS);
    expect(run.code).toBe(0);
    const board = run.board!;
    const providers = new Set(board.scenes.map((s) => s.media.provider));
    expect(providers).toContain("pexels");
    expect(providers).toContain("pixabay");
    const seal = board.scenes.find((s) => /seal/i.test(s.narration))!;
    expect(seal.media.provider).toBe("pexels");
    expect(seal.match!.chosen.title.toLowerCase()).toContain("seal");
    expect(seal.match!.alternatives.length).toBeGreaterThan(0);
    const flowers = board.scenes.find((s) => /flowers/i.test(s.narration))!;
    expect(flowers.media.provider).toBe("pixabay");
    const credits = formatCredits(board);
    expect(credits).toMatch(/Video by Ruvim Miksanskiy on Pexels/);
    expect(credits).toMatch(/from Pixabay/);
    expect(JSON.stringify(board)).not.toContain(PEXELS_KEY);
    expect(JSON.stringify(board)).not.toContain(PIXABAY_KEY);
    // The Markdown article has no images of its own; the stock providers all answered.
    expect(run.json.media.fallbacks).toEqual([{ provider: "article", reason: expect.stringMatching(/^no results for \d of \d scenes$/) }]);
  });

  it("falls back when a key is missing or a provider is down, and says why in --json", async () => {
    pixabay.script.alwaysStatus = 500;
    const run = await planned(["--media", "pexels,pixabay,generated"], { PIXABAY_API_KEY: PIXABAY_KEY });
    expect(run.code).toBe(0);
    const reasons = Object.fromEntries((run.json.media.fallbacks as { provider: string; reason: string }[]).map((f) => [f.provider, f.reason]));
    expect(reasons.pexels).toMatch(/PEXELS_API_KEY is not set/);
    expect(reasons.pixabay).toMatch(/500/);
    expect(run.board!.scenes.every((s) => s.media.provider === "generated")).toBe(true);
    expect(run.json.warnings.join("\n")).toMatch(/pexels gave nothing/);
  });

  it("prints the score table with --explain", async () => {
    const cacheDir = await makeTempDir("cli-media-cache");
    const run = await cli(["plan", "sea.md", "-o", "sea.storyboard.json", "--explain", "--cache-dir", cacheDir], work, KEYS);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Scene \d \(s\d+, content\)/);
    expect(run.stdout).toMatch(/^\s+\*\s+pexels\s+video:\d+\s+[\d.]+/m);
    expect(run.stdout).toContain("total");
  });
});

describe("media swap", () => {
  it("puts a kept alternative on screen, keeps the old choice as an alternative, and refuses a scene that is not there", async () => {
    const run = await planned([], KEYS);
    const before = run.board!;
    const s = before.scenes.findIndex((scene) => scene.media.kind !== "generated" && (scene.match?.alternatives.length ?? 0) > 0);
    const scene = before.scenes[s]!;
    const next = scene.match!.alternatives[0]!;
    const file = path.join(work, "sea.storyboard.json");
    const swap = await cli(["media", "swap", "sea.storyboard.json", scene.id, "1", "--cache-dir", await makeTempDir("cli-media-cache")], work, KEYS);
    expect(swap.stderr).toContain(`now shows ${next.provider} ${next.id}`);
    expect(swap.code).toBe(0);
    const after = StoryboardSchema.parse(JSON.parse(await readFile(file, "utf8")));
    const media = after.scenes[s]!.media;
    expect(media.kind === "generated" ? null : [media.provider, media.sourceId]).toEqual([next.provider, next.id]);
    expect(after.scenes[s]!.match!.chosen.id).toBe(next.id);
    expect(after.scenes[s]!.match!.alternatives[0]!.id).toBe(scene.match!.chosen.id);
    // Every other scene is untouched.
    after.scenes.forEach((x, i) => i !== s && expect(x).toEqual(before.scenes[i]));

    const missing = await cli(["media", "swap", "sea.storyboard.json", "s99"], work, KEYS);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: no scene "s99" in the storyboard/);
    expect(await readFile(file, "utf8")).toBe(`${JSON.stringify(after, null, 2)}\n`);
  });
});

describe("media search", () => {
  it("ranks stock candidates for a text", async () => {
    const run = await cli(["media", "search", "a seal on the beach", "--json", "--cache-dir", await makeTempDir("cli-media-cache")], work, KEYS);
    expect(run.code).toBe(0);
    const found = JSON.parse(run.stdout) as { candidates: { provider: string; title: string; score: { total: number } }[] };
    expect(found.candidates[0]!.title.toLowerCase()).toContain("seal");
    const totals = found.candidates.map((c) => c.score.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it("re-ranks with an embeddings server when asked", async () => {
    const fake = await embeddingsServer();
    try {
      const cacheDir = await makeTempDir("cli-media-cache");
      const run = await cli(["media", "search", "a seal on the beach", "--embeddings", "--llm-base-url", fake.server.url("/v1"), "--json", "--cache-dir", cacheDir], work, KEYS);
      expect(run.code).toBe(0);
      expect(fake.bodies.length).toBeGreaterThan(0);
      expect(fake.bodies[0]!.input[0]).toContain("a seal on the beach");
      const found = JSON.parse(run.stdout) as { candidates: { title: string }[]; warnings: string[] };
      expect(found.candidates[0]!.title.toLowerCase()).toContain("seal");
      expect(found.warnings).toEqual([]);
    } finally {
      await fake.server.close();
    }
  });

  it("treats embeddings switched on in the config without a key as a warning, not an error", async () => {
    const dir = await makeTempDir("cli-media-config");
    await writeFile(path.join(dir, "sea.md"), ARTICLE);
    await writeFile(path.join(dir, "reelpress.config.json"), JSON.stringify({ media: { embeddings: true, generateImages: true } }));
    expect((await cli(["extract", "sea.md"], dir, {})).code).toBe(0);
    const run = await cli(["plan", "sea.md", "--json", "--cache-dir", path.join(dir, "cache")], dir, {});
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { warnings: string[]; media: { fallbacks: { provider: string; reason: string }[] } };
    expect(json.warnings.join("\n")).toMatch(/embeddings re-rank skipped: it needs OPENAI_API_KEY/);
    expect(json.media.fallbacks.map((f) => f.provider)).toContain("generated");
  });

  it("rejects an unknown provider and a missing OpenAI key with usage errors", async () => {
    const bad = await cli(["media", "search", "sea", "--media", "pexels,shutterstock"], work, KEYS);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"shutterstock" is not a provider/);
    const images = await cli(["plan", "sea.md", "--generate-images"], work, {});
    expect(images.code).toBe(2);
    expect(images.stderr).toMatch(/--generate-images needs OPENAI_API_KEY/);
  });
});
