import { InvalidArgumentError } from "commander";
import type { RenderProfile } from "../pipeline.js";
import { AspectSchema, ProviderNameSchema, type Aspect, type ProviderName } from "../schema/storyboard.js";

export function parseAspect(value: string): Aspect {
  const parsed = AspectSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(`must be one of ${AspectSchema.options.join(", ")}, but is "${value}"`);
  return parsed.data;
}

/** `--aspect 16:9,9:16`: one or more known aspects, in order, each once. */
export function parseAspects(value: string): Aspect[] {
  const parts = value.split(",").map((part) => part.trim());
  const aspects = parts.map(parseAspect);
  const repeated = aspects.find((aspect, i) => aspects.indexOf(aspect) !== i);
  if (repeated) throw new InvalidArgumentError(`names ${repeated} twice`);
  return aspects;
}

export function parseDuration(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 5 || seconds > 3600) {
    throw new InvalidArgumentError(`must be a number of seconds from 5 to 3600, but is "${value}"`);
  }
  return seconds;
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`must be a whole number of at least 1, but is "${value}"`);
  return n;
}

/** A file name from a title: lowercase ASCII words joined by dashes, at most 60 characters, cut between words. */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  let out = "";
  for (const word of slug.split("-")) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > 60) break;
    out = next;
  }
  return out || slug.slice(0, 60);
}

/** `--media article,library,pexels`: known provider names, in order, each once. */
export function parseProviders(value: string): ProviderName[] {
  const names = value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0) throw new InvalidArgumentError(`must list providers from ${ProviderNameSchema.options.join(", ")}`);
  for (const name of names) {
    if (!ProviderNameSchema.safeParse(name).success) throw new InvalidArgumentError(`"${name}" is not a provider; use ${ProviderNameSchema.options.join(", ")}`);
  }
  return [...new Set(names)] as ProviderName[];
}

export function parseBoolean(value: string): boolean {
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new InvalidArgumentError(`must be true or false, but is "${value}"`);
}

/** `--draft` on make and render: a quick half-size preview; else the full render. */
export function renderProfile(flags: { draft?: boolean }): RenderProfile {
  return flags.draft ? "draft" : "full";
}

/** `--backend`: where scenes are rendered. */
export function parseCompositor(value: string): "auto" | "remotion" {
  if (value === "auto" || value === "remotion") return value;
  throw new InvalidArgumentError(`"${value}" is not a compositor; use auto or remotion`);
}

export function parseBackend(value: string): "local" | "lambda" {
  if (value === "local" || value === "lambda") return value;
  throw new InvalidArgumentError(`"${value}" is not a render backend; use local or lambda`);
}
