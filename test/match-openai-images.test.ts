import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ReelpressError } from "../src/errors.js";
import { runFfmpegTool } from "../src/media/ffmpeg-bin.js";
import { ProviderUnavailable, type MediaProvider, type SceneRequest, type SearchContext } from "../src/match/media-provider.js";
import { createOpenAiImagesProvider, imagePrompt, type OpenAiImagesOptions } from "../src/match/providers/openai-images.js";
import { MediaSchema } from "../src/schema/storyboard.js";
import { startServer, type TestServer } from "./helpers/serve.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const repoRoot = path.resolve(import.meta.dirname, "..");
const PHOTO = path.resolve(repoRoot, "../shared/medialib/images/coco_train2017_000000000790.jpg");
const API_KEY = "sk-test-IMAGES-1a2b3c4d5e6f";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const scene: SceneRequest = {
  index: 2,
  kind: "content",
  headline: "Bakery opens at dawn",
  narration: "The bakery opens at four in the morning.",
  keywords: ["bakery", "bread", "village"],
  queries: ["baker pulling bread from oven"],
  visual: "A baker lifts golden loaves from a wood-fired oven at dawn.",
  mood: "calm",
  sourceBlockIds: ["b1"],
  durationSeconds: 6,
};
const context: SearchContext = { aspect: "16:9", width: 1920, height: 1080, perQuery: 5 };

interface ImagesBody {
  model: string;
  prompt: string;
  n?: number;
  size?: string;
  response_format?: string;
}

type Reply = { status: number; headers?: Record<string, string>; body: unknown } | "image";

interface ImagesServer {
  server: TestServer;
  bodies: ImagesBody[];
}

let png: Buffer;
let pngSize: { width: number; height: number };
let cacheDir: string;
let api: ImagesServer | null = null;

/** The images endpoint: answers with the test PNG as b64_json (the GPT image models' shape), or with `reply`'s error. */
async function imagesServer(reply: (n: number) => Reply = () => "image", image: () => Buffer = () => png): Promise<ImagesServer> {
  const bodies: ImagesBody[] = [];
  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    bodies.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as ImagesBody);
    const answer = reply(bodies.length - 1);
    if (answer !== "image") {
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(JSON.stringify(answer.body));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        created: 1764000000,
        background: "opaque",
        data: [{ b64_json: image().toString("base64") }],
        output_format: "png",
        quality: "medium",
        size: bodies.at(-1)!.size,
        usage: { input_tokens: 50, input_tokens_details: { image_tokens: 0, text_tokens: 50 }, output_tokens: 1056, total_tokens: 1106 },
      }),
    );
  };
  const server = await startServer({ "/v1/images/generations": handler });
  return { server, bodies };
}

function apiError(status: number, message: string, type: string, code: string | null, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: { error: { message, type, param: null, code } } };
}

function provider(server: TestServer | null, extra: Partial<OpenAiImagesOptions> = {}): MediaProvider {
  return createOpenAiImagesProvider({ apiKey: API_KEY, baseURL: server ? server.url("/v1") : null, cacheDir, timeoutMs: 5000, ...extra });
}

async function searchAndFetch(p: MediaProvider) {
  const [candidate] = await p.search(scene, context);
  return { candidate: candidate!, media: await p.fetch(candidate!, {}) };
}

beforeAll(async () => {
  const dir = await makeTempDir("images-png");
  const file = path.join(dir, "photo.png");
  await runFfmpegTool("ffmpeg", ["-v", "error", "-i", PHOTO, "-vf", "scale=320:-2", "-frames:v", "1", file]);
  png = await readFile(file);
  pngSize = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
});

beforeEach(async () => {
  cacheDir = await makeTempDir("images-cache");
});

afterEach(async () => {
  await api?.server.close();
  api = null;
});

afterAll(removeTempDirs);

