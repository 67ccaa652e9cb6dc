import type { Dirent, Stats } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { ReelpressError } from "../../errors.js";
import { isInside } from "./is-inside.js";
import { libraryMediaKind } from "./library-media-kind.js";

/** A file's identity for change detection: it is re-read when its size or modification time moves. */
export interface FileStamp {
  name: string;
  size: number;
  mtimeMs: number;
}

export interface SidecarFile extends FileStamp {
  file: string;
  type: "json" | "txt";
}

/** An image or video found in the library, with the sidecar files beside it. */
export interface LibraryFile {
  /** Path relative to the library, with forward slashes. */
  path: string;
  /** Absolute path as walked (under the library folder). */
  file: string;
  /** Absolute path with every symlink resolved: the file's identity. */
  real: string;
  kind: "image" | "video";
  size: number;
  mtimeMs: number;
  /** Relative folder with forward slashes, "" at the library's top. */
  folder: string;
  /** `photo.jpg.json`, `photo.json`, `photo.jpg.txt`, `photo.txt`: the ones present, in that order. */
  sidecars: SidecarFile[];
}

interface Found {
  name: string;
  file: string;
  real: string;
  stats: Stats;
}

function warnText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Lists every image and video under `root` (which must be absolute), sorted by path. Hidden files
 * and folders are skipped, and so are symlinks whose target lies outside the library: the folder is
 * the trust boundary, so a link must not pull in files from elsewhere on the machine. A file
 * reached twice (through a link to it or to its folder) is listed once, under its own path when
 * that is walked: folders reached through links are walked after all the others for that reason.
 */
export async function walkLibrary(root: string, options: { onWarning: (message: string) => void; signal?: AbortSignal }): Promise<LibraryFile[]> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
    if (!(await stat(realRoot)).isDirectory()) throw new Error("not a folder");
  } catch (cause) {
    throw new ReelpressError("E_FILE_NOT_FOUND", `media library folder not found: ${root}`, { cause, hint: "check the --library path; it must be a folder" });
  }
  const visited = new Set<string>([realRoot]);
  const found: LibraryFile[] = [];
  const linkedFolders: { file: string; real: string; folder: string }[] = [];

  const visit = async (dir: string, realDir: string, folder: string): Promise<void> => {
    if (options.signal?.aborted) throw new ReelpressError("E_ABORTED", "indexing the media library was cancelled");
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      options.onWarning(`skipped folder ${folder || "."} of the media library: ${warnText(error)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const files = new Map<string, Found>();
    const subdirs: { file: string; real: string; folder: string }[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const file = path.join(dir, entry.name);
      const rel = folder ? `${folder}/${entry.name}` : entry.name;
      if (!entry.isSymbolicLink() && !entry.isDirectory() && !entry.isFile()) continue;
      let real = path.join(realDir, entry.name);
      let stats: Stats;
      try {
        if (entry.isSymbolicLink() || entry.isDirectory()) real = await realpath(file);
        // Plain entries are inside by construction: every folder above them was checked.
        if (entry.isSymbolicLink() && !isInside(realRoot, real)) {
          options.onWarning(`skipped ${rel}: it links to ${real}, outside the media library`);
          continue;
        }
        stats = await stat(real);
      } catch (error) {
        options.onWarning(`skipped ${rel}: ${warnText(error)}`);
        continue;
      }
      if (stats.isDirectory()) {
        if (entry.isSymbolicLink()) linkedFolders.push({ file, real, folder: rel });
        else subdirs.push({ file, real, folder: rel });
      } else if (stats.isFile()) {
        files.set(entry.name.toLowerCase(), { name: entry.name, file, real, stats });
      }
    }
    for (const { name, file, real, stats } of files.values()) {
      const kind = libraryMediaKind(name);
      if (!kind) continue;
      const stem = name.replace(/\.[^.]+$/, "");
      const sidecars: SidecarFile[] = [];
      for (const [candidate, type] of [
        [`${name}.json`, "json"],
        [`${stem}.json`, "json"],
        [`${name}.txt`, "txt"],
        [`${stem}.txt`, "txt"],
      ] as const) {
        const side = files.get(candidate.toLowerCase());
        if (side) sidecars.push({ name: side.name, file: side.file, type, size: side.stats.size, mtimeMs: side.stats.mtimeMs });
      }
      found.push({ path: folder ? `${folder}/${name}` : name, file, real, kind, size: stats.size, mtimeMs: stats.mtimeMs, folder, sidecars });
    }
    for (const sub of subdirs) await enter(sub);
  };
  // A link back up the tree (or to a folder walked already) would otherwise be walked again, or forever.
  const enter = async (sub: { file: string; real: string; folder: string }): Promise<void> => {
    if (visited.has(sub.real)) return;
    visited.add(sub.real);
    await visit(sub.file, sub.real, sub.folder);
  };

  await visit(root, realRoot, "");
  for (let i = 0; i < linkedFolders.length; i++) await enter(linkedFolders[i]!);
  return onePerFile(found, realRoot).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Keeps one entry per real file: the one at the file's own path when it was walked, else the first by path. */
function onePerFile(found: readonly LibraryFile[], realRoot: string): LibraryFile[] {
  const byReal = new Map<string, LibraryFile>();
  const own = (f: LibraryFile): boolean => path.relative(realRoot, f.real).split(path.sep).join("/") === f.path;
  for (const f of [...found].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const kept = byReal.get(f.real);
    if (!kept || (own(f) && !own(kept))) byReal.set(f.real, f);
  }
  return [...byReal.values()];
}
