import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { readFile, rename, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { setTimeout as delay } from "node:timers/promises";
import type {
  GetAwsClientOutput,
  GetRenderProgressInput,
  PresignUrlInput,
  RenderMediaOnLambdaInput,
  RenderMediaOnLambdaOutput,
} from "@remotion/lambda/client";
import pLimit from "p-limit";
import { ReelpressError, RenderError } from "../../errors.js";
import type { Storyboard } from "../../schema/storyboard.js";
import type { SegmentBackend, SegmentEncoding, SegmentRange, SegmentRenderOptions } from "../segments/segment-backend.js";
import { assetContentType } from "../asset-content-type.js";
import { assetKey } from "./asset-key.js";
import type { LambdaConfig } from "./lambda-config.js";
import { lambdaRenderRequest } from "./lambda-render-request.js";
import { storyboardFiles, type StoryboardFile } from "../storyboard-files.js";

/** What the backend reads of getRenderProgress()'s answer (a subset of Remotion's RenderProgress). */
export interface LambdaRenderProgress {
  done: boolean;
  fatalErrorEncountered: boolean;
  framesRendered: number;
  outBucket: string | null;
  outKey: string | null;
  errors: { message: string; isFatal: boolean; willRetry?: boolean }[];
}

/**
 * The outside calls the backend makes. Each defaults to Remotion's own function (loaded on first
 * use, so choosing the local backend costs no import); tests pass fakes or let them talk to a local
 * server through AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL_LAMBDA.
 */
export interface LambdaBackendDeps {
  renderMediaOnLambda(input: RenderMediaOnLambdaInput): Promise<Pick<RenderMediaOnLambdaOutput, "renderId" | "bucketName" | "cloudWatchLogs">>;
  getRenderProgress(input: GetRenderProgressInput): Promise<LambdaRenderProgress>;
  /** Signs a GET URL for an object; no network. */
  presignUrl(input: PresignUrlInput<false>): Promise<string>;
  /** Remotion's S3 client and SDK for the region, with the credentials it renders with. */
  s3(region: LambdaConfig["region"]): Promise<GetAwsClientOutput<"s3">>;
  /** Waits between two progress polls; rejects when the signal aborts. */
  wait(ms: number, signal: AbortSignal | undefined): Promise<void>;
}

/** Time between two getRenderProgress() calls (Remotion's examples poll every second). */
export const DEFAULT_POLL_MS = 1000;

/**
 * How long the media URLs handed to the Lambda stay valid. A session's segments render well within
 * a day; URLs signed with temporary credentials end with their session anyway.
 */
export const ASSET_URL_SECONDS = 24 * 60 * 60;

/** Files up to this size are uploaded from memory (retried by the SDK on 5xx); bigger ones stream. */
const BUFFERED_UPLOAD_BYTES = 32 * 1024 * 1024;

/** Media uploads (HEAD, then PUT when missing) in flight at once. */
const UPLOAD_CONCURRENCY = 4;

const LAMBDA_VERSION = (createRequire(import.meta.url)("@remotion/lambda/package.json") as { version: string }).version;

const defaultDeps: LambdaBackendDeps = {
  renderMediaOnLambda: async (input) => (await import("@remotion/lambda/client")).renderMediaOnLambda(input),
  getRenderProgress: async (input) => (await import("@remotion/lambda/client")).getRenderProgress(input),
  presignUrl: async (input) => (await import("@remotion/lambda/client")).presignUrl(input),
  s3: async (region) => (await import("@remotion/lambda/client")).getAwsClient({ region, service: "s3" }),
  wait: (ms, signal) => delay(ms, undefined, { signal }),
};

/**
 * Renders segments on Remotion Lambda: `open` uploads the storyboard's media to the bucket under
 * content-addressed keys (a file already there is not sent again) and signs a GET URL for each;
 * each segment is one renderMediaOnLambda() call over its frames, polled until done and
 * downloaded beside its output file, then renamed into place.
 */
export function createLambdaBackend(config: LambdaConfig, deps: Partial<LambdaBackendDeps> = {}): SegmentBackend {
  const use: LambdaBackendDeps = { ...defaultDeps, ...deps };
  const where = `s3://${config.bucket}`;

  const uploadAll = async (files: StoryboardFile[], signal: AbortSignal | undefined): Promise<Record<string, string>> => {
    const { client, sdk } = await use.s3(config.region);
    const limit = pLimit(UPLOAD_CONCURRENCY);
    const byKey = new Map<string, Promise<void>>();

    const ensureUploaded = async (file: string, key: string, size: number) => {
      try {
        await client.send(new sdk.HeadObjectCommand({ Bucket: config.bucket, Key: key }), { abortSignal: signal });
        return;
      } catch (cause) {
        if (statusOf(cause) !== 404) throw s3Error(cause, `could not look for ${key} in ${where}`, signal);
      }
      try {
        // A body in memory can be sent again when S3 answers 5xx; a stream cannot, so only big files stream.
        const body = size <= BUFFERED_UPLOAD_BYTES ? await readFile(file) : createReadStream(file);
        await client.send(new sdk.PutObjectCommand({ Bucket: config.bucket, Key: key, Body: body, ContentLength: size, ContentType: assetContentType(file) }), {
          abortSignal: signal,
        });
      } catch (cause) {
        throw s3Error(cause, `could not upload ${file} to ${where}/${key}`, signal);
      }
    };

    // Every file is checked before the first upload, so a missing one costs no transfer.
    const sizes = await Promise.all(
      files.map(async ({ field, file }) => {
        const info = await stat(file).catch(() => null);
        if (!info?.isFile()) {
          throw new ReelpressError("E_MEDIA", `the storyboard's "${field}" is ${file}, which does not exist`, {
            hint: "run `reelpress plan` again to fetch the media, or point the field at a local file",
          });
        }
        return info.size;
      }),
    );
    const settled = await Promise.allSettled(
      files.map(({ file }, i) =>
        limit(async () => {
          throwIfAborted(signal);
          const key = assetKey(await sha256File(file), file);
          let upload = byKey.get(key);
          if (!upload) {
            upload = ensureUploaded(file, key, sizes[i]!);
            byKey.set(key, upload);
          }
          await upload;
          const url = await use.presignUrl({ region: config.region, bucketName: config.bucket, objectKey: key, expiresInSeconds: ASSET_URL_SECONDS });
          return [file, url] as const;
        }),
      ),
    );
    // Every upload has ended before open() answers, so none is still running after a failure.
    const failed = settled.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    return Object.fromEntries(settled.map((result) => (result as PromiseFulfilledResult<readonly [string, string]>).value));
  };

  const download = async (bucket: string, key: string, outputFile: string, signal: AbortSignal | undefined) => {
    const { client, sdk } = await use.s3(config.region);
    const temp = path.join(path.dirname(outputFile), `.${path.basename(outputFile)}.${randomBytes(6).toString("hex")}.part`);
    try {
      const answer = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
      if (!(answer.Body instanceof Readable)) throw new Error("S3 sent no body");
      await pipeline(answer.Body, createWriteStream(temp), { signal });
      await rename(temp, outputFile);
    } catch (cause) {
      await rm(temp, { force: true });
      throw s3Error(cause, `could not download the segment s3://${bucket}/${key}`, signal);
    }
  };

  const renderSegment = async (
    board: Storyboard,
    assets: Record<string, string>,
    range: SegmentRange,
    encoding: SegmentEncoding,
    outputFile: string,
    { signal, onFrames }: SegmentRenderOptions = {},
  ): Promise<void> => {
    const frames = `frames ${range.from}–${range.to - 1}`;
    const request = lambdaRenderRequest(config, board, assets, range, encoding);
    throwIfAborted(signal);
    let started: Awaited<ReturnType<LambdaBackendDeps["renderMediaOnLambda"]>>;
    try {
      started = await use.renderMediaOnLambda(request);
    } catch (cause) {
      throw new RenderError("E_RENDER", `Remotion Lambda could not start rendering ${frames}: ${firstLine(cause)}`, {
        hint: `check REELPRESS_LAMBDA_FUNCTION (${config.functionName}) and that the function and site were deployed with Remotion ${LAMBDA_VERSION}`,
        cause,
      });
    }
    const logsHint = `the render's logs: ${started.cloudWatchLogs}`;
    const total = range.to - range.from;
    let reported = -1;
    for (;;) {
      throwIfAborted(signal);
      let progress: LambdaRenderProgress;
      try {
        progress = await use.getRenderProgress({
          renderId: started.renderId,
          bucketName: started.bucketName,
          functionName: config.functionName,
          region: config.region,
          logLevel: "warn",
        });
      } catch (cause) {
        throw new RenderError("E_RENDER", `could not read the progress of Lambda render ${started.renderId} (${frames}): ${firstLine(cause)}`, { hint: logsHint, cause });
      }
      const drawn = Math.min(progress.framesRendered, total);
      if (drawn !== reported) onFrames?.(drawn);
      reported = drawn;
      if (progress.fatalErrorEncountered) {
        const fatal = progress.errors.find((e) => e.isFatal && !e.willRetry) ?? progress.errors[0];
        throw new RenderError("E_RENDER", `Lambda render ${started.renderId} of ${frames} failed: ${firstLine(fatal?.message ?? "no error message")}`, { hint: logsHint });
      }
      if (progress.done) {
        if (!progress.outBucket || !progress.outKey) {
          throw new RenderError("E_RENDER", `Lambda render ${started.renderId} of ${frames} finished without an output file`, { hint: logsHint });
        }
        if (reported !== total) onFrames?.(total);
        await download(progress.outBucket, progress.outKey, outputFile, signal);
        return;
      }
      try {
        await use.wait(DEFAULT_POLL_MS, signal);
      } catch (cause) {
        if (signal?.aborted) throw aborted(cause);
        throw cause;
      }
    }
  };

  return {
    name: `lambda (${config.region}, ${config.functionName})`,
    // The frames come from the deployed site, so a site deployed again (a new URL) starts a new set of segments.
    encoderId: `remotion-lambda@${LAMBDA_VERSION} ${config.serveUrl}`,
    parallelSegments: LAMBDA_PARALLEL_SEGMENTS,
    async open(board, openOptions = {}) {
      const assets = await uploadAll(storyboardFiles(board), openOptions.signal);
      return {
        renderSegment: (range, encoding, outputFile, options) => renderSegment(board, assets, range, encoding, outputFile, options),
        // The uploads stay: they are content-addressed, so the next render of these files skips them.
        close: async () => {},
      };
    },
    async close() {},
  };
}

/** Segments rendered on Lambda at the same time unless --segment-workers says otherwise: each is its own set of functions. */
const LAMBDA_PARALLEL_SEGMENTS = 8;

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

function s3Error(cause: unknown, what: string, signal: AbortSignal | undefined): ReelpressError {
  if (cause instanceof ReelpressError) return cause;
  if (signal?.aborted) return aborted(cause);
  const status = statusOf(cause);
  const name = cause instanceof Error && cause.name !== "Error" ? `${cause.name}: ` : "";
  const hint =
    status === 403
      ? "the AWS user needs s3:GetObject, s3:PutObject and s3:ListBucket on the bucket (`npx remotion lambda policies user` prints the policy)"
      : "check REELPRESS_LAMBDA_BUCKET and REELPRESS_LAMBDA_REGION, and the network";
  return new RenderError("E_RENDER", `${what}: ${name}${firstLine(cause)}${status ? ` (HTTP ${status})` : ""}`, { hint, cause });
}

function aborted(cause?: unknown): ReelpressError {
  return new ReelpressError("E_ABORTED", "the render was cancelled", { cause });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw aborted();
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n").find((line) => line.trim())?.trim() ?? "unknown error";
}