describe("imagePrompt", () => {
  it("asks for a photograph of the scene's visual, lit for its mood, with no text in it", () => {
    const prompt = imagePrompt(scene, "9:16");
    expect(prompt).toContain("photograph: A baker lifts golden loaves from a wood-fired oven at dawn.");
    expect(prompt).toContain("soft morning light");
    expect(prompt).toContain("Tall portrait composition");
    expect(prompt).toMatch(/No text, letters/);
  });

  it("falls back to the headline and keywords when the scene has no visual", () => {
    expect(imagePrompt({ ...scene, visual: null }, "16:9")).toContain("photograph: Bakery opens at dawn, bakery, bread, village.");
  });
});

describe("createOpenAiImagesProvider", () => {
  it("offers one candidate per scene, made for that scene, without asking the API", async () => {
    api = await imagesServer();
    const [candidate, ...rest] = await provider(api.server).search(scene, context);
    expect(rest).toEqual([]);
    expect(candidate).toMatchObject({
      provider: "generated",
      kind: "image",
      width: 1536,
      height: 1024,
      context: 0.8,
      forScene: 2,
      source: null,
      text: { title: scene.visual, tags: ["bakery", "bread", "village"] },
      license: { name: "generated with OpenAI images", url: "https://openai.com/policies/terms-of-use", attribution: "Image generated for this video with gpt-image-1" },
    });
    expect(candidate!.text.description).toBe(imagePrompt(scene, "16:9"));
    expect(api.bodies).toHaveLength(0);
  });

  it("generates the image on fetch and stores the PNG in the content-addressed cache", async () => {
    api = await imagesServer();
    const { candidate, media } = await searchAndFetch(provider(api.server));
    expect(api.bodies).toEqual([{ model: "gpt-image-1", prompt: candidate.text.description, n: 1, size: "1536x1024" }]);
    expect(MediaSchema.parse(media)).toEqual(media);
    expect(media).toMatchObject({
      kind: "image",
      ...pngSize,
      provider: "generated",
      origin: null,
      sourceId: candidate.id,
      alt: scene.visual,
      license: { name: "generated with OpenAI images", url: "https://openai.com/policies/terms-of-use", attribution: "Image generated for this video with gpt-image-1" },
    });
    if (media.kind !== "image") throw new Error("expected an image");
    const digest = createHash("sha256").update(png).digest("hex");
    expect(media.file).toBe(path.join(cacheDir, "media", `${digest}.png`));
    const stored = await readFile(media.file);
    expect(stored.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(stored.equals(png)).toBe(true);
  });

  it("makes no request on a re-run with the same prompt, model and size", async () => {
    api = await imagesServer();
    const first = await searchAndFetch(provider(api.server));
    const second = await searchAndFetch(provider(api.server));
    expect(api.bodies).toHaveLength(1);
    expect(second.media).toEqual(first.media);
    // A different size is a different picture.
    await searchAndFetch(provider(api.server, { size: "1024x1024" }));
    expect(api.bodies).toHaveLength(2);
    expect(api.bodies[1]!.size).toBe("1024x1024");
  });

  it("makes the image again when a cached record names a file outside the media cache", async () => {
    api = await imagesServer();
    const [candidate] = await provider(api.server).search(scene, context);
    const elsewhere = path.join(await makeTempDir("images-elsewhere"), "photo.png");
    await writeFile(elsewhere, png);
    // Inside <cacheDir>, but not in its media folder.
    const beside = path.join(cacheDir, "photo.png");
    await copyFile(elsewhere, beside);
    const recordFile = path.join(cacheDir, "openai-images", `${candidate!.id.slice("openai:".length)}.json`);
    await mkdir(path.dirname(recordFile), { recursive: true });
    const digest = createHash("sha256").update(png).digest("hex");
    for (const [i, file] of [elsewhere, beside, path.join(cacheDir, "media", "..", "photo.png")].entries()) {
      await writeFile(recordFile, JSON.stringify({ version: 1, file, ...pngSize }));
      const media = await provider(api.server).fetch(candidate!, {});
      expect(media.kind === "image" && media.file, file).toBe(path.join(cacheDir, "media", `${digest}.png`));
      expect(api.bodies, file).toHaveLength(i + 1);
    }
  });

  it("asks DALL·E 3 for base64 in its own landscape size", async () => {
    api = await imagesServer();
    const { media } = await searchAndFetch(provider(api.server, { model: "dall-e-3" }));
    expect(api.bodies[0]).toMatchObject({ model: "dall-e-3", size: "1792x1024", response_format: "b64_json" });
    expect(media.license.attribution).toBe("Image generated for this video with dall-e-3");
  });

  it("is unavailable without a key", async () => {
    const error = await createOpenAiImagesProvider({ apiKey: null, baseURL: null, cacheDir }).search(scene, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailable);
    expect((error as ProviderUnavailable).reason).toContain("OPENAI_API_KEY");
  });

  it("is unavailable when the key is refused (401), without quoting the key", async () => {
    api = await imagesServer(() => apiError(401, `Incorrect API key provided: ${API_KEY}.`, "invalid_request_error", "invalid_api_key"));
    const [candidate] = await provider(api.server).search(scene, context);
    const error = await provider(api.server).fetch(candidate!, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailable);
    expect((error as ProviderUnavailable).reason).toBe("the images API refused the API key (HTTP 401)");
    expect(String((error as Error).message)).not.toContain(API_KEY);
    expect(api.bodies).toHaveLength(1);
  });

  it("retries a 429 with the server's retry-after and uses the image that follows", async () => {
    api = await imagesServer((n) => (n < 2 ? apiError(429, "Rate limit reached for images per minute", "requests", "rate_limit_exceeded", { "retry-after-ms": "5" }) : "image"));
    const { media } = await searchAndFetch(provider(api.server, { maxRetries: 2 }));
    expect(api.bodies).toHaveLength(3);
    expect(media.kind).toBe("image");
  });

  it("is unavailable when the rate limit outlasts the retries", async () => {
    api = await imagesServer(() => apiError(429, "Rate limit reached", "requests", "rate_limit_exceeded", { "retry-after-ms": "5" }));
    const error = await searchAndFetch(provider(api.server, { maxRetries: 1 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailable);
    expect((error as ProviderUnavailable).reason).toBe("the images API is rate-limited (HTTP 429 after 1 retry)");
    expect(api.bodies).toHaveLength(2);
  });

  it("is unavailable when the server keeps failing (500) after its retries, and caches nothing", async () => {
    api = await imagesServer(() => apiError(500, "The server had an error processing your request.", "server_error", null, { "retry-after-ms": "5" }));
    const error = await searchAndFetch(provider(api.server, { maxRetries: 2 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailable);
    expect((error as ProviderUnavailable).reason).toBe("the images API answered HTTP 500 after 2 retries");
    expect(api.bodies).toHaveLength(3);
    await expect(readdir(path.join(cacheDir, "media"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("fails only this image (E_MEDIA) when the prompt is refused", async () => {
    api = await imagesServer(() => apiError(400, "Your request was rejected by the safety system.", "image_generation_user_error", "moderation_blocked"));
    const error = await searchAndFetch(provider(api.server)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReelpressError);
    expect(error).toMatchObject({ code: "E_MEDIA", message: expect.stringContaining("rejected by the safety system") });
  });

  it("refuses a candidate whose prompt was changed after search, without a request", async () => {
    api = await imagesServer();
    const [candidate] = await provider(api.server).search(scene, context);
    const changed = { ...candidate!, text: { ...candidate!.text, description: "A photograph of something else." } };
    await expect(provider(api.server).fetch(changed, {})).rejects.toMatchObject({ code: "E_MEDIA" });
    expect(api.bodies).toHaveLength(0);
  });

  it("drops an answer whose bytes are not an image (E_MEDIA) and keeps no record of it", async () => {
    api = await imagesServer(() => "image", () => Buffer.from("<html>not a picture</html>"));
    await expect(searchAndFetch(provider(api.server))).rejects.toMatchObject({ code: "E_MEDIA" });
    expect((await readdir(path.join(cacheDir, "openai-images"))).filter((name) => name.endsWith(".json"))).toEqual([]);
    // Nothing was cached, so the next run asks again.
    await searchAndFetch(provider(api.server)).catch(() => null);
    expect(api.bodies).toHaveLength(2);
  });
});
