import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { VERSION as REMOTION_VERSION } from "remotion/version";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The exact versions of every package the bundle may pull in (fonts, Remotion, React). */
const LOCKFILE = path.join(REPO_ROOT, "package-lock.json");

/** The folders whose files end up in the Remotion bundle: the compositions, the code they import, the templates. */
export const BUNDLED_DIRS = ["compositions", "src", "templates"].map((dir) => path.join(REPO_ROOT, dir));

/**
 * A hash of everything the video bundle is built from: every file under the bundled folders and
 * the user's template folders (names and contents), the Remotion version and the lockfile (the
 * font packages are bundled too). Equal hashes mean equal bundles, so a bundle can be reused and a
 * rendered segment trusted.
 */
export async function bundleHash(userTemplatesDir: string | null = null): Promise<string> {
  const hash = createHash("sha256").update(`remotion ${REMOTION_VERSION}\n`);
  hash.update(await readFile(LOCKFILE).catch(() => Buffer.from("no lockfile")));
  const userDirs = userTemplatesDir ? await templateFolders(path.resolve(userTemplatesDir)) : [];
  for (const dir of [...BUNDLED_DIRS, ...userDirs]) {
    hash.update(`${path.basename(dir)}/\n`);
    for (const file of await listFiles(dir)) {
      hash.update(`${path.relative(dir, file)}\n`).update(await readFile(file));
    }
  }
  return hash.digest("hex").slice(0, 24);
}

/**
 * The user's template folders: the folders right under `dir` that hold a template.json (the
 * bundle finds components only there; `dir` may be any folder, e.g. one around a template given by path).
 */
async function templateFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => path.join(dir, entry.name));
  const checked = await Promise.all(folders.map(async (folder) => ((await stat(path.join(folder, "template.json")).catch(() => null))?.isFile() ? folder : null)));
  return checked.filter((folder): folder is string => folder !== null).sort();
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.split(path.sep).includes("node_modules"))
    .sort();
}
