import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { crc32 } from "node:zlib";

/**
 * A stand-in for the two AWS services Remotion Lambda's client talks to, on 127.0.0.1, speaking
 * their wire formats: S3 (path-style HEAD/PUT/GET object, with the SDK's aws-chunked uploads and
 * their CRC32 trailer, and XML errors) and Lambda's Invoke API (POST
 * /2015-03-31/functions/NAME/invocations, RequestResponse, the function's JSON answer as body).
 * Point the SDK at it with AWS_ENDPOINT_URL_S3 and AWS_ENDPOINT_URL_LAMBDA.
 *
 * The Lambda side plays Remotion's render function: a "start" payload answers
 * {type: "success", renderId, bucketName}, each "status" payload answers the next progress of the
 * script, and when a render is done its MP4 is in the bucket at renders/RENDER_ID/out.mp4.
 */
export interface FakeAws {
  /** The value for AWS_ENDPOINT_URL_S3 and AWS_ENDPOINT_URL_LAMBDA. */
  endpoint: string;
  /** Objects by "bucket/key". */
  objects: Map<string, { body: Buffer; contentType: string | undefined }>;
  /** Every S3 request, in order. */
  s3Requests: FakeS3Request[];
  /** Every Lambda invocation, with its decoded JSON payload, in order. */
  invocations: FakeInvocation[];
  script: FakeAwsScript;
  close(): Promise<void>;
}

export interface FakeS3Request {
  method: string;
  bucket: string;
  key: string;
  headers: IncomingHttpHeaders;
  /** The object's bytes for a PUT, decoded from aws-chunked. */
  body: Buffer | null;
}

export interface FakeInvocation {
  functionName: string;
  invocationType: string | undefined;
  /** The credential scope the request was signed for: "KEY/DATE/REGION/SERVICE/aws4_request". */
  credentialScope: string | null;
  payload: Record<string, unknown>;
}

/** Progress the render function reports, poll by poll: "running" (frames so far), "done" or "fatal". */
export type FakeProgressStep = { state: "running"; framesRendered: number } | { state: "done" } | { state: "fatal"; message: string };

export interface FakeAwsScript {
  /** Answered to every S3 request of this method instead of the normal answer (e.g. a 403 AccessDenied). */
  s3Failures: Partial<Record<"HEAD" | "PUT" | "GET", { status: number; code: string; message: string }>>;
  /** How the start call ends: Remotion's handled error ({type: "error"}), or a crash of the function (X-Amz-Function-Error: Unhandled). */
  start: { kind: "ok" } | { kind: "error"; message: string } | { kind: "unhandled"; message: string };
  /** Progress answers in order; the last repeats. */
  progress: FakeProgressStep[];
  /** The MP4 a finished render writes. */
  output: Buffer;
}

const RENDER_ID = "8hfxlw5c3e";

