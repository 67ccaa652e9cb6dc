import { copyFile, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ReelpressError, RenderError } from "../src/errors.js";
import { createLambdaBackend, DEFAULT_POLL_MS, lambdaConfigFromEnv, type LambdaBackendDeps } from "../src/render/lambda/index.js";
import type { SegmentEncoding } from "../src/render/segments/segment-backend.js";
import { StoryboardSchema, type Storyboard } from "../src/schema/storyboard.js";
import { defaultAwsScript, startFakeAws, type FakeAws } from "./helpers/fake-aws.js";
import { makeStockMedia, MEDIALIB_IMAGES } from "./helpers/fake-pexels.js";
import { oneLineError } from "./helpers/one-line-error.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const repoRoot = path.resolve(import.meta.dirname, "..");
const BUCKET = "remotionlambda-useast1-fake0test";
const FUNCTION = "remotion-render-4-0-527-mem2048mb-disk2048mb-120sec";
const KEY_ID = "AKIAFAKE0EXAMPLE";
const full: SegmentEncoding = { jpegQuality: 90, x264Preset: "veryfast", crf: 20, scale: 1, textHold: 1 };

const config = lambdaConfigFromEnv({
  REELPRESS_LAMBDA_REGION: "us-east-1",
  REELPRESS_LAMBDA_FUNCTION: FUNCTION,
  REELPRESS_LAMBDA_SERVE_URL: `https://${BUCKET}.s3.us-east-1.amazonaws.com/sites/reelpress/index.html`,
  REMOTION_AWS_ACCESS_KEY_ID: KEY_ID,
  REMOTION_AWS_SECRET_ACCESS_KEY: "fake/secret/key",
});

let aws: FakeAws;
let mp4: Buffer;
let dir: string;
let board: Storyboard;
let files: { photo: string; photoCopy: string; clip: string; logo: string };
/** Progress polls wait on this instead of a timer: it records the wait and returns at once. */
let waits: number[];
const deps: Partial<LambdaBackendDeps> = {
  wait: async (ms, signal) => {
    waits.push(ms);
    signal?.throwIfAborted();
  },
};

beforeAll(async () => {
  dir = await makeTempDir("lambda");
  ({ mp4 } = await makeStockMedia(dir));
  aws = await startFakeAws(mp4);
  // The AWS SDK inside @remotion/lambda reads its endpoints and Remotion its credentials from the
  // process environment; one fake serves the whole file, since Remotion caches its clients.
  vi.stubEnv("AWS_ENDPOINT_URL_S3", aws.endpoint);
  vi.stubEnv("AWS_ENDPOINT_URL_LAMBDA", aws.endpoint);
  vi.stubEnv("REMOTION_AWS_ACCESS_KEY_ID", KEY_ID);
  vi.stubEnv("REMOTION_AWS_SECRET_ACCESS_KEY", "fake/secret/key");
  for (const name of ["REMOTION_AWS_PROFILE", "REMOTION_AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_SESSION_TOKEN"]) vi.stubEnv(name, undefined);

  files = {
    photo: path.join(dir, "photo.jpg"),
    photoCopy: path.join(dir, "same-photo.JPG"),
    clip: path.join(dir, "clip.mp4"),
    logo: path.join(dir, "logo.svg"),
  };
  await copyFile(path.join(MEDIALIB_IMAGES, "coco_val2017_000000397133.jpg"), files.photo);
  await copyFile(files.photo, files.photoCopy);
  await copyFile(path.join(repoRoot, "samples/brand/logo.svg"), files.logo);
  const base = makeStoryboard();
  const image = base.scenes[0]!.media;
  board = StoryboardSchema.parse({
    ...base,
    theme: { ...base.theme, logo: { ...base.theme.logo, file: files.logo } },
    scenes: [
      { ...base.scenes[0], media: { ...image, file: files.photo } },
      { ...base.scenes[1], media: { kind: "video", file: files.clip, width: 320, height: 240, durationSeconds: 2, provider: "library", origin: null, license: image.license } },
      { ...base.scenes[2], media: { ...image, file: files.photoCopy } },
    ],
  });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await aws?.close();
  await removeTempDirs();
});

beforeEach(() => {
  aws.objects.clear();
  aws.s3Requests.length = 0;
  aws.invocations.length = 0;
  aws.script = defaultAwsScript(mp4);
  waits = [];
});

afterEach(async () => {
  // No half-written segment or temp file is ever left beside the outputs.
  expect((await readdir(dir)).filter((name) => name.endsWith(".part"))).toEqual([]);
});

