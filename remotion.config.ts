import { existsSync } from "node:fs";
import { Config } from "@remotion/cli/config";
import { makeWebpackOverride } from "./compositions/webpack-override.js";
import { studioTemplatesDir } from "./src/config/studio-templates-dir.js";

Config.setEntryPoint("compositions/index.ts");
// Your own templates, listed in Studio beside the built-in ones: REELPRESS_TEMPLATES_DIR, else the
// templatesDir of ./reelpress.config.json, else ./my-templates when it exists.
Config.overrideWebpackConfig(makeWebpackOverride({ userTemplatesDir: studioTemplatesDir(process.cwd(), process.env) }));

// Debian's Chromium works offline; without one Remotion downloads its own headless shell.
const browser = process.env.REELPRESS_BROWSER ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : null);
if (browser) Config.setBrowserExecutable(browser);
