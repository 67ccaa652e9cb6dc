import type { AwsRegion } from "@remotion/lambda/client";
import { UsageError } from "../../errors.js";

/** Where and with what segments are rendered on Remotion Lambda; read once from the environment. */
export interface LambdaConfig {
  region: AwsRegion;
  /** The deployed render function, e.g. "remotion-render-4-0-527-mem2048mb-disk2048mb-120sec". */
  functionName: string;
  /** The site deployed with `npx remotion lambda sites create` (https URL of its index.html). */
  serveUrl: string;
  /** The S3 bucket that receives the storyboard's media and the rendered segments. */
  bucket: string;
  /** Frames each Lambda renders; null lets Remotion choose. */
  framesPerLambda: number | null;
  /** Which credentials Remotion will use (it reads them from the process environment itself). */
  credentials: LambdaCredentialSource;
}

export type LambdaCredentialSource =
  | "REMOTION_AWS_PROFILE"
  | "REMOTION_AWS_ACCESS_KEY_ID"
  | "AWS_PROFILE"
  | "AWS_ACCESS_KEY_ID"
  | "REMOTION_SKIP_AWS_CREDENTIALS_CHECK";

/**
 * The regions Remotion Lambda 4.0.527 runs in. A Record so that the compiler checks the list
 * against Remotion's own `AwsRegion` union in both directions (none missing, none extra).
 */
const REGIONS: Record<AwsRegion, true> = {
  "eu-central-1": true, "eu-central-2": true, "eu-west-1": true, "eu-west-2": true, "eu-west-3": true,
  "eu-south-1": true, "eu-north-1": true, "us-east-1": true, "us-east-2": true, "us-west-1": true,
  "us-west-2": true, "af-south-1": true, "ap-south-1": true, "ap-east-1": true, "ap-southeast-1": true,
  "ap-southeast-2": true, "ap-northeast-1": true, "ap-northeast-2": true, "ap-northeast-3": true,
  "ap-southeast-4": true, "ap-southeast-5": true, "ca-central-1": true, "cn-north-1": true,
  "cn-northwest-1": true, "sa-east-1": true,
};

export const LAMBDA_REGIONS = Object.keys(REGIONS) as AwsRegion[];

/** Remotion refuses fewer frames per Lambda (MINIMUM_FRAMES_PER_FUNCTION in @remotion/serverless-client). */
export const MIN_FRAMES_PER_LAMBDA = 5;

const SETUP_HINT = "see \"Render on AWS Lambda\" in the README";

