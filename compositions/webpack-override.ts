import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { WebpackConfiguration } from "@remotion/bundler";
import { RenderError } from "../src/errors.js";

/** The module name compositions/template-components.ts and Root.tsx read the user's templates folder through. */
export const USER_TEMPLATES_ALIAS = "reelpress-user-templates";

export interface WebpackOverrideOptions {
  /**
   * A folder of templates (`<dir>/<name>/template.json` and its `.tsx` components) bundled next
   * to the built-in ones; a template here wins over a built-in one of the same name. Its
   * components may live outside the project: they still get `react` and `remotion` from it.
   * @default the built-in templates folder
   */
  userTemplatesDir?: string | null;
}

/**
 * remotion.config.ts is compiled to CommonJS and evaluated by the Remotion CLI with the project
 * as working directory; import.meta.url is empty there.
 */
function projectRoot(): string {
  const url: unknown = import.meta.url;
  return typeof url === "string" && url.startsWith("file:") ? fileURLToPath(new URL("..", url)) : process.cwd();
}

const PROJECT_ROOT = projectRoot();
/** As in src/templates/template-dirs.ts, which reads import.meta.url at load time and so cannot be used here. */
export const BUILT_IN_TEMPLATES_DIR = path.join(PROJECT_ROOT, "templates");

function checkTemplatesDir(dir: string): string {
  const absolute = path.resolve(dir);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new RenderError("E_RENDER", `the templates folder ${absolute} does not exist`, {
      hint: "pass the folder that holds your template folders (each with a template.json)",
    });
  }
  return absolute;
}

type WebpackPlugin = Extract<NonNullable<WebpackConfiguration["plugins"]>[number], { apply: unknown }>;

const PLUGIN_NAME = "reelpress-shallow-templates";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Template folders are read two levels deep only (`<name>/<file>.tsx|json`): the user's folder
 * may be a big one, such as the folder around a template given by its path, and webpack would
 * otherwise walk all of it.
 */
function shallowTemplateContexts(dirs: readonly string[]): WebpackPlugin {
  const roots = [...new Set(dirs.flatMap((dir) => [dir, realpathSync(dir)]))];
  const sep = "[\\\\/]";
  const deeper = (root: string) => new RegExp(`^${escapeRegExp(root)}${sep}[^\\\\/]+${sep}(?![^\\\\/]*\\.(?:tsx|json)$)`);
  return {
    apply(compiler) {
      compiler.hooks.contextModuleFactory.tap(PLUGIN_NAME, (factory) => {
        factory.hooks.afterResolve.tap(PLUGIN_NAME, (result) => {
          if (!result || typeof result.resource !== "string" || !roots.includes(result.resource)) return result;
          const limit = deeper(result.resource);
          result.exclude = result.exclude ? new RegExp(`${result.exclude.source}|${limit.source}`) : limit;
          return result;
        });
      });
    },
  };
}

/**
 * The bundler settings the compositions need. Pass the result to Config.overrideWebpackConfig
 * (Studio, CLI) and to bundle({ webpackOverride }).
 */
export function makeWebpackOverride(options: WebpackOverrideOptions = {}): (config: WebpackConfiguration) => WebpackConfiguration {
  const userTemplatesDir = checkTemplatesDir(options.userTemplatesDir ?? BUILT_IN_TEMPLATES_DIR);
  return (config) => {
    const resolve = config.resolve ?? {};
    // src/ imports siblings as "./foo.js" (NodeNext); webpack does not map that to foo.ts unless told.
    const extensionAlias = resolve.extensionAlias ?? {};
    const existing = extensionAlias[".js"];
    const forJs = [".ts", ".tsx", ".js", ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing])];
    const alias = Array.isArray(resolve.alias) ? [...resolve.alias, { name: USER_TEMPLATES_ALIAS, alias: userTemplatesDir }] : { ...resolve.alias, [USER_TEMPLATES_ALIAS]: userTemplatesDir };
    return {
      ...config,
      plugins: [...(config.plugins ?? []), shallowTemplateContexts([userTemplatesDir, BUILT_IN_TEMPLATES_DIR])],
      resolve: {
        ...resolve,
        extensionAlias: { ...extensionAlias, ".js": [...new Set(forJs)] },
        alias,
        // A template folder outside the project has no node_modules of its own (react and remotion are aliased already).
        modules: [...new Set([...(resolve.modules ?? ["node_modules"]), path.join(PROJECT_ROOT, "node_modules")])],
      },
    };
  };
}

/** The override with the built-in templates only. */
export const webpackOverride = makeWebpackOverride();
