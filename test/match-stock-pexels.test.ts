import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ReelpressError } from "../src/errors.js";
import type { Sleep } from "../src/ingest/abortable-sleep.js";
import { ProviderUnavailable, type MediaCandidate, type SceneRequest, type SearchContext } from "../src/match/media-provider.js";
import { createPexelsProvider } from "../src/match/providers/pexels.js";
import type { StockProviderOptions } from "../src/match/stock/stock-options.js";
import { defaultScript, makeStockMedia, startFakePexels, type FakeStockServer, type StockMedia } from "./helpers/fake-pexels.js";
import { startServer } from "./helpers/serve.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const KEY = "pexels-test-key-5f2c9a7e1b3d";
const T0 = 1_750_000_000_000;
const SCENE: SceneRequest = {
  index: 0,
  kind: "content",
  headline: "A day at the beach",
  narration: "Waves roll onto the sand while the sun climbs over the bay.",
  keywords: ["beach", "waves"],
  queries: ["Aerial beach"],
  visual: null,
  mood: "calm",
  sourceBlockIds: [],
  durationSeconds: 5,
};
const FULL_HD: SearchContext = { aspect: "16:9", width: 1920, height: 1080, perQuery: 15 };

let media: StockMedia;
let fake: FakeStockServer;
let clock = T0;
const PLENTY = { remaining: 19_999, resetInSeconds: 30 * 24 * 3600 };
/** What the fake's successful answers advertise, asked per answer. */
let rate = () => PLENTY;

beforeAll(async () => {
  media = await makeStockMedia(await makeTempDir("pexels-media"));
  fake = await startFakePexels({ apiKey: KEY, media, now: () => clock, rateLimit: () => rate() });
}, 60_000);

afterAll(async () => {
  await fake.close();
  await removeTempDirs();
});

beforeEach(() => {
  fake.script = defaultScript();
  fake.apiRequests.length = 0;
  fake.mediaRequests.length = 0;
  clock = T0;
  rate = () => PLENTY;
});

/** A provider on the fake server with a recording sleep that moves the clock instead of waiting. */
async function setup(overrides: Partial<StockProviderOptions> = {}, cacheDir?: string) {
  const dir = cacheDir ?? (await makeTempDir("pexels-cache"));
  const delays: number[] = [];
  const sleep: Sleep = async (ms) => {
    delays.push(ms);
    clock += ms;
  };
  const provider = createPexelsProvider({ apiKey: KEY, baseUrl: fake.baseUrl, cacheDir: dir, concurrency: 1, now: () => clock, sleep, random: () => 0, ...overrides });
  return { provider, delays, cacheDir: dir };
}

async function unavailable(promise: Promise<unknown>): Promise<ProviderUnavailable> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderUnavailable);
  return error as ProviderUnavailable;
}

