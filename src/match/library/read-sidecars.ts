import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { SidecarFile } from "./walk-library.js";

/** Sidecars bigger than this are not descriptions; they are skipped with a warning. */
export const MAX_SIDECAR_BYTES = 1024 * 1024;

const Text = z.string().trim();
const List = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(/[,;]/)).map((tag) => tag.trim()).filter(Boolean));
const LicenseField = z.union([
  z.string().trim().min(1),
  z.object({ name: z.string().trim().min(1), url: z.string().nullish(), attribution: z.string().nullish() }),
]);

/** The sidecar JSON fields the library reads; both spellings of licence are accepted, others are ignored. */
export const SidecarJsonSchema = z.object({
  title: Text.nullish(),
  description: Text.nullish(),
  caption: Text.nullish(),
  tags: List.nullish(),
  keywords: List.nullish(),
  creator: Text.nullish(),
  author: Text.nullish(),
  artist: Text.nullish(),
  license: LicenseField.nullish(),
  licence: LicenseField.nullish(),
  licenseUrl: Text.nullish(),
  licenceUrl: Text.nullish(),
  attribution: Text.nullish(),
  url: Text.nullish(),
});

/** What the sidecars beside a file say about it; null fields were not given. */
export interface SidecarInfo {
  title: string | null;
  description: string | null;
  tags: string[];
  creator: string | null;
  license: { name: string; url: string | null; attribution: string | null } | null;
  url: string | null;
  /** The `.txt` sidecar's text, whitespace collapsed. */
  text: string | null;
}

const orNull = (value: string | null | undefined): string | null => (value ? value : null);

/** Normalises a parsed sidecar JSON object (pure). */
export function sidecarInfo(json: z.infer<typeof SidecarJsonSchema>, text: string | null): SidecarInfo {
  const license = json.license ?? json.licence;
  const licenseUrl = orNull(json.licenseUrl ?? json.licenceUrl);
  return {
    title: orNull(json.title),
    description: orNull(json.description ?? json.caption),
    tags: [...(json.tags ?? []), ...(json.keywords ?? [])],
    creator: orNull(json.creator ?? json.author ?? json.artist),
    license:
      license === null || license === undefined
        ? null
        : typeof license === "string"
          ? { name: license, url: licenseUrl, attribution: orNull(json.attribution) }
          : { name: license.name, url: orNull(license.url) ?? licenseUrl, attribution: orNull(license.attribution ?? json.attribution) },
    url: orNull(json.url),
    text,
  };
}

async function readSmall(side: SidecarFile): Promise<string> {
  if (side.size > MAX_SIDECAR_BYTES) throw new Error(`it is larger than ${MAX_SIDECAR_BYTES} bytes`);
  return (await readFile(side.file, "utf8")).replace(/^\uFEFF/, "");
}

function reason(error: unknown): string {
  if (error instanceof z.ZodError) return error.issues.map((i) => `"${i.path.join(".")}" ${i.message}`).join("; ");
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the first JSON and the first `.txt` sidecar of a file. A sidecar that cannot be read or
 * parsed is reported through `onWarning` and ignored: the file is still indexed from its other text.
 */
export async function readSidecars(sidecars: readonly SidecarFile[], onWarning: (message: string) => void): Promise<SidecarInfo> {
  let json: z.infer<typeof SidecarJsonSchema> = {};
  let text: string | null = null;
  const jsonSide = sidecars.find((s) => s.type === "json");
  const txtSide = sidecars.find((s) => s.type === "txt");
  if (jsonSide) {
    try {
      json = SidecarJsonSchema.parse(JSON.parse(await readSmall(jsonSide)));
    } catch (error) {
      onWarning(`ignored sidecar ${jsonSide.file}: ${reason(error)}`);
    }
  }
  if (txtSide) {
    try {
      text = (await readSmall(txtSide)).replace(/\s+/g, " ").trim() || null;
    } catch (error) {
      onWarning(`ignored sidecar ${txtSide.file}: ${reason(error)}`);
    }
  }
  return sidecarInfo(json, text);
}
