import type { RenderMediaOnLambdaInput } from "@remotion/lambda/client";
import { COMPOSITION_ID, type ReelpressProps } from "../../../compositions/reelpress-props.js";
import { RenderError } from "../../errors.js";
import type { Storyboard } from "../../schema/storyboard.js";
import type { SegmentEncoding, SegmentRange } from "../segments/segment-backend.js";
import type { LambdaConfig } from "./lambda-config.js";

/**
 * The renderMediaOnLambda() call for one segment (pure). Frames [range.from, range.to) become
 * Remotion's inclusive `frameRange`; the encoding is the local render's (JPEG frames, x264,
 * yuv420p, BT.709) so that segments join by stream copy; the soundtrack is muxed later, so the
 * segment is muted; the output stays private in the configured bucket.
 *
 * @param assets each local media path of the storyboard → a URL the Lambda's browser can load
 */
export function lambdaRenderRequest(
  config: LambdaConfig,
  board: Storyboard,
  assets: Record<string, string>,
  range: SegmentRange,
  encoding: SegmentEncoding,
): RenderMediaOnLambdaInput {
  if (!Number.isInteger(range.from) || !Number.isInteger(range.to) || range.from < 0 || range.to <= range.from) {
    throw new RenderError("E_RENDER", `a segment must cover whole frames [from, to) with from < to, but is [${range.from}, ${range.to})`);
  }
  const inputProps: ReelpressProps = { storyboard: board, assets };
  return {
    region: config.region,
    functionName: config.functionName,
    serveUrl: config.serveUrl,
    composition: COMPOSITION_ID,
    inputProps,
    codec: "h264",
    frameRange: [range.from, range.to - 1],
    imageFormat: "jpeg",
    jpegQuality: encoding.jpegQuality,
    x264Preset: encoding.x264Preset,
    crf: encoding.crf,
    scale: encoding.scale,
    pixelFormat: "yuv420p",
    colorSpace: "bt709",
    muted: true,
    privacy: "private",
    // The render's progress file and output go to the same bucket as the media (the site's
    // bucket by default), which the role `remotion lambda policies role` prints can write.
    forceBucketName: config.bucket,
    ...(config.framesPerLambda === null ? {} : { framesPerLambda: config.framesPerLambda }),
    maxRetries: 1,
    // "warn": Remotion prints its own help for a failed call at "info"; only the CLI prints here.
    logLevel: "warn",
  };
}
