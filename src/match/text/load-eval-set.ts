import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { InputError } from "../../errors.js";
import { type EmbeddedText, NO_EMBEDDED_TEXT } from "../library/embedded-text.js";
import { libraryText } from "../library/library-text.js";
import { readImageMetadata } from "../library/read-image-metadata.js";
import { readSidecars } from "../library/read-sidecars.js";
import { walkLibrary } from "../library/walk-library.js";
import type { EvalSet } from "./evaluate-ranking.js";
import type { IndexDoc } from "./text-index.js";

const MedialibSchema = z.array(
  z.object({
    file: z.string().min(1),
    captions: z.array(z.string()).min(2),
  }),
);

const QueriesSchema = z.array(z.object({ query: z.string().min(1), file: z.string().min(1) }));

/** A library item's title as a library would show it: the file name without extension or separators. */
export function titleFromFileName(file: string): string {
  return path.basename(file, path.extname(file)).replace(/[_\-.]+/g, " ").trim();
}

/**
 * The medialib benchmark: `captions[descriptionCaption]` is each photo's library text, its other
 * captions are the queries.
 */
export function loadMedialibSet(dir: string, descriptionCaption = 0): EvalSet {
  const file = path.join(dir, "captions.json");
  if (!existsSync(file)) throw new InputError("E_FILE_NOT_FOUND", `No captions.json in ${dir}`, { hint: "pass --library DIR --queries FILE for another library" });
  const parsed = MedialibSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new InputError("E_INVALID_INPUT", `${file} is not a medialib captions file: ${parsed.error.issues[0]?.message ?? "bad shape"}`);
  const items: IndexDoc[] = [];
  const queries: EvalSet["queries"] = [];
  for (const entry of parsed.data) {
    const description = entry.captions[descriptionCaption];
    if (description === undefined) continue;
    items.push({ id: entry.file, title: titleFromFileName(entry.file), description, tags: [] });
    entry.captions.forEach((caption, i) => {
      if (i !== descriptionCaption) queries.push({ query: caption, id: entry.file });
    });
  }
  return { items, queries };
}

/**
 * A media folder read the way the library provider reads it (its walk, sidecar precedence, JSON and
 * `.txt` sidecars, embedded image text, file-name and folder words; no video probing), and a JSON
 * list of `{query, file}` with paths relative to the folder. Unreadable sidecars or metadata are
 * reported through `onWarning` and the file is indexed from its other text, as in the product.
 */
export async function loadFolderSet(libraryDir: string, queriesFile: string, options: { onWarning?: (message: string) => void } = {}): Promise<EvalSet> {
  const onWarning = options.onWarning ?? ((): void => {});
  if (!existsSync(queriesFile)) throw new InputError("E_FILE_NOT_FOUND", `Queries file not found: ${queriesFile}`, { hint: 'pass a JSON file of [{"query": "...", "file": "name.jpg"}] to --queries' });
  const root = path.resolve(libraryDir);
  const libraryName = path.basename(root);
  const files = await walkLibrary(root, { onWarning });
  const items: IndexDoc[] = [];
  for (const file of files) {
    const sidecar = await readSidecars(file.sidecars, onWarning);
    const embedded = file.kind === "image" ? await embeddedImageText(file.file, file.path, onWarning) : NO_EMBEDDED_TEXT;
    const { text } = libraryText({ path: file.path, libraryName, sidecar, embedded });
    items.push({ id: file.path, ...text });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(queriesFile, "utf8"));
  } catch (error) {
    throw new InputError("E_INVALID_INPUT", `${queriesFile} is not valid JSON`, { cause: error, hint: 'write [{"query": "...", "file": "name.jpg"}]' });
  }
  const parsed = QueriesSchema.safeParse(raw);
  if (!parsed.success) throw new InputError("E_INVALID_INPUT", `${queriesFile} must be a list of {"query", "file"}: ${parsed.error.issues[0]?.message ?? "bad shape"}`, { hint: 'write [{"query": "...", "file": "name.jpg"}]' });
  const known = new Set(items.map((item) => item.id));
  const queries = parsed.data.map(({ query, file }) => {
    const id = toPosix(path.normalize(file));
    if (!known.has(id)) throw new InputError("E_INVALID_INPUT", `Query "${query}" names ${file}, which is not a media file in ${libraryDir}`, { hint: "use paths relative to the library folder" });
    return { query, id };
  });
  return { items, queries };
}

/** The image's XMP/IPTC/EXIF text; unreadable metadata loses only that text, as in the library provider. */
async function embeddedImageText(file: string, relative: string, onWarning: (message: string) => void): Promise<EmbeddedText> {
  try {
    return await readImageMetadata(file);
  } catch (error) {
    onWarning(`ignored the embedded metadata of ${relative}: ${error instanceof Error ? error.message : String(error)}`);
    return NO_EMBEDDED_TEXT;
  }
}

function toPosix(file: string): string {
  return file.split(path.sep).join("/");
}