export async function startFakeAws(output: Buffer): Promise<FakeAws> {
  const objects = new Map<string, { body: Buffer; contentType: string | undefined }>();
  const s3Requests: FakeS3Request[] = [];
  const invocations: FakeInvocation[] = [];
  const fake = {
    objects,
    s3Requests,
    invocations,
    script: defaultAwsScript(output),
  } as FakeAws;
  let polls = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const invoke = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(url.pathname);
    if (invoke && req.method === "POST") {
      const payload = JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
      invocations.push({
        functionName: decodeURIComponent(invoke[1]!),
        invocationType: header(req.headers, "x-amz-invocation-type"),
        credentialScope: credentialScope(req.headers),
        payload,
      });
      const functionName = decodeURIComponent(invoke[1]!);
      if (payload.type === "start") {
        polls = 0;
        answerStart(res, fake.script, payload, functionName);
        return;
      }
      if (payload.type === "status") {
        const step = fake.script.progress[Math.min(polls, fake.script.progress.length - 1)]!;
        polls += 1;
        const bucket = String(payload.bucketName);
        if (step.state === "done") objects.set(`${bucket}/renders/${RENDER_ID}/out.mp4`, { body: fake.script.output, contentType: "video/mp4" });
        sendLambdaJson(res, progressAnswer(step, bucket, fake.script.output.length));
        return;
      }
      sendLambdaJson(res, { type: "error", message: `unknown routine ${String(payload.type)}`, stack: "" });
      return;
    }

    // Path-style S3: /BUCKET/KEY (the SDK uses it for an IP-address endpoint).
    const [, bucket = "", ...keyParts] = url.pathname.split("/");
    const key = keyParts.map(decodeURIComponent).join("/");
    const method = req.method ?? "GET";
    const body = method === "PUT" ? decodeAwsChunked(req.headers, raw) : null;
    s3Requests.push({ method, bucket, key, headers: req.headers, body: body && "bytes" in body ? body.bytes : null });
    const failure = fake.script.s3Failures[method as "HEAD" | "PUT" | "GET"];
    if (failure) {
      sendS3Error(res, method, failure.status, failure.code, failure.message, `/${bucket}/${key}`);
      return;
    }
    const object = objects.get(`${bucket}/${key}`);
    if (method === "HEAD" || method === "GET") {
      if (!object) {
        sendS3Error(res, method, 404, "NoSuchKey", "The specified key does not exist.", `/${bucket}/${key}`);
        return;
      }
      res.writeHead(200, {
        "content-type": object.contentType ?? "binary/octet-stream",
        "content-length": object.body.length,
        etag: `"${crc32(object.body).toString(16)}"`,
        "last-modified": new Date(0).toUTCString(),
        "accept-ranges": "bytes",
        "x-amz-request-id": "FAKE0REQUEST0ID",
      });
      res.end(method === "GET" ? object.body : undefined);
      return;
    }
    if (method === "PUT" && body) {
      if ("error" in body) {
        sendS3Error(res, method, 400, body.error, "The CRC32 you specified did not match the calculated checksum.", `/${bucket}/${key}`);
        return;
      }
      objects.set(`${bucket}/${key}`, { body: body.bytes, contentType: header(req.headers, "content-type") });
      res.writeHead(200, { etag: `"${crc32(body.bytes).toString(16)}"`, "x-amz-request-id": "FAKE0REQUEST0ID", "content-length": 0 });
      res.end();
      return;
    }
    sendS3Error(res, method, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.", `/${bucket}/${key}`);
  };

  // Every path here is dynamic (bucket, key, function name), so this is a plain server, not startServer's route table.
  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  fake.endpoint = `http://127.0.0.1:${port}`;
  fake.close = () =>
    new Promise<void>((resolve, reject) => {
      http.closeAllConnections();
      http.close((error) => (error ? reject(error) : resolve()));
    });
  return fake;
}

export function defaultAwsScript(output: Buffer): FakeAwsScript {
  return {
    s3Failures: {},
    start: { kind: "ok" },
    progress: [{ state: "running", framesRendered: 0 }, { state: "running", framesRendered: 40 }, { state: "done" }],
    output,
  };
}

