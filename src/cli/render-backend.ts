import { UsageError } from "../errors.js";
import { createLambdaBackend, lambdaConfigFromEnv, type SegmentBackend } from "../render/index.js";

/** REELPRESS_RENDER_BACKEND, when set: "local" or "lambda". */
export function envBackend(env: NodeJS.ProcessEnv): "local" | "lambda" | undefined {
  const value = env.REELPRESS_RENDER_BACKEND?.trim();
  if (!value) return undefined;
  if (value === "local" || value === "lambda") return value;
  throw new UsageError(`REELPRESS_RENDER_BACKEND is "${value}"; use local or lambda`);
}

/** The backend the segments go to: null for this machine, or Remotion Lambda configured from the environment. */
export function renderBackend(name: "local" | "lambda", env: NodeJS.ProcessEnv): SegmentBackend | null {
  return name === "lambda" ? createLambdaBackend(lambdaConfigFromEnv(env)) : null;
}
