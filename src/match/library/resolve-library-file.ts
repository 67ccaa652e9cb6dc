import { realpath } from "node:fs/promises";
import path from "node:path";
import { ReelpressError } from "../../errors.js";
import { isInside } from "./is-inside.js";

function outside(id: string, dir: string): ReelpressError {
  return new ReelpressError("E_MEDIA", `"${id}" is outside the media library ${dir}`, {
    hint: "library media must be files inside the --library folder; a path with .. or a symlink leading out is refused",
  });
}

/**
 * The real path of library file `id` (relative, forward slashes). Ids come from storyboards that
 * people edit, so they are never trusted: the path is resolved through every symlink and refused
 * with E_MEDIA unless it ends up inside the library folder.
 */
export async function resolveLibraryFile(dir: string, id: string): Promise<string> {
  let root: string;
  try {
    root = await realpath(path.resolve(dir));
  } catch (cause) {
    throw new ReelpressError("E_MEDIA", `media library folder not found: ${dir}`, { cause, hint: "check the --library path" });
  }
  if (!id || id.includes("\0") || path.isAbsolute(id) || /^[a-zA-Z]:/.test(id)) throw outside(id, dir);
  const lexical = path.resolve(root, ...id.split("/"));
  if (!isInside(root, lexical) || lexical === root) throw outside(id, dir);
  let real: string;
  try {
    real = await realpath(lexical);
  } catch (cause) {
    throw new ReelpressError("E_MEDIA", `"${id}" is not in the media library ${dir} any more`, { cause, hint: "re-run the match, or pick another candidate" });
  }
  if (!isInside(root, real)) throw outside(id, dir);
  return real;
}