function answerStart(res: ServerResponse, script: FakeAwsScript, payload: Record<string, unknown>, functionName: string): void {
  if (script.start.kind === "unhandled") {
    // How Lambda reports a function that threw: 200, X-Amz-Function-Error, the runtime's error JSON.
    const body = JSON.stringify({ errorType: "Error", errorMessage: script.start.message, trace: [`Error: ${script.start.message}`, "    at Runtime.handler (/var/task/index.js:1:1)"] });
    res.writeHead(200, { "content-type": "application/json", "x-amz-function-error": "Unhandled", "x-amz-executed-version": "$LATEST", "x-amzn-requestid": "fake-request-id", "content-length": Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  if (script.start.kind === "error") {
    sendLambdaJson(res, { type: "error", message: script.start.message, stack: `Error: ${script.start.message}\n    at startHandler (/var/task/index.js:1:1)` });
    return;
  }
  if (payload.version !== "4.0.527") {
    sendLambdaJson(res, { type: "error", message: `Version mismatch: When calling renderMediaOnLambda(), you passed ${functionName} as the function, which has the version 4.0.527, but the @remotion/lambda package you used to invoke the function has version ${String(payload.version)}.`, stack: "" });
    return;
  }
  sendLambdaJson(res, { type: "success", bucketName: payload.bucketName, renderId: RENDER_ID });
}

/** A getRenderProgress() answer shaped like Remotion's GenericRenderProgress. */
function progressAnswer(step: FakeProgressStep, bucket: string, size: number): Record<string, unknown> {
  const done = step.state === "done";
  const fatal = step.state === "fatal";
  return {
    type: "success",
    chunks: done ? 2 : 1,
    done,
    encodingStatus: done ? { framesEncoded: 90, combinedFrames: 90, timeToCombine: 412 } : null,
    costs: { accruedSoFar: 0.0012, displayCost: "$0.0012", currency: "USD", disclaimer: "Estimated cost only. Does not include charges for other AWS services." },
    renderId: RENDER_ID,
    renderMetadata: null,
    bucket,
    outputFile: done ? `https://s3.us-east-1.amazonaws.com/${bucket}/renders/${RENDER_ID}/out.mp4` : null,
    outKey: done ? `renders/${RENDER_ID}/out.mp4` : null,
    outBucket: done ? bucket : null,
    timeToFinish: done ? 9120 : null,
    errors: fatal
      ? [
          {
            type: "renderer",
            message: `${step.message}\n    at renderFrame (/var/task/index.js:1:1)`,
            name: "Error",
            stack: `Error: ${step.message}`,
            frame: 12,
            chunk: 0,
            isFatal: true,
            attempt: 1,
            willRetry: false,
            totalAttempts: 1,
            tmpDir: null,
            explanation: null,
            s3Location: `renders/${RENDER_ID}/errors/0.txt`,
          },
        ]
      : [],
    fatalErrorEncountered: fatal,
    currentTime: 1_764_107_634_000,
    renderSize: done ? size : 0,
    lambdasInvoked: 2,
    cleanup: done ? { doneIn: 120, minFilesToDelete: 3, filesDeleted: 3 } : null,
    timeToFinishChunks: done ? 7400 : null,
    timeToRenderFrames: done ? 6900 : null,
    timeToEncode: done ? 300 : null,
    overallProgress: done ? 1 : 0.4,
    retriesInfo: [],
    mostExpensiveFrameRanges: null,
    framesRendered: step.state === "running" ? step.framesRendered : done ? 90 : 12,
    outputSizeInBytes: done ? size : null,
    estimatedBillingDurationInMilliseconds: done ? 15800 : null,
    combinedFrames: done ? 90 : 0,
    timeToCombine: done ? 412 : null,
    timeoutTimestamp: 1_764_107_754_000,
    functionLaunched: 1_764_107_625_000,
    serveUrlOpened: 1_764_107_626_000,
    compositionValidated: 1_764_107_627_000,
    artifacts: [],
  };
}

function sendLambdaJson(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, { "content-type": "application/json", "x-amz-executed-version": "$LATEST", "x-amzn-requestid": "fake-request-id", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function sendS3Error(res: ServerResponse, method: string, status: number, code: string, message: string, resource: string): void {
  // HEAD answers carry no body; the SDK names the error from the status (NotFound, Forbidden).
  const body =
    method === "HEAD"
      ? ""
      : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><Resource>${resource}</Resource><RequestId>FAKE0REQUEST0ID</RequestId></Error>`;
  res.writeHead(status, { "content-type": "application/xml", "x-amz-request-id": "FAKE0REQUEST0ID", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/**
 * The object bytes of a PUT: plain, or the SDK's `Content-Encoding: aws-chunked` framing
 * (hex size CRLF data CRLF …, a 0-size chunk, then the checksum trailer), checked against it.
 */
function decodeAwsChunked(headers: IncomingHttpHeaders, raw: Buffer): { bytes: Buffer } | { error: string } {
  if (!String(headers["content-encoding"] ?? "").includes("aws-chunked")) {
    const sent = headers["x-amz-checksum-crc32"];
    return sent && sent !== crc32Base64(raw) ? { error: "BadDigest" } : { bytes: raw };
  }
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf("\r\n", at);
    const size = parseInt(raw.subarray(at, lineEnd).toString("latin1").split(";")[0]!, 16);
    at = lineEnd + 2;
    if (size === 0) break;
    parts.push(raw.subarray(at, at + size));
    at += size + 2;
  }
  const bytes = Buffer.concat(parts);
  const trailers = raw.subarray(at).toString("latin1");
  const sent = /x-amz-checksum-crc32:([A-Za-z0-9+/=]+)/.exec(trailers)?.[1];
  if (sent && sent !== crc32Base64(bytes)) return { error: "BadDigest" };
  if (Number(headers["x-amz-decoded-content-length"]) !== bytes.length) return { error: "IncompleteBody" };
  return { bytes };
}

/** S3's form of a CRC32 checksum: the 4 big-endian bytes in base64. */
function crc32Base64(bytes: Buffer): string {
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(bytes));
  return sum.toString("base64");
}

function credentialScope(headers: IncomingHttpHeaders): string | null {
  return /Credential=([^,]+)/.exec(header(headers, "authorization") ?? "")?.[1] ?? null;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
