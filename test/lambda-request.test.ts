import { describe, expect, it } from "vitest";
import { RenderError } from "../src/errors.js";
import { lambdaConfigFromEnv, lambdaRenderRequest } from "../src/render/lambda/index.js";
import { storyboardFiles } from "../src/render/storyboard-files.js";
import type { SegmentEncoding } from "../src/render/segments/segment-backend.js";
import { StoryboardSchema } from "../src/schema/storyboard.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";

const config = lambdaConfigFromEnv({
  REELPRESS_LAMBDA_REGION: "eu-central-1",
  REELPRESS_LAMBDA_FUNCTION: "remotion-render-4-0-527-mem2048mb-disk2048mb-120sec",
  REELPRESS_LAMBDA_SERVE_URL: "https://remotionlambda-eucentral1-abc123def4.s3.eu-central-1.amazonaws.com/sites/reelpress/index.html",
  REMOTION_AWS_ACCESS_KEY_ID: "AKIAEXAMPLE",
  REMOTION_AWS_SECRET_ACCESS_KEY: "secret",
});

const full: SegmentEncoding = { jpegQuality: 90, x264Preset: "veryfast", crf: 20, scale: 1, textHold: 1 };
const draft: SegmentEncoding = { jpegQuality: 70, x264Preset: "ultrafast", crf: 23, scale: 0.5, textHold: 3 };
const signed = "https://remotionlambda-eucentral1-abc123def4.s3.eu-central-1.amazonaws.com/reelpress-assets/9f86d0.jpg?X-Amz-Signature=abc";

describe("lambdaRenderRequest", () => {
  it("asks for frames [from, to) as Remotion's inclusive frame range", () => {
    const board = makeStoryboard();
    expect(lambdaRenderRequest(config, board, {}, { from: 105, to: 225 }, full).frameRange).toEqual([105, 224]);
    expect(lambdaRenderRequest(config, board, {}, { from: 0, to: 1 }, full).frameRange).toEqual([0, 0]);
  });

  it("renders the Reelpress composition as a muted, private H.264 segment with the segment's encoding", () => {
    const request = lambdaRenderRequest(config, makeStoryboard(), {}, { from: 0, to: 90 }, full);
    expect(request).toMatchObject({
      region: "eu-central-1",
      functionName: "remotion-render-4-0-527-mem2048mb-disk2048mb-120sec",
      serveUrl: config.serveUrl,
      composition: "Reelpress",
      codec: "h264",
      imageFormat: "jpeg",
      jpegQuality: 90,
      x264Preset: "veryfast",
      crf: 20,
      scale: 1,
      pixelFormat: "yuv420p",
      colorSpace: "bt709",
      muted: true,
      privacy: "private",
      forceBucketName: "remotionlambda-eucentral1-abc123def4",
    });
    expect(lambdaRenderRequest(config, makeStoryboard(), {}, { from: 0, to: 90 }, draft)).toMatchObject({ jpegQuality: 70, x264Preset: "ultrafast", crf: 23, scale: 0.5 });
  });

  it("passes the storyboard and the uploaded URLs as the composition's props, never local paths", () => {
    const board = makeStoryboard();
    const request = lambdaRenderRequest(config, board, { "/tmp/none.jpg": signed }, { from: 0, to: 90 }, full);
    expect(request.inputProps).toEqual({ storyboard: board, assets: { "/tmp/none.jpg": signed } });
  });

  it("sets framesPerLambda only when it is configured", () => {
    expect(lambdaRenderRequest(config, makeStoryboard(), {}, { from: 0, to: 90 }, full)).not.toHaveProperty("framesPerLambda");
    expect(lambdaRenderRequest({ ...config, framesPerLambda: 30 }, makeStoryboard(), {}, { from: 0, to: 90 }, full).framesPerLambda).toBe(30);
  });

  it.each([
    [{ from: 90, to: 90 }],
    [{ from: 90, to: 30 }],
    [{ from: -1, to: 30 }],
    [{ from: 0.5, to: 30 }],
  ])("refuses a segment that covers no whole frames: %o", (range) => {
    expect(() => lambdaRenderRequest(config, makeStoryboard(), {}, range, full)).toThrow(RenderError);
  });
});

describe("storyboardFiles", () => {
  it("lists each image, video, font, logo and watermark file once, and no generated scene", () => {
    const base = makeStoryboard();
    const board = StoryboardSchema.parse({
      ...base,
      theme: {
        ...base.theme,
        fonts: { headline: { family: "Acme Sans", weight: 700, file: "/brand/AcmeSans.woff2" }, body: base.theme.fonts.body },
        logo: { ...base.theme.logo, file: "/brand/logo.svg" },
        watermark: { text: null, image: "/brand/mark.png", placement: "bottom-right", opacity: 0.6, size: 0.03 },
      },
      scenes: [
        base.scenes[0],
        base.scenes[1],
        { ...base.scenes[2], media: { kind: "video", file: "/clips/a.mp4", width: 640, height: 360, durationSeconds: 4, provider: "library", origin: null, license: base.scenes[0]!.media.license } },
        { ...base.scenes[2], id: "s4", startFrame: 345, media: base.scenes[0]!.media },
      ],
    });
    expect(storyboardFiles(board)).toEqual([
      { field: "scenes[0].media.file", file: "/tmp/none.jpg" },
      { field: "scenes[2].media.file", file: "/clips/a.mp4" },
      { field: "theme.fonts.headline.file", file: "/brand/AcmeSans.woff2" },
      { field: "theme.logo.file", file: "/brand/logo.svg" },
      { field: "theme.watermark.image", file: "/brand/mark.png" },
    ]);
  });
});
