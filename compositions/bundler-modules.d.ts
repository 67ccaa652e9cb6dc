// What the webpack bundle gives the compositions beyond plain TypeScript (webpack/module.d.ts is
// not among the type roots). Only the bundle has these; webpack replaces them at build time.

interface WebpackContext {
  (request: string): unknown;
  keys(): string[];
}

interface ImportMeta {
  webpackContext(
    request: string,
    options: { recursive?: boolean; regExp?: RegExp; exclude?: RegExp; mode?: "sync" },
  ): WebpackContext;
}

/** Images are emitted as files; the import is their URL. */
declare module "*.svg" {
  const url: string;
  export default url;
}
