import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { redact } from "./redact.js";

/** Pixabay asks for answers to be cached for 24 hours; Pexels suggests the same. */
export const SEARCH_CACHE_TTL_MS = 24 * 60 * 60 * 1000;

export interface SearchCacheOptions {
  /** Folder of the entries: `<cacheDir>/search`. */
  dir: string;
  ttlMs: number;
  now: () => number;
  /** Never written: redacted from anything stored, should an answer ever echo it. */
  secret: string;
}

interface Entry {
  version: 1;
  fetchedAt: number;
  endpoint: string;
  params: Record<string, string>;
  body: unknown;
}

export interface SearchCache {
  /** The stored answer for a request, or undefined when there is none younger than the TTL. */
  read(endpoint: string, params: Record<string, string>): Promise<unknown>;
  write(endpoint: string, params: Record<string, string>, body: unknown): Promise<void>;
}

/**
 * Search answers on disk, one JSON file per (endpoint, parameters), kept for `ttlMs`. The
 * parameters never include the key (it travels in a header or is added to the URL later), and
 * the file name is a hash, so re-running the same script sends no requests.
 */
export function createSearchCache(options: SearchCacheOptions): SearchCache {
  let pruned = false;
  const fileFor = (endpoint: string, params: Record<string, string>): string => {
    const sorted = Object.keys(params)
      .sort()
      .map((k) => [k, params[k]]);
    const digest = createHash("sha256").update(JSON.stringify([endpoint, sorted])).digest("hex");
    return path.join(options.dir, `${digest}.json`);
  };
  const fresh = (fetchedAt: number): boolean => {
    const age = options.now() - fetchedAt;
    return age >= 0 && age < options.ttlMs;
  };

  return {
    async read(endpoint, params) {
      const text = await readFile(fileFor(endpoint, params), "utf8").catch(() => null);
      if (text === null) return undefined;
      try {
        const entry = JSON.parse(text) as Partial<Entry>;
        return entry.version === 1 && typeof entry.fetchedAt === "number" && fresh(entry.fetchedAt) ? entry.body : undefined;
      } catch {
        // A half-written or hand-edited entry is a miss; the next answer overwrites it.
        return undefined;
      }
    },
    async write(endpoint, params, body) {
      await mkdir(options.dir, { recursive: true });
      if (!pruned) {
        pruned = true;
        await pruneExpired(options.dir, options.ttlMs, options.now());
      }
      const entry: Entry = { version: 1, fetchedAt: options.now(), endpoint, params, body };
      const file = fileFor(endpoint, params);
      const tmp = `${file}.${randomUUID()}.tmp`;
      await writeFile(tmp, redact(JSON.stringify(entry), options.secret));
      await rename(tmp, file).catch(async (error: unknown) => {
        await rm(tmp, { force: true });
        throw error;
      });
    },
  };
}

/** Deletes entries past their TTL (by file time), so the folder does not grow without end. */
async function pruneExpired(dir: string, ttlMs: number, now: number): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      const info = await stat(file).catch(() => null);
      // Another process may be pruning too; a file already gone is what we wanted.
      if (info?.isFile() && now - info.mtimeMs > ttlMs) await unlink(file).catch(() => undefined);
    }),
  );
}
