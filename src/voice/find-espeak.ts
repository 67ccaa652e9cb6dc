import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import path from "node:path";

const NAMES = process.platform === "win32" ? ["espeak-ng.exe"] : ["espeak-ng"];

/** How to get espeak-ng, for the warning when it is missing. */
export const ESPEAK_INSTALL_HINT = "install it with `sudo apt-get install espeak-ng` (Debian/Ubuntu) or `brew install espeak-ng` (macOS)";

/**
 * The espeak-ng executable: `espeakPath` when given (null if that is not an executable file),
 * otherwise the first espeak-ng on `searchPath` (PATH by default).
 */
export async function findEspeak(espeakPath?: string | null, searchPath: string = process.env.PATH ?? ""): Promise<string | null> {
  if (espeakPath) return (await isExecutable(espeakPath)) ? path.resolve(espeakPath) : null;
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const candidate = path.join(dir, name);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    await access(file, constants.X_OK);
    return true;
  } catch (error) {
    // Missing, unreadable or not executable all mean "not this one".
    if (typeof (error as NodeJS.ErrnoException).code === "string") return false;
    throw error;
  }
}