/** S3's bucket naming rules: 3–63 characters, lower-case letters, digits, dots and hyphens. */
const BUCKET_NAME = /^(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The bucket of a serve URL made by `sites create`: https://BUCKET.s3.REGION.amazonaws.com/sites/ID/index.html */
const SITE_URL = /^https:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\.s3\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/sites\//;

/**
 * Reads the Lambda settings from the environment (pure: `env` is all it looks at).
 *
 * - REELPRESS_LAMBDA_REGION, else AWS_REGION: one of LAMBDA_REGIONS.
 * - REELPRESS_LAMBDA_FUNCTION: the deployed function's name.
 * - REELPRESS_LAMBDA_SERVE_URL: the deployed site's https URL.
 * - REELPRESS_LAMBDA_BUCKET: the bucket for media and segments. @default the serve URL's bucket
 * - REELPRESS_LAMBDA_FRAMES_PER_LAMBDA: a whole number ≥ MIN_FRAMES_PER_LAMBDA. @default Remotion's choice
 * - credentials, in Remotion's order: REMOTION_AWS_PROFILE, REMOTION_AWS_ACCESS_KEY_ID with
 *   REMOTION_AWS_SECRET_ACCESS_KEY, AWS_PROFILE, AWS_ACCESS_KEY_ID with AWS_SECRET_ACCESS_KEY, or
 *   REMOTION_SKIP_AWS_CREDENTIALS_CHECK for a machine role (EC2, ECS). Remotion also accepts a
 *   `[default]` profile in ~/.aws/credentials; reading that file would make this function impure,
 *   so that case needs AWS_PROFILE=default.
 *
 * Throws a UsageError naming the first missing or malformed variable.
 */
export function lambdaConfigFromEnv(env: NodeJS.ProcessEnv): LambdaConfig {
  const read = (name: string): string | null => env[name]?.trim() || null;

  const regionFrom = read("REELPRESS_LAMBDA_REGION") ? "REELPRESS_LAMBDA_REGION" : "AWS_REGION";
  const region = read(regionFrom);
  if (!region) throw missing("REELPRESS_LAMBDA_REGION", "set it (or AWS_REGION) to the region the Remotion function is deployed in, e.g. us-east-1");
  if (!(region in REGIONS)) {
    throw new UsageError(`${regionFrom} is "${region}", which is not a region Remotion Lambda runs in`, {
      hint: `use one of ${LAMBDA_REGIONS.join(", ")}`,
    });
  }

  const functionName = read("REELPRESS_LAMBDA_FUNCTION");
  if (!functionName) throw missing("REELPRESS_LAMBDA_FUNCTION", "set it to the name `npx remotion lambda functions deploy` printed (`npx remotion lambda functions ls` lists them)");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(functionName)) {
    throw new UsageError(`REELPRESS_LAMBDA_FUNCTION must be a Lambda function name (letters, digits, - and _), but is "${functionName}"`, {
      hint: "use the name `npx remotion lambda functions ls` prints, not its ARN",
    });
  }

  const serveUrl = read("REELPRESS_LAMBDA_SERVE_URL");
  if (!serveUrl) throw missing("REELPRESS_LAMBDA_SERVE_URL", "set it to the URL `npx remotion lambda sites create compositions/index.ts` printed");
  if (!isHttpsUrl(serveUrl)) {
    throw new UsageError(`REELPRESS_LAMBDA_SERVE_URL must be an https URL, but is "${serveUrl}"`, {
      hint: "use the full Serve URL `npx remotion lambda sites ls` prints",
    });
  }

  const bucket = read("REELPRESS_LAMBDA_BUCKET") ?? SITE_URL.exec(serveUrl)?.[1] ?? null;
  if (!bucket) throw missing("REELPRESS_LAMBDA_BUCKET", "set it to the remotionlambda-… bucket of your site (it cannot be read from this serve URL)");
  if (!BUCKET_NAME.test(bucket)) {
    throw new UsageError(`REELPRESS_LAMBDA_BUCKET must be an S3 bucket name, but is "${bucket}"`, {
      hint: "give the bucket's name (remotionlambda-…), not an s3:// or https URL",
    });
  }

  const frames = read("REELPRESS_LAMBDA_FRAMES_PER_LAMBDA");
  const framesPerLambda = frames === null ? null : Number(frames);
  if (framesPerLambda !== null && !(Number.isInteger(framesPerLambda) && framesPerLambda >= MIN_FRAMES_PER_LAMBDA)) {
    throw new UsageError(`REELPRESS_LAMBDA_FRAMES_PER_LAMBDA must be a whole number of at least ${MIN_FRAMES_PER_LAMBDA}, but is "${frames}"`, {
      hint: "unset it to let Remotion choose",
    });
  }

  return { region: region as AwsRegion, functionName, serveUrl, bucket, framesPerLambda, credentials: credentialSource(read) };
}

/** The credentials Remotion will pick, in its own order (getCredentials in @remotion/lambda-client). */
function credentialSource(read: (name: string) => string | null): LambdaCredentialSource {
  if (read("REMOTION_AWS_PROFILE")) return "REMOTION_AWS_PROFILE";
  if (read("REMOTION_AWS_ACCESS_KEY_ID") || read("REMOTION_AWS_SECRET_ACCESS_KEY")) {
    requirePair(read, "REMOTION_AWS_ACCESS_KEY_ID", "REMOTION_AWS_SECRET_ACCESS_KEY");
    return "REMOTION_AWS_ACCESS_KEY_ID";
  }
  if (read("AWS_PROFILE")) return "AWS_PROFILE";
  if (read("AWS_ACCESS_KEY_ID") || read("AWS_SECRET_ACCESS_KEY")) {
    requirePair(read, "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    return "AWS_ACCESS_KEY_ID";
  }
  if (read("REMOTION_SKIP_AWS_CREDENTIALS_CHECK")) return "REMOTION_SKIP_AWS_CREDENTIALS_CHECK";
  throw missing(
    "REMOTION_AWS_ACCESS_KEY_ID",
    "set REMOTION_AWS_ACCESS_KEY_ID and REMOTION_AWS_SECRET_ACCESS_KEY (or AWS_PROFILE, or REMOTION_SKIP_AWS_CREDENTIALS_CHECK=1 on a machine with an IAM role)",
  );
}

function requirePair(read: (name: string) => string | null, id: string, secret: string): void {
  const absent = read(id) ? secret : id;
  if (!read(absent)) throw missing(absent, `${id} and ${secret} go together; set both`);
}

function missing(name: string, hint: string): UsageError {
  return new UsageError(`rendering on Lambda needs ${name}, which is not set`, { hint: `${hint}; ${SETUP_HINT}` });
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === "https:";
  } catch {
    // Not a URL at all: reported by the caller as malformed.
    return false;
  }
}
