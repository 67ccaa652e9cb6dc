import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ReelpressError } from "../src/errors.js";
import type { Sleep } from "../src/ingest/abortable-sleep.js";
import { ProviderUnavailable, type MediaCandidate, type SceneRequest, type SearchContext } from "../src/match/media-provider.js";
import { createPixabayProvider } from "../src/match/providers/pixabay.js";
import type { StockProviderOptions } from "../src/match/stock/stock-options.js";
import { defaultScript, makeStockMedia, type FakeStockServer, type StockMedia } from "./helpers/fake-pexels.js";
import { startFakePixabay } from "./helpers/fake-pixabay.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const KEY = "48777-pixabay-test-key-c0ffee";
const T0 = 1_750_000_000_000;
const SCENE: SceneRequest = {
  index: 2,
  kind: "content",
  headline: "Spring in the garden",
  narration: "The first flowers open in the garden as the days grow longer.",
  keywords: ["flowers", "spring"],
  queries: ["yellow flowers"],
  visual: null,
  mood: "calm",
  sourceBlockIds: [],
  durationSeconds: 6,
};
const FULL_HD: SearchContext = { aspect: "16:9", width: 1920, height: 1080, perQuery: 15 };

let media: StockMedia;
let fake: FakeStockServer;
let origin: string;
let clock = T0;

beforeAll(async () => {
  media = await makeStockMedia(await makeTempDir("pixabay-media"));
  fake = await startFakePixabay({ apiKey: KEY, media });
  origin = fake.server.url("").replace(/\/$/, "");
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
});

