import { existsSync } from "node:fs";
import { Config } from "@remotion/cli/config";
import { webpackOverride } from "./compositions/webpack-override.js";

Config.setEntryPoint("compositions/index.ts");
Config.overrideWebpackConfig(webpackOverride);

// Debian's Chromium works offline; without one Remotion downloads its own headless shell.
const browser = process.env.REELPRESS_BROWSER ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : null);
if (browser) Config.setBrowserExecutable(browser);
