import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { InputError } from "../errors.js";
import { contentKindForExtension, type ContentKind } from "./content-kind.js";
import { formatBytes } from "./format-bytes.js";

export interface LocalFile {
  kind: ContentKind;
  bytes: Uint8Array;
  fileUrl: URL;
  /** The file name without its extension, a last-resort title. */
  baseName: string;
}

/** Reads an .html/.htm/.md/.markdown/.txt file as bytes, with clear errors for the usual mistakes. */
export async function readLocalFile(filePath: string, maxBytes: number): Promise<LocalFile> {
  const absolute = path.resolve(filePath);
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") {
      throw new InputError("E_FILE_NOT_FOUND", `File not found: ${filePath}`, {
        hint: "check the path; a web address needs its http:// or https:// prefix",
        cause: error,
      });
    }
    throw new InputError("E_FILE_NOT_FOUND", `Cannot read ${filePath} (${error.code ?? error.message})`, { cause: error });
  });
  const extension = path.extname(absolute);
  const kind = info.isFile() ? contentKindForExtension(extension) : null;
  if (!kind) {
    const problem = !info.isFile()
      ? "it is not a regular file"
      : `${extension ? `"${extension}" files` : "files without an extension"} are not supported`;
    throw new InputError("E_UNSUPPORTED_FILE", `Cannot read ${filePath}: ${problem}`, {
      hint: "give an .html, .htm, .md, .markdown or .txt file, or an http(s) URL",
    });
  }
  if (info.size > maxBytes) {
    throw new InputError("E_TOO_LARGE", `${filePath} is too large: ${formatBytes(info.size)}, the cap is ${formatBytes(maxBytes)}`, {
      hint: "raise maxBytes if the file is really that big",
    });
  }
  const bytes = await readFile(absolute);
  return { kind, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileUrl: pathToFileURL(absolute), baseName: path.basename(absolute, extension) };
}
