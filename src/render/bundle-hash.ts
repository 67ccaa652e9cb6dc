import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { VERSION as REMOTION_VERSION } from "remotion/version";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The folders whose files end up in the Remotion bundle: the compositions, the code they import, the templates. */
export const BUNDLED_DIRS = ["compositions", "src", "templates"].map((dir) => path.join(REPO_ROOT, dir));

/**
 * A hash of everything the video bundle is built from: every file under the bundled folders and
 * the user's templates folder (names and contents), and the Remotion version. Equal hashes mean
 * equal bundles, so a bundle can be reused and a rendered segment trusted.
 */
export async function bundleHash(userTemplatesDir: string | null = null): Promise<string> {
  const hash = createHash("sha256").update(`remotion ${REMOTION_VERSION}\n`);
  for (const dir of userTemplatesDir ? [...BUNDLED_DIRS, path.resolve(userTemplatesDir)] : BUNDLED_DIRS) {
    for (const file of await listFiles(dir)) {
      hash.update(`${path.relative(dir, file)}\n`).update(await readFile(file));
    }
  }
  return hash.digest("hex").slice(0, 24);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.split(path.sep).includes("node_modules"))
    .sort();
}
