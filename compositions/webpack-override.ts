import type { WebpackConfiguration } from "@remotion/bundler";

/**
 * src/ imports siblings as "./foo.js" (NodeNext); webpack does not map that to foo.ts unless told.
 * Pass this to Config.overrideWebpackConfig (Studio, CLI) and to bundle({ webpackOverride }).
 */
export function webpackOverride(config: WebpackConfiguration): WebpackConfiguration {
  const extensionAlias = config.resolve?.extensionAlias ?? {};
  const existing = extensionAlias[".js"];
  const forJs = [".ts", ".tsx", ".js", ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing])];
  return {
    ...config,
    resolve: {
      ...config.resolve,
      extensionAlias: { ...extensionAlias, ".js": [...new Set(forJs)] },
    },
  };
}
