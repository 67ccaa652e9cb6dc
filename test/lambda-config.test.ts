import { describe, expect, it } from "vitest";
import { UsageError } from "../src/errors.js";
import { LAMBDA_REGIONS, lambdaConfigFromEnv } from "../src/render/lambda/index.js";

const SERVE_URL = "https://remotionlambda-useast1-abc123def4.s3.us-east-1.amazonaws.com/sites/reelpress/index.html";
const FUNCTION = "remotion-render-4-0-527-mem2048mb-disk2048mb-120sec";

const complete: NodeJS.ProcessEnv = {
  REELPRESS_LAMBDA_REGION: "us-east-1",
  REELPRESS_LAMBDA_FUNCTION: FUNCTION,
  REELPRESS_LAMBDA_SERVE_URL: SERVE_URL,
  REELPRESS_LAMBDA_BUCKET: "remotionlambda-useast1-abc123def4",
  REMOTION_AWS_ACCESS_KEY_ID: "AKIAEXAMPLE",
  REMOTION_AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

function without(env: NodeJS.ProcessEnv, ...names: string[]): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !names.includes(name)));
}

function configError(env: NodeJS.ProcessEnv): UsageError {
  let caught: unknown = null;
  try {
    lambdaConfigFromEnv(env);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(UsageError);
  const error = caught as UsageError;
  expect(error.code).toBe("E_USAGE");
  expect(error.message.split("\n")).toHaveLength(1);
  expect(error.hint).toBeTruthy();
  return error;
}

describe("lambdaConfigFromEnv", () => {
  it("reads the region, function, serve URL, bucket and credentials from the REELPRESS_LAMBDA_* variables", () => {
    expect(lambdaConfigFromEnv({ ...complete, REELPRESS_LAMBDA_FRAMES_PER_LAMBDA: "40" })).toEqual({
      region: "us-east-1",
      functionName: FUNCTION,
      serveUrl: SERVE_URL,
      bucket: "remotionlambda-useast1-abc123def4",
      framesPerLambda: 40,
      credentials: "REMOTION_AWS_ACCESS_KEY_ID",
    });
  });

  it("falls back to AWS_REGION and lets Remotion choose the frames per Lambda", () => {
    const config = lambdaConfigFromEnv({ ...without(complete, "REELPRESS_LAMBDA_REGION"), AWS_REGION: "eu-central-1" });
    expect(config.region).toBe("eu-central-1");
    expect(config.framesPerLambda).toBeNull();
  });

  it("takes the bucket from a serve URL made by `sites create` when REELPRESS_LAMBDA_BUCKET is unset", () => {
    expect(lambdaConfigFromEnv(without(complete, "REELPRESS_LAMBDA_BUCKET")).bucket).toBe("remotionlambda-useast1-abc123def4");
  });

  it.each([
    ["REELPRESS_LAMBDA_REGION", without(complete, "REELPRESS_LAMBDA_REGION")],
    ["REELPRESS_LAMBDA_FUNCTION", without(complete, "REELPRESS_LAMBDA_FUNCTION")],
    ["REELPRESS_LAMBDA_SERVE_URL", without(complete, "REELPRESS_LAMBDA_SERVE_URL")],
    ["REELPRESS_LAMBDA_BUCKET", { ...without(complete, "REELPRESS_LAMBDA_BUCKET"), REELPRESS_LAMBDA_SERVE_URL: "https://videos.example.com/reelpress/index.html" }],
    ["REMOTION_AWS_ACCESS_KEY_ID", without(complete, "REMOTION_AWS_ACCESS_KEY_ID", "REMOTION_AWS_SECRET_ACCESS_KEY")],
    ["REMOTION_AWS_SECRET_ACCESS_KEY", without(complete, "REMOTION_AWS_SECRET_ACCESS_KEY")],
    ["AWS_ACCESS_KEY_ID", { ...without(complete, "REMOTION_AWS_ACCESS_KEY_ID", "REMOTION_AWS_SECRET_ACCESS_KEY"), AWS_SECRET_ACCESS_KEY: "secret" }],
  ])("names %s when it is missing", (name, env) => {
    expect(configError(env).message).toBe(`rendering on Lambda needs ${name}, which is not set`);
  });

  it("treats a blank variable as missing", () => {
    expect(configError({ ...complete, REELPRESS_LAMBDA_FUNCTION: "  " }).message).toContain("REELPRESS_LAMBDA_FUNCTION");
  });

  it.each([
    ["REELPRESS_LAMBDA_REGION", { REELPRESS_LAMBDA_REGION: "us-east-9" }, /REELPRESS_LAMBDA_REGION is "us-east-9", which is not a region Remotion Lambda runs in/],
    ["AWS_REGION", { REELPRESS_LAMBDA_REGION: undefined, AWS_REGION: "mars-1" }, /AWS_REGION is "mars-1"/],
    ["REELPRESS_LAMBDA_FUNCTION", { REELPRESS_LAMBDA_FUNCTION: `arn:aws:lambda:us-east-1:123456789012:function:${FUNCTION}` }, /REELPRESS_LAMBDA_FUNCTION must be a Lambda function name/],
    ["REELPRESS_LAMBDA_SERVE_URL", { REELPRESS_LAMBDA_SERVE_URL: "http://example.com/site/index.html" }, /REELPRESS_LAMBDA_SERVE_URL must be an https URL, but is "http:/],
    ["REELPRESS_LAMBDA_BUCKET", { REELPRESS_LAMBDA_BUCKET: "s3://remotionlambda-useast1-abc123def4" }, /REELPRESS_LAMBDA_BUCKET must be an S3 bucket name, but is "s3:/],
    ["REELPRESS_LAMBDA_FRAMES_PER_LAMBDA", { REELPRESS_LAMBDA_FRAMES_PER_LAMBDA: "4" }, /REELPRESS_LAMBDA_FRAMES_PER_LAMBDA must be a whole number of at least 5, but is "4"/],
    ["REELPRESS_LAMBDA_FRAMES_PER_LAMBDA", { REELPRESS_LAMBDA_FRAMES_PER_LAMBDA: "twenty" }, /but is "twenty"/],
    ["REELPRESS_LAMBDA_FRAMES_PER_LAMBDA", { REELPRESS_LAMBDA_FRAMES_PER_LAMBDA: "20.5" }, /but is "20.5"/],
  ])("rejects a malformed %s with its value", (_name, change, message) => {
    expect(configError({ ...complete, ...change }).message).toMatch(message);
  });

  it("picks credentials in Remotion's order: REMOTION_AWS_PROFILE, REMOTION_ keys, AWS_PROFILE, AWS_ keys, a machine role", () => {
    const bare = without(complete, "REMOTION_AWS_ACCESS_KEY_ID", "REMOTION_AWS_SECRET_ACCESS_KEY");
    const awsKeys = { AWS_ACCESS_KEY_ID: "AKIA2", AWS_SECRET_ACCESS_KEY: "s2" };
    expect(lambdaConfigFromEnv({ ...complete, ...awsKeys, AWS_PROFILE: "work", REMOTION_AWS_PROFILE: "render" }).credentials).toBe("REMOTION_AWS_PROFILE");
    expect(lambdaConfigFromEnv({ ...complete, ...awsKeys, AWS_PROFILE: "work" }).credentials).toBe("REMOTION_AWS_ACCESS_KEY_ID");
    expect(lambdaConfigFromEnv({ ...bare, ...awsKeys, AWS_PROFILE: "work" }).credentials).toBe("AWS_PROFILE");
    expect(lambdaConfigFromEnv({ ...bare, ...awsKeys }).credentials).toBe("AWS_ACCESS_KEY_ID");
    expect(lambdaConfigFromEnv({ ...bare, REMOTION_SKIP_AWS_CREDENTIALS_CHECK: "1" }).credentials).toBe("REMOTION_SKIP_AWS_CREDENTIALS_CHECK");
  });

  it("knows exactly the regions the installed @remotion/lambda supports", async () => {
    const { getRegions } = await import("@remotion/lambda");
    expect([...LAMBDA_REGIONS].sort()).toEqual([...getRegions()].sort());
  });
});