describe("the Lambda backend against a fake S3 and Lambda", () => {
  it("uploads each distinct media file once under its content hash, with its content type", async () => {
    const backend = createLambdaBackend(config, deps);
    await backend.open(board);
    const puts = aws.s3Requests.filter((r) => r.method === "PUT");
    expect(puts.map((r) => [r.bucket, r.key.replace(/[0-9a-f]{64}/, "SHA"), r.headers["content-type"]]).sort()).toEqual([
      [BUCKET, "reelpress-assets/SHA.jpg", "image/jpeg"],
      [BUCKET, "reelpress-assets/SHA.mp4", "video/mp4"],
      [BUCKET, "reelpress-assets/SHA.svg", "image/svg+xml"],
    ]);
    // Every upload was looked for first, and the bytes in the bucket are the files' bytes.
    expect(aws.s3Requests.filter((r) => r.method === "HEAD")).toHaveLength(3);
    for (const put of puts) {
      const local = put.key.endsWith(".jpg") ? files.photo : put.key.endsWith(".mp4") ? files.clip : files.logo;
      expect(aws.objects.get(`${BUCKET}/${put.key}`)!.body.equals(await readFile(local))).toBe(true);
      expect(put.headers.authorization).toContain(`Credential=${KEY_ID}/`);
      expect(put.headers.authorization).toContain("/us-east-1/s3/aws4_request");
      // The SDK sent a CRC32 of the body, which the fake checked.
      expect(put.headers["x-amz-checksum-crc32"]).toMatch(/^[A-Za-z0-9+/]{6}==$/);
    }
  });

  it("skips the upload of a file the bucket already has", async () => {
    const backend = createLambdaBackend(config, deps);
    await backend.open(board);
    aws.s3Requests.length = 0;
    await backend.open(board);
    expect(aws.s3Requests.map((r) => r.method)).toEqual(["HEAD", "HEAD", "HEAD"]);
  });

  it("renders a segment with one Lambda render: the request, the polls, the downloaded MP4", async () => {
    const backend = createLambdaBackend(config, deps);
    expect(backend.name).toBe(`lambda (us-east-1, ${FUNCTION})`);
    expect(backend.encoderId).toBe(`remotion-lambda@4.0.527 ${config.serveUrl}`);
    expect(backend.parallelSegments).toBe(8);
    const session = await backend.open(board);
    const output = path.join(dir, "segment-105-225.mp4");
    const frames: number[] = [];
    await session.renderSegment({ from: 105, to: 225 }, full, output, { onFrames: (n) => frames.push(n) });

    const [start, ...polls] = aws.invocations;
    expect(start!.functionName).toBe(FUNCTION);
    expect(start!.invocationType).toBe("RequestResponse");
    expect(start!.credentialScope).toMatch(new RegExp(`^${KEY_ID}/\\d{8}/us-east-1/lambda/aws4_request$`));
    expect(start!.payload).toMatchObject({
      type: "start",
      version: "4.0.527",
      composition: "Reelpress",
      serveUrl: config.serveUrl,
      codec: "h264",
      frameRange: [105, 224],
      imageFormat: "jpeg",
      jpegQuality: 90,
      x264Preset: "veryfast",
      crf: 20,
      scale: 1,
      pixelFormat: "yuv420p",
      colorSpace: "bt709",
      muted: true,
      privacy: "private",
      bucketName: BUCKET,
    });
    // The props travel inline as Remotion serialises them: the storyboard, and signed S3 URLs for its files.
    const inputProps = start!.payload.inputProps as { type: string; payload: string };
    expect(inputProps.type).toBe("payload");
    const props = JSON.parse(inputProps.payload) as { storyboard: Storyboard; assets: Record<string, string> };
    expect(props.storyboard).toEqual(JSON.parse(JSON.stringify(board)));
    expect(Object.keys(props.assets).sort()).toEqual(Object.values(files).sort());
    for (const url of Object.values(props.assets)) {
      expect(url).toMatch(new RegExp(`^${aws.endpoint}/${BUCKET}/reelpress-assets/[0-9a-f]{64}\\.(jpg|mp4|svg)\\?`));
      expect(new URL(url).searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
      expect(new URL(url).searchParams.get("X-Amz-Expires")).toBe("86400");
    }
    expect(props.assets[files.photo]!.split("?")[0]).toBe(props.assets[files.photoCopy]!.split("?")[0]);

    expect(polls.map((p) => p.payload)).toEqual(
      Array(3).fill({ type: "status", bucketName: BUCKET, renderId: "8hfxlw5c3e", version: "4.0.527", s3OutputProvider: null, logLevel: "warn", forcePathStyle: false }),
    );
    expect(waits).toEqual([DEFAULT_POLL_MS, DEFAULT_POLL_MS]);
    expect(frames).toEqual([0, 40, 90, 120]);
    expect((await readFile(output)).equals(mp4)).toBe(true);
    expect(aws.s3Requests.at(-1)).toMatchObject({ method: "GET", bucket: BUCKET, key: "renders/8hfxlw5c3e/out.mp4" });
  });

  it("reports a render the function refuses in one line with the Lambda's message", async () => {
    aws.script.start = { kind: "error", message: "Composition with ID Reelpress not found. Available compositions: Main" };
    const session = await createLambdaBackend(config, deps).open(board);
    const output = path.join(dir, "refused.mp4");
    const error = session.renderSegment({ from: 0, to: 90 }, full, output);
    await expect(error).rejects.toBeInstanceOf(RenderError);
    expect(await oneLineError(error)).toBe(
      "Remotion Lambda could not start rendering frames 0–89: Composition with ID Reelpress not found. Available compositions: Main",
    );
    await expect(readFile(output)).rejects.toThrow();
  });

  it("reports a crashed function in one line", async () => {
    aws.script.start = { kind: "unhandled", message: "Runtime exited with error: signal: killed" };
    const session = await createLambdaBackend(config, deps).open(board);
    expect(await oneLineError(session.renderSegment({ from: 0, to: 90 }, full, path.join(dir, "crashed.mp4")))).toMatch(
      /^Remotion Lambda could not start rendering frames 0–89: Lambda function returned error: Unhandled/,
    );
  });

  it("reports a fatal error of the render in one line with the renderer's message, and writes nothing", async () => {
    aws.script.progress = [{ state: "running", framesRendered: 12 }, { state: "fatal", message: "A delayRender() \"Loading <Img>\" was called but not cleared after 28000ms" }];
    const session = await createLambdaBackend(config, deps).open(board);
    const output = path.join(dir, "fatal.mp4");
    const error = session.renderSegment({ from: 0, to: 90 }, full, output);
    expect(await oneLineError(error)).toBe('Lambda render 8hfxlw5c3e of frames 0–89 failed: A delayRender() "Loading <Img>" was called but not cleared after 28000ms');
    await expect(error).rejects.toMatchObject({ hint: expect.stringContaining("logs") });
    await expect(readFile(output)).rejects.toThrow();
  });

  it("reports a refused upload in one line naming the file and the bucket, with the policy to fix it", async () => {
    aws.script.s3Failures.PUT = { status: 403, code: "AccessDenied", message: "Access Denied" };
    const error = createLambdaBackend(config, deps).open(board);
    const message = await oneLineError(error);
    expect(message).toMatch(new RegExp(`^could not upload ${dir}/\\S+ to s3://${BUCKET}/reelpress-assets/[0-9a-f]{64}\\.\\w+: AccessDenied: Access Denied \\(HTTP 403\\)$`));
    await expect(error).rejects.toMatchObject({ code: "E_RENDER", hint: expect.stringContaining("remotion lambda policies user") });
  });

  it("reports a storyboard file that is gone before anything is sent", async () => {
    const gone = StoryboardSchema.parse({ ...board, theme: { ...board.theme, logo: { ...board.theme.logo, file: path.join(dir, "missing.svg") } } });
    const error = createLambdaBackend(config, deps).open(gone);
    expect(await oneLineError(error)).toBe(`the storyboard's "theme.logo.file" is ${path.join(dir, "missing.svg")}, which does not exist`);
    expect(aws.s3Requests).toEqual([]);
    await expect(error).rejects.toMatchObject({ code: "E_MEDIA" });
  });

  it("stops waiting for a render when the signal aborts, and writes nothing", async () => {
    aws.script.progress = [{ state: "running", framesRendered: 10 }, { state: "running", framesRendered: 20 }, { state: "done" }];
    const session = await createLambdaBackend(config, deps).open(board);
    const controller = new AbortController();
    const output = path.join(dir, "cancelled.mp4");
    const error = session.renderSegment({ from: 0, to: 90 }, full, output, { signal: controller.signal, onFrames: () => controller.abort() });
    await expect(error).rejects.toBeInstanceOf(ReelpressError);
    await expect(error).rejects.toMatchObject({ code: "E_ABORTED" });
    expect(aws.invocations.map((i) => i.payload.type)).toEqual(["start", "status"]);
    await expect(readFile(output)).rejects.toThrow();
  });
});
