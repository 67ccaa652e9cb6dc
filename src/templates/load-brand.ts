import { open } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.js";
import { BrandSchema, type Brand } from "../schema/template.js";
import { displayPath } from "./display-path.js";
import { existingFile, type FileField } from "./existing-file.js";
import { resolveFonts } from "./load-template.js";
import { nameFieldIssues } from "./name-field-issues.js";
import { readJsonFile } from "./read-json-file.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads `brand.json`: validated, with its logo, watermark image and font files absolute (relative to the file) and checked; a font family named without a file must ship with reelpress. */
export async function loadBrand(file: string, options: { cwd?: string } = {}): Promise<Brand> {
  const label = displayPath(file, options.cwd);
  return resolveBrand(await readJsonFile(file, label, "brand kit"), { label, baseDir: path.dirname(file), cwd: options.cwd });
}

export interface BrandPlace {
  /** The file holding the kit, as messages show it. */
  label: string;
  /** What its paths are relative to. */
  baseDir: string;
  /** Field names in messages start with it, e.g. "brand." for a kit inside the config. */
  prefix?: string;
  cwd?: string;
}

/** A brand kit from any source (a file, or an object in the config) → validated, every path absolute and present. */
export async function resolveBrand(value: unknown, at: BrandPlace): Promise<Brand> {
  const prefix = at.prefix ?? "";
  const parsed = BrandSchema.safeParse(value);
  if (!parsed.success) {
    const message = nameFieldIssues(parsed.error, () => "is not a brand kit field", prefix ? [prefix.replace(/\.$/, "")] : []);
    throw new InputError("E_INVALID_INPUT", `${at.label}: ${message}`, {
      hint: "a brand kit may hold name, logo, colors, fonts, watermark and cta",
      cause: parsed.error,
    });
  }
  const brand = { ...parsed.data };
  const place = (field: string): FileField => ({ label: at.label, baseDir: at.baseDir, cwd: at.cwd, field: `${prefix}${field}` });
  if (brand.logo) {
    brand.logo = await existingFile(brand.logo, place("logo"));
    await checkPng(brand.logo, place("logo"));
  }
  if (brand.watermark?.image) {
    brand.watermark = { ...brand.watermark, image: await existingFile(brand.watermark.image, place("watermark.image")) };
    await checkPng(brand.watermark.image!, place("watermark.image"));
  }
  if (brand.fonts) brand.fonts = await resolveFonts(brand.fonts, { label: at.label, baseDir: at.baseDir, cwd: at.cwd, prefix });
  return brand;
}

/** A .png must really be one: a renamed JPEG would draw nothing, silently. */
async function checkPng(file: string, at: FileField): Promise<void> {
  if (!/\.png$/i.test(file)) return;
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(PNG_SIGNATURE.length);
    await handle.read(head, 0, head.length, 0);
    if (!head.equals(PNG_SIGNATURE)) {
      throw new InputError("E_INVALID_INPUT", `${at.label}: "${at.field}" names ${displayPath(file, at.cwd)}, which is not a PNG image`, {
        hint: "give an .svg or a real .png file",
      });
    }
  } finally {
    await handle.close();
  }
}