async function setup(overrides: Partial<StockProviderOptions> = {}, cacheDir?: string) {
  const dir = cacheDir ?? (await makeTempDir("pixabay-cache"));
  const delays: number[] = [];
  const sleep: Sleep = async (ms) => {
    delays.push(ms);
    clock += ms;
  };
  const provider = createPixabayProvider({ apiKey: KEY, baseUrl: fake.baseUrl, cacheDir: dir, concurrency: 1, now: () => clock, sleep, random: () => 0, ...overrides });
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

const LICENSE = { name: "Pixabay Content License", url: "https://pixabay.com/service/license-summary/" };

describe("Pixabay search", () => {
  it("asks the image and video endpoints with the key as a parameter", async () => {
    const { provider } = await setup();
    await provider.search(SCENE, FULL_HD);
    const byPath = Object.fromEntries(fake.apiRequests.map((r) => [r.path, Object.fromEntries(r.query)]));
    expect(byPath).toEqual({
      "/api/": { q: "yellow flowers", per_page: "15", safesearch: "true", image_type: "photo", orientation: "horizontal", key: KEY },
      "/api/videos/": { q: "yellow flowers", per_page: "15", safesearch: "true", video_type: "film", key: KEY },
    });
  });

  it("maps a video: tags split on commas, user credit, page URL and the file that covers the frame", async () => {
    const { provider } = await setup();
    const candidates = await provider.search(SCENE, FULL_HD);
    expect(candidates.map((c) => c.id)).toEqual(["video:125", "video:28860", "photo:195893", "photo:4910149"]);
    expect(byId(candidates, "video:125")).toEqual({
      provider: "pixabay",
      id: "video:125",
      kind: "video",
      text: { title: "", description: "", tags: ["flowers", "yellow", "blossom"] },
      width: 1920,
      height: 1080,
      durationSeconds: 12,
      fps: null,
      creator: "Coverr-Free-Footage",
      series: "pixabay:1281706",
      pageUrl: "https://pixabay.com/videos/id-125/",
      license: { ...LICENSE, attribution: "Video by Coverr-Free-Footage from Pixabay" },
      source: { url: `${origin}/video/2015/08/08/125-135736646_large.mp4` },
      context: 0,
      forScene: null,
    });
    // No large version (empty URL): the medium file is the largest there is.
    expect(byId(candidates, "video:28860")).toMatchObject({ width: 1280, height: 720, source: { url: `${origin}/video/2019/11/20/28860-135736646_medium.mp4` } });
  });

  it("maps an image: tags, slug words, 'Image by … from Pixabay', and the 1280 px version", async () => {
    const { provider } = await setup();
    const candidates = await provider.search(SCENE, FULL_HD);
    expect(byId(candidates, "photo:195893")).toMatchObject({
      kind: "image",
      text: { title: "", description: "blossom bloom flower", tags: ["blossom", "bloom", "flower"] },
      width: 1280,
      height: 720,
      creator: "Josch13",
      series: "pixabay:48777",
      pageUrl: "https://pixabay.com/photos/blossom-bloom-flower-195893/",
      license: { ...LICENSE, attribution: "Image by Josch13 from Pixabay" },
    });
    expect((byId(candidates, "photo:195893").source as { url: string }).url).toMatch(/_1280\.jpg$/);
    expect(byId(candidates, "photo:4910149")).toMatchObject({ width: 1280, height: 853, text: { tags: ["daffodils", "spring", "2020-03-07"] } });
  });

  it("takes the 640 px version and small video when they cover a small frame", async () => {
    const { provider } = await setup();
    const candidates = await provider.search(SCENE, { ...FULL_HD, width: 640, height: 360 });
    expect((byId(candidates, "photo:195893").source as { url: string }).url).toMatch(/_640\.jpg$/);
    expect(byId(candidates, "video:125")).toMatchObject({ width: 960, height: 540 });
  });

  it("asks for at least 3 results, Pixabay's minimum, and keeps the number wanted", async () => {
    const { provider } = await setup();
    const candidates = await provider.search(SCENE, { ...FULL_HD, perQuery: 1 });
    expect(fake.apiRequests.map((r) => r.query.get("per_page"))).toEqual(["3", "3"]);
    expect(candidates.map((c) => c.id)).toEqual(["video:125", "photo:195893"]);
  });

  it("asks for vertical images for 9:16 and any shape for 1:1", async () => {
    const { provider } = await setup();
    await provider.search(SCENE, { aspect: "9:16", width: 1080, height: 1920, perQuery: 5 });
    await provider.search(SCENE, { aspect: "1:1", width: 1080, height: 1080, perQuery: 5 });
    expect(fake.apiRequests.filter((r) => r.path === "/api/").map((r) => r.query.get("orientation"))).toEqual(["vertical", "all"]);
  });

  it("returns no candidates when the search finds nothing", async () => {
    fake.script.empty = true;
    const { provider } = await setup();
    expect(await provider.search(SCENE, FULL_HD)).toEqual([]);
  });
});

describe("Pixabay failures", () => {
  it("is unavailable without a key", async () => {
    const { provider } = await setup({ apiKey: null });
    expect((await unavailable(provider.search(SCENE, FULL_HD))).reason).toBe("PIXABAY_API_KEY is not set");
    expect(fake.apiRequests).toHaveLength(0);
  });

  it("reads Pixabay's 400 'Invalid or missing API key' as a rejected key", async () => {
    const wrongKey = "not-my-key-31337";
    const { provider, delays } = await setup({ apiKey: wrongKey });
    const error = await unavailable(provider.search(SCENE, FULL_HD));
    expect(error.reason).toBe("key rejected (400)");
    expect(error.message).not.toContain(wrongKey);
    expect(fake.apiRequests).toHaveLength(2);
    expect(delays).toEqual([]);
  });

  it("waits the seconds X-RateLimit-Reset gives after a 429, then succeeds", async () => {
    fake.script.failures = [
      { status: 429, headers: { "X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1" }, body: "[ERROR 429] API rate limit exceeded" },
    ];
    const { provider, delays } = await setup();
    expect(await provider.search(SCENE, FULL_HD)).toHaveLength(4);
    expect(delays).toEqual([1000]);
    expect(fake.apiRequests).toHaveLength(3);
  });

  it("keeps the key out of the message when the server keeps failing", async () => {
    fake.script.alwaysStatus = 502;
    const { provider } = await setup({ maxRetries: 1 });
    const error = await unavailable(provider.search(SCENE, FULL_HD));
    expect(error.reason).toBe("HTTP 502 after 2 attempts");
    expect(fake.apiRequests).toHaveLength(4);
    expect(`${error.message} ${error.stack}`).not.toContain(KEY);
  });

  it("names the client error Pixabay returns for a bad request", async () => {
    fake.script.failures = [{ status: 400, body: `[ERROR 400] "q" exceeds the maximum length of 100 characters.` }];
    const { provider } = await setup();
    const error = await unavailable(provider.search(SCENE, FULL_HD));
    expect(error.reason).toBe(`HTTP 400: [ERROR 400] "q" exceeds the maximum length of 100 characters.`);
  });
});

describe("Pixabay cache and downloads", () => {
  it("answers a re-run from the cache, and never writes the key although every URL carried it", async () => {
    const first = await setup();
    const candidates = await first.provider.search(SCENE, FULL_HD);
    await first.provider.fetch(byId(candidates, "photo:195893"), {});
    await first.provider.fetch(byId(candidates, "video:125"), {});
    expect(fake.apiRequests.every((r) => r.query.get("key") === KEY)).toBe(true);

    const rerun = await setup({}, first.cacheDir);
    expect(await rerun.provider.search(SCENE, FULL_HD)).toEqual(candidates);
    expect(fake.apiRequests).toHaveLength(2);

    const files = await filesUnder(first.cacheDir);
    expect(files.filter((f) => f.includes(`${path.sep}search${path.sep}`))).toHaveLength(2);
    for (const file of files) expect((await readFile(file)).includes(KEY), file).toBe(false);
  });

  it("downloads an image and a video rather than hotlinking them", async () => {
    const { provider, cacheDir } = await setup();
    const candidates = await provider.search(SCENE, FULL_HD);
    const image = await provider.fetch(byId(candidates, "photo:195893"), {});
    expect(image).toMatchObject({
      kind: "image",
      width: media.jpegSize.width,
      height: media.jpegSize.height,
      alt: "blossom bloom flower",
      provider: "pixabay",
      origin: "https://pixabay.com/photos/blossom-bloom-flower-195893/",
      creator: "Josch13",
      sourceId: "photo:195893",
      license: { ...LICENSE, attribution: "Image by Josch13 from Pixabay" },
    });
    const video = await provider.fetch(byId(candidates, "video:125"), {});
    expect(video).toMatchObject({ kind: "video", fps: 30, creator: "Coverr-Free-Footage", sourceId: "video:125" });
    for (const m of [image, video]) expect(m.kind !== "generated" && path.dirname(m.file)).toBe(path.join(cacheDir, "media", "stock"));
    expect(fake.mediaRequests).toHaveLength(2);
  });

  it("drops an image download cut short and throws E_MEDIA", async () => {
    const { provider, cacheDir } = await setup();
    const image = byId(await provider.search(SCENE, FULL_HD), "photo:4910149");
    fake.script.media = "truncated";
    const error = await provider.fetch(image, {}).catch((e: unknown) => e);
    expect((error as ReelpressError).code).toBe("E_MEDIA");
    expect(await filesUnder(path.join(cacheDir, "media"))).toEqual([]);
  });

  it("drops a file that is not an image and throws E_MEDIA", async () => {
    const { provider, cacheDir } = await setup();
    const image = byId(await provider.search(SCENE, FULL_HD), "photo:4910149");
    fake.script.media = "corrupt";
    const error = await provider.fetch(image, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReelpressError);
    expect((error as ReelpressError).code).toBe("E_MEDIA");
    expect(await filesUnder(path.join(cacheDir, "media"))).toEqual([]);
  });
});
