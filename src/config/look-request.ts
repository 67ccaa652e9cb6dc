import path from "node:path";
import type { Config } from "../schema/config.js";
import { DEFAULT_CONFIG } from "../schema/config.js";
import { displayPath } from "../templates/display-path.js";
import { BUILT_IN_TEMPLATES_DIR, type LookRequest } from "../templates/index.js";

/** The command-line flags that choose a look; paths relative to the working directory. */
export interface LookFlags {
  template?: string;
  brand?: string;
  templatesDir?: string;
}

/**
 * Where the template, its overrides and the brand kit come from: a flag wins over the config.
 * Paths in the config are relative to the config file; flags, to the working directory.
 */
export function lookRequest(config: Config, configFile: string | null, flags: LookFlags, cwd: string): LookRequest {
  const configDir = configFile ? path.dirname(configFile) : cwd;
  const label = configFile ? displayPath(configFile, cwd) : "config";
  const userDir = flags.templatesDir
    ? path.resolve(cwd, flags.templatesDir)
    : config.templatesDir
      ? path.resolve(configDir, config.templatesDir)
      : path.resolve(cwd, DEFAULT_CONFIG.templatesDir);
  return {
    template: flags.template ?? config.template ?? null,
    templateBaseDir: flags.template ? cwd : configDir,
    dirs: { user: userDir, builtIn: BUILT_IN_TEMPLATES_DIR },
    overrides: config.templateOverrides ? { value: config.templateOverrides, label, baseDir: configDir, cwd } : null,
    brand: flags.brand
      ? { file: path.resolve(cwd, flags.brand) }
      : typeof config.brand === "string"
        ? { file: path.resolve(configDir, config.brand) }
        : config.brand
          ? { value: config.brand, label, baseDir: configDir, prefix: "brand.", cwd }
          : null,
    cwd,
  };
}
