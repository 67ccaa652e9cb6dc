import path from "node:path";
import { InputError } from "../errors.js";
import { displayPath } from "./display-path.js";
import { isFile } from "./is-file.js";

export interface FileField {
  /** The file the field is in, as messages show it (`templates/x/template.json`). */
  label: string;
  /** The field, as messages show it (`fonts.headline.file`). */
  field: string;
  /** What a relative path is relative to. */
  baseDir: string;
  cwd?: string;
}

/** A path from a template, brand kit or config made absolute; a file that is not there is a one-line error naming the field. */
export async function existingFile(file: string, at: FileField): Promise<string> {
  const absolute = path.resolve(at.baseDir, file);
  if (!(await isFile(absolute))) {
    throw new InputError("E_FILE_NOT_FOUND", `${at.label}: "${at.field}" names ${displayPath(absolute, at.cwd)}, which does not exist`, {
      hint: "paths are relative to the file that names them",
    });
  }
  return absolute;
}
