import { accessSync, constants } from "node:fs";
import path from "node:path";

/** Names tried on PATH, most likely first. */
const BROWSER_NAMES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "chrome"];
const FIXED_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome-stable", "/snap/bin/chromium"];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false; // not there or not executable: try the next candidate
  }
}

export interface BrowserChoice {
  executable: string | null;
  /** Where it came from, for `--verbose` and errors. */
  from: "config" | "env" | "system" | "remotion";
}

/**
 * The browser to render with: the configured one, else REELPRESS_BROWSER, else a Chromium or
 * Chrome on the machine, else null (Remotion downloads its own headless shell).
 */
export function findBrowser(configured: string | null | undefined, env: NodeJS.ProcessEnv): BrowserChoice {
  if (configured) return { executable: configured, from: "config" };
  if (env.REELPRESS_BROWSER) return { executable: env.REELPRESS_BROWSER, from: "env" };
  const dirs = (env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const name of BROWSER_NAMES) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return { executable: candidate, from: "system" };
    }
  }
  const fixed = FIXED_PATHS.find(isExecutable);
  return fixed ? { executable: fixed, from: "system" } : { executable: null, from: "remotion" };
}
