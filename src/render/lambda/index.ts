export { ASSET_URL_SECONDS, createLambdaBackend, DEFAULT_POLL_MS, type LambdaBackendDeps, type LambdaRenderProgress } from "./create-lambda-backend.js";
export { LAMBDA_REGIONS, lambdaConfigFromEnv, MIN_FRAMES_PER_LAMBDA, type LambdaConfig, type LambdaCredentialSource } from "./lambda-config.js";
export { lambdaRenderRequest } from "./lambda-render-request.js";
export { ASSET_PREFIX, assetKey } from "./asset-key.js";