async function filesUnder(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return names.filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

const byId = (candidates: MediaCandidate[], id: string): MediaCandidate => {
  const found = candidates.find((c) => c.id === id);
  expect(found, id).toBeDefined();
  return found!;
};

describe("Pexels search", () => {
  it("asks the video and photo endpoints with the key in the Authorization header", async () => {
    const { provider } = await setup();
    await provider.search({ ...SCENE, queries: ["Aerial beach", "surfer on a wave"] }, FULL_HD);
    expect(fake.apiRequests.map((r) => `${r.path}?${r.query.get("query")}`).sort()).toEqual([
      "/v1/search?aerial beach",
      "/v1/search?surfer on a wave",
      "/videos/search?aerial beach",
      "/videos/search?surfer on a wave",
    ]);
    for (const request of fake.apiRequests) {
      expect(request.headers.authorization).toBe(KEY);
      expect(request.query.get("orientation")).toBe("landscape");
      expect(request.query.get("per_page")).toBe("15");
      expect(request.query.has("key")).toBe(false);
    }
  });

  it("maps a video: id, title from the page slug, creator, series, licence and the Full HD file", async () => {
    const { provider } = await setup();
    const candidates = await provider.search(SCENE, FULL_HD);
    expect(candidates.map((c) => c.id)).toEqual(["video:2499611", "video:1526909", "photo:2014422", "photo:1181671"]);
    expect(byId(candidates, "video:2499611")).toEqual({
      provider: "pexels",
      id: "video:2499611",
      kind: "video",
      text: { title: "aerial view of a beach", description: "", tags: [] },
      width: 1920,
      height: 1080,
      durationSeconds: 22,
      fps: 29.97,
      creator: "Joey Farina",
      series: "pexels:680589",
      pageUrl: "https://www.pexels.com/video/aerial-view-of-a-beach-2499611/",
      license: { name: "Pexels License", url: "https://www.pexels.com/license/", attribution: "Video by Joey Farina on Pexels" },
      source: { url: `${fake.baseUrl}/video-files/2499611/2499611-hd_1920_1080_30fps.mp4` },
      context: 0,
      forScene: null,
    });
  });

  it("maps a photo: alt as title, slug words as description, photographer credit", async () => {
    const { provider } = await setup();
    const photo = byId(await provider.search(SCENE, FULL_HD), "photo:2014422");
    expect(photo).toMatchObject({
      kind: "image",
      text: { title: "Brown Rocks During Golden Hour", description: "brown rocks during golden hour", tags: [] },
      creator: "Joey Farina",
      series: "pexels:680589",
      pageUrl: "https://www.pexels.com/photo/brown-rocks-during-golden-hour-2014422/",
      license: { name: "Pexels License", url: "https://www.pexels.com/license/", attribution: "Photo by Joey Farina on Pexels" },
      durationSeconds: null,
      fps: null,
    });
    // Nothing smaller than the 3024 px original covers 1920×1080 (large2x is 1300 px).
    expect(photo).toMatchObject({ width: 3024, height: 3024, source: { url: `${fake.baseUrl}/photos/2014422/pexels-photo-2014422.jpeg` } });
  });

  it("picks the smallest rendition that covers a 720p frame", async () => {
    const { provider } = await setup();
    const candidates = await provider.search(SCENE, { ...FULL_HD, width: 1280, height: 720 });
    expect(byId(candidates, "video:2499611")).toMatchObject({ width: 1280, height: 720, source: { url: `${fake.baseUrl}/video-files/2499611/2499611-hd_1280_720_30fps.mp4` } });
    expect(byId(candidates, "photo:2014422")).toMatchObject({ width: 1300, height: 1300 });
    expect((byId(candidates, "photo:2014422").source as { url: string }).url).toContain("dpr=2&h=650&w=940");
    expect(byId(candidates, "photo:1181671")).toMatchObject({ width: 1880, height: 1253 });
  });

  it("asks for portrait footage for a 9:16 video and takes the largest file when none is tall enough", async () => {
    const { provider } = await setup();
    const candidates = await provider.search(SCENE, { aspect: "9:16", width: 1080, height: 1920, perQuery: 5 });
    expect(fake.apiRequests.every((r) => r.query.get("orientation") === "portrait" && r.query.get("per_page") === "5")).toBe(true);
    // Only the UHD file is 1920 px tall; the seal video tops out at 1080 px and offers that.
    expect(byId(candidates, "video:2499611")).toMatchObject({ width: 3840, height: 2160 });
    expect(byId(candidates, "video:1526909")).toMatchObject({ width: 1920, height: 1080, fps: 23.98 });
  });

  it("returns no candidates when the search finds nothing", async () => {
    fake.script.empty = true;
    const { provider } = await setup();
    expect(await provider.search(SCENE, FULL_HD)).toEqual([]);
  });

  it("asks at most three queries, and the keywords when the scene has none", async () => {
    const { provider } = await setup();
    await provider.search({ ...SCENE, queries: ["one", "two", "three", "four"] }, FULL_HD);
    expect(new Set(fake.apiRequests.map((r) => r.query.get("query")))).toEqual(new Set(["one", "two", "three"]));
    fake.apiRequests.length = 0;
    await provider.search({ ...SCENE, queries: [] }, FULL_HD);
    expect(fake.apiRequests.map((r) => r.query.get("query"))).toEqual(["beach waves", "beach waves"]);
  });
});

describe("Pexels failures", () => {
  it("is unavailable without a key, and sends nothing", async () => {
    const { provider } = await setup({ apiKey: null });
    const error = await unavailable(provider.search(SCENE, FULL_HD));
    expect(error.provider).toBe("pexels");
    expect(error.reason).toBe("PEXELS_API_KEY is not set");
    expect(fake.apiRequests).toHaveLength(0);
  });

  it("reports a rejected key without retrying and without repeating the key", async () => {
    const wrongKey = "wrong-key-7d1e0c";
    const { provider, delays } = await setup({ apiKey: wrongKey });
    const error = await unavailable(provider.search(SCENE, FULL_HD));
    expect(error.reason).toBe("key rejected (401)");
    expect(fake.apiRequests).toHaveLength(2);
    expect(delays).toEqual([]);
    expect(error.message).not.toContain(wrongKey);
  });

  it("waits for the reset time a 429 names, then succeeds", async () => {
    fake.script.failures = [
      { status: 429, headers: { "X-Ratelimit-Limit": "20000", "X-Ratelimit-Remaining": "0", "X-Ratelimit-Reset": String(T0 / 1000 + 1) }, body: "Too Many Requests" },
    ];
    const { provider, delays } = await setup();
    const candidates = await provider.search(SCENE, FULL_HD);
    expect(candidates).toHaveLength(4);
    expect(delays).toEqual([1000]);
    expect(fake.apiRequests).toHaveLength(3);
  });

  it("holds the next request until the reset once an answer says the quota is spent", async () => {
    // Pexels sends no rate-limit headers with its 429, so the client must heed them on a 200.
    rate = () => (fake.apiRequests.length === 1 ? { remaining: 0, resetInSeconds: 1 } : PLENTY);
    const { provider, delays } = await setup();
    await provider.search(SCENE, FULL_HD);
    expect(fake.apiRequests).toHaveLength(2);
    expect(delays).toEqual([1000]);
  });

  it("gives up at once, naming the reset time, when the wait is longer than allowed", async () => {
    fake.script.failures = [{ status: 429, headers: { "X-Ratelimit-Remaining": "0", "X-Ratelimit-Reset": String(T0 / 1000 + 3600) } }];
    const { provider, delays } = await setup({ maxRetryWaitMs: 10_000 });
    const error = await unavailable(provider.search(SCENE, FULL_HD));
    expect(error.reason).toBe(`rate-limited until ${new Date(T0 + 3_600_000).toISOString()}`);
    expect(delays).toEqual([]);
    // The second endpoint is not asked: the client knows the quota is spent.
    expect(fake.apiRequests).toHaveLength(1);
  });

  it("retries a 500 after a backoff", async () => {
    fake.script.failures = [{ status: 500 }];
    const { provider, delays } = await setup();
    expect(await provider.search(SCENE, FULL_HD)).toHaveLength(4);
    expect(fake.apiRequests).toHaveLength(3);
    expect(delays).toEqual([250]);
  });

  it("is unavailable when the server keeps failing, after the configured retries", async () => {
    fake.script.alwaysStatus = 500;
    const { provider, delays } = await setup({ maxRetries: 2 });
    const error = await unavailable(provider.search(SCENE, FULL_HD));
    expect(error.reason).toBe("HTTP 500 after 3 attempts");
    expect(fake.apiRequests).toHaveLength(6);
    expect(delays).toEqual([250, 500, 250, 500]);
  });

  it("is unavailable when nothing listens at the address", async () => {
    const closed = await startServer({});
    const baseUrl = closed.url("").replace(/\/$/, "");
    await closed.close();
    const { provider } = await setup({ baseUrl, maxRetries: 1 });
    const error = await unavailable(provider.search(SCENE, FULL_HD));
    expect(error.reason).toBe("connection refused after 2 attempts");
  });

  it("is unavailable when the server does not answer in time", async () => {
    const silent = await startServer({ "/v1/search": () => undefined, "/videos/search": () => undefined });
    try {
      const { provider } = await setup({ baseUrl: silent.url("").replace(/\/$/, ""), timeoutMs: 150, maxRetries: 0 });
      const error = await unavailable(provider.search(SCENE, FULL_HD));
      expect(error.reason).toBe("timed out after 150 ms");
    } finally {
      await silent.close();
    }
  });

  it("rejects with E_ABORTED, not as unavailable, when the caller cancels", async () => {
    const { provider } = await setup();
    const error = await provider.search(SCENE, { ...FULL_HD, signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReelpressError);
    expect((error as ReelpressError).code).toBe("E_ABORTED");
  });
});

describe("Pexels search cache", () => {
  it("answers a re-run from the cache without a request, for 24 hours", async () => {
    const first = await setup();
    const candidates = await first.provider.search(SCENE, FULL_HD);
    expect(fake.apiRequests).toHaveLength(2);

    const rerun = await setup({}, first.cacheDir);
    expect(await rerun.provider.search(SCENE, FULL_HD)).toEqual(candidates);
    expect(fake.apiRequests).toHaveLength(2);

    clock = T0 + 25 * 3600 * 1000;
    const nextDay = await setup({}, first.cacheDir);
    await nextDay.provider.search(SCENE, FULL_HD);
    expect(fake.apiRequests).toHaveLength(4);
  });

  it("keys the cache on the parameters, and does not cache failures", async () => {
    fake.script.alwaysStatus = 503;
    const { provider, cacheDir } = await setup({ maxRetries: 0 });
    await unavailable(provider.search(SCENE, FULL_HD));
    fake.script.alwaysStatus = null;
    await provider.search(SCENE, FULL_HD);
    await provider.search(SCENE, { ...FULL_HD, perQuery: 10 });
    expect(fake.apiRequests).toHaveLength(6);
    expect(await filesUnder(path.join(cacheDir, "search"))).toHaveLength(4);
  });

  it("never writes the key to the cache", async () => {
    const { provider, cacheDir } = await setup();
    const [video] = await provider.search(SCENE, FULL_HD);
    await provider.fetch(video!, {});
    const files = await filesUnder(cacheDir);
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) expect((await readFile(file)).includes(KEY), file).toBe(false);
  });
});

describe("Pexels fetch", () => {
  it("downloads a photo into the content-addressed cache and returns the storyboard media", async () => {
    const { provider, cacheDir } = await setup();
    const photo = byId(await provider.search(SCENE, FULL_HD), "photo:2014422");
    const result = await provider.fetch(photo, {});
    const digest = createHash("sha256").update(media.jpeg).digest("hex");
    expect(result).toEqual({
      kind: "image",
      file: path.join(cacheDir, "media", "stock", `${digest}.jpg`),
      width: media.jpegSize.width,
      height: media.jpegSize.height,
      alt: "Brown Rocks During Golden Hour",
      focus: { x: 0.5, y: 0.45 },
      provider: "pexels",
      origin: "https://www.pexels.com/photo/brown-rocks-during-golden-hour-2014422/",
      license: photo.license,
      creator: "Joey Farina",
      sourceId: "photo:2014422",
    });
    expect(await readFile(result.kind === "image" ? result.file : "")).toEqual(media.jpeg);
  });

  it("downloads a video, probes it, and does not download it again", async () => {
    const { provider, cacheDir } = await setup();
    const video = byId(await provider.search(SCENE, FULL_HD), "video:1526909");
    const result = await provider.fetch(video, {});
    expect(result).toMatchObject({ kind: "video", provider: "pexels", creator: "Ruvim Miksanskiy", sourceId: "video:1526909", width: 320, fps: 30 });
    expect(result.kind === "video" && result.durationSeconds).toBeCloseTo(2, 1);
    expect(fake.mediaRequests).toEqual(["/video-files/1526909/1526909-hd_1920_1080_30fps.mp4"]);
    expect(fake.mediaRequests).toHaveLength(1);

    const again = await setup({}, cacheDir);
    expect(await again.provider.fetch(video, {})).toEqual(result);
    expect(fake.mediaRequests).toHaveLength(1);
  });

  it("drops a download cut short and throws E_MEDIA", async () => {
    const { provider, cacheDir } = await setup();
    const video = byId(await provider.search(SCENE, FULL_HD), "video:2499611");
    fake.script.media = "truncated";
    const error = await provider.fetch(video, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReelpressError);
    expect((error as ReelpressError).code).toBe("E_MEDIA");
    expect((error as Error).message).toMatch(/cut short/);
    expect(await filesUnder(path.join(cacheDir, "media"))).toEqual([]);
  });

  it("drops a corrupt video and throws E_MEDIA", async () => {
    const { provider, cacheDir } = await setup();
    const video = byId(await provider.search(SCENE, FULL_HD), "video:2499611");
    fake.script.media = "corrupt";
    const error = await provider.fetch(video, {}).catch((e: unknown) => e);
    expect((error as ReelpressError).code).toBe("E_MEDIA");
    expect((error as Error).message).toMatch(/not a readable video/);
    expect(await filesUnder(path.join(cacheDir, "media"))).toEqual([]);
  });
});
