import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { InputError } from "../../errors.js";
import type { EvalSet } from "./evaluate-ranking.js";
import type { IndexDoc } from "./text-index.js";

const MedialibSchema = z.array(
  z.object({
    file: z.string().min(1),
    captions: z.array(z.string()).min(2),
  }),
);

const QueriesSchema = z.array(z.object({ query: z.string().min(1), file: z.string().min(1) }));

const MEDIA_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".bmp", ".tif", ".tiff", ".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi"]);

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
 * A plain media folder (each file's text in a `.txt` sidecar, `photo.jpg` → `photo.txt` or
 * `photo.jpg.txt`) and a JSON list of `{query, file}` with paths relative to the folder.
 */
export function loadFolderSet(libraryDir: string, queriesFile: string): EvalSet {
  if (!existsSync(libraryDir)) throw new InputError("E_FILE_NOT_FOUND", `Library folder not found: ${libraryDir}`, { hint: "pass an existing folder to --library" });
  if (!existsSync(queriesFile)) throw new InputError("E_FILE_NOT_FOUND", `Queries file not found: ${queriesFile}`, { hint: 'pass a JSON file of [{"query": "...", "file": "name.jpg"}] to --queries' });
  const items = listMediaFiles(libraryDir).map((relative) => ({
    id: relative,
    title: titleFromFileName(relative),
    description: readSidecars(path.join(libraryDir, relative)),
    tags: [],
  }));
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

function listMediaFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && MEDIA_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) found.push(toPosix(path.relative(root, full)));
    }
  };
  walk(root);
  return found.sort();
}

function readSidecars(mediaFile: string): string {
  const candidates = [mediaFile.slice(0, mediaFile.length - path.extname(mediaFile).length) + ".txt", `${mediaFile}.txt`];
  return candidates
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, "utf8").trim())
    .filter((text) => text.length > 0)
    .join("\n");
}

function toPosix(file: string): string {
  return file.split(path.sep).join("/");
}
