import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/load-config.js";
import { lookRequest } from "../src/config/look-request.js";
import type { Template } from "../src/schema/template.js";
import { BUILT_IN_TEMPLATES_DIR, loadLook, loadTemplate, mergeTemplateOverrides, readTemplateOverrides, resolveLook, type OverridesPlace } from "../src/templates/index.js";
import { mergeDeep } from "../src/templates/merge-deep.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";
import { oneLineError } from "./helpers/one-line-error.js";

const repo = path.resolve(import.meta.dirname, "..");
const FONT = path.join(repo, "node_modules/@fontsource/inter/files/inter-latin-800-normal.woff2");
const dirs = { user: path.join(repo, "no-such-folder"), builtIn: BUILT_IN_TEMPLATES_DIR };

afterAll(removeTempDirs);

/** The config's overrides, read as loadLook reads them and laid over `template`. */
async function applyTemplateOverrides(template: Template, overrides: unknown, at: OverridesPlace): Promise<Template> {
  return mergeTemplateOverrides(template, await readTemplateOverrides(overrides, at));
}

async function configError(config: object): Promise<string> {
  const dir = await makeTempDir("config");
  await writeFile(path.join(dir, "reelpress.config.json"), JSON.stringify(config));
  return oneLineError(loadConfig(undefined, dir));
}

describe("mergeDeep", () => {
  it("merges objects field by field and replaces values, nulls and lists", () => {
    const base = { a: { b: 1, c: 2 }, list: [1, 2], keep: "x", nullable: "y" as string | null };
    expect(mergeDeep(base, { a: { c: 3 }, list: [9], nullable: null, extra: undefined })).toEqual({ a: { b: 1, c: 3 }, list: [9], keep: "x", nullable: null });
    expect(base).toEqual({ a: { b: 1, c: 2 }, list: [1, 2], keep: "x", nullable: "y" });
  });
});

describe("templateOverrides", () => {
  it("changes only the fields it names, at any depth", async () => {
    const { template } = await loadTemplate("clean", { dirs, baseDir: repo });
    const merged = await applyTemplateOverrides(template, { colors: { accent: "#e11d48" }, transition: { seconds: 0.2 }, safeMargins: { portrait: { bottom: 0.25 } } }, { label: "c.json", baseDir: repo });
    expect(merged.colors).toEqual({ ...template.colors, accent: "#e11d48" });
    expect(merged.transition).toEqual({ kind: "fade", seconds: 0.2 });
    expect(merged.safeMargins.portrait).toEqual({ ...template.safeMargins.portrait, bottom: 0.25 });
    expect(merged.headline).toEqual(template.headline);
  });

  it("makes an override's font file absolute, relative to the config", async () => {
    const { template } = await loadTemplate("clean", { dirs, baseDir: repo });
    const merged = await applyTemplateOverrides(template, { fonts: { headline: { family: "Inter", file: path.relative(repo, FONT) } } }, { label: "c.json", baseDir: repo });
    expect(merged.fonts.headline).toEqual({ family: "Inter", weight: 800, file: FONT });
  });

  it("replaces a font whose family it names, so the template's file does not stay under another family", async () => {
    const { template } = await loadTemplate("clean", { dirs, baseDir: repo });
    const withFile = { ...template, fonts: { ...template.fonts, headline: { family: "Brand Sans", weight: 700, file: FONT } } };
    const merged = await applyTemplateOverrides(withFile, { fonts: { headline: { family: "Anton" } } }, { label: "c.json", baseDir: repo });
    expect(merged.fonts.headline).toEqual({ family: "Anton", weight: 700, file: null });
    // A weight alone keeps the family and its file.
    const heavier = await applyTemplateOverrides(withFile, { fonts: { headline: { weight: 800 } } }, { label: "c.json", baseDir: repo });
    expect(heavier.fonts.headline).toEqual({ family: "Brand Sans", weight: 800, file: FONT });
  });

  it("refuses a font family that is neither shipped nor given a file", async () => {
    const place = { label: "reelpress.config.json", baseDir: repo };
    await expect(readTemplateOverrides({ fonts: { body: { family: "Helvetica Neue" } } }, place)).rejects.toThrow(
      'reelpress.config.json: "templateOverrides.fonts.body.family" "Helvetica Neue" is not shipped with reelpress (Inter, Anton, Oswald, Source Sans 3, Playfair Display, DM Sans, Noto Sans SC); give "file"',
    );
    await expect(readTemplateOverrides({ fonts: { body: { family: "dm sans" } } }, place)).resolves.toEqual({ fonts: { body: { family: "dm sans" } } });
  });

  it("names the config, not the template, for a component it lists that is not in the template's folder", async () => {
    const dir = await makeTempDir("overrides-components");
    await writeFile(path.join(dir, "reelpress.config.json"), JSON.stringify({ templateOverrides: { components: { layers: ["Ticker.tsx"] } } }));
    const { config, file } = await loadConfig(undefined, dir);
    const error = await loadLook(lookRequest(config, file, { template: "clean" }, dir)).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toBe('reelpress.config.json: "templateOverrides.components.layers[0]" names Ticker.tsx, which is not in the folder of template "clean"');
  });

  it("names an unknown field and a wrong type by their full path", async () => {
    const { template } = await loadTemplate("clean", { dirs, baseDir: repo });
    const place = { label: "reelpress.config.json", baseDir: repo };
    await expect(applyTemplateOverrides(template, { colors: { acent: "#fff" } }, place)).rejects.toThrow('reelpress.config.json: "templateOverrides.colors.acent" is not a template field');
    await expect(applyTemplateOverrides(template, { kenBurns: "strong" }, place)).rejects.toThrow('reelpress.config.json: "templateOverrides.kenBurns" expected number, received string');
    await expect(applyTemplateOverrides(template, { transition: { seconds: 9 } }, place)).rejects.toThrow(/"templateOverrides\.transition\.seconds" Too big: expected number to be <=2/);
  });

  it("are checked when the config is read", async () => {
    expect(await configError({ templateOverrides: { colors: { acent: "#e11d48" } } })).toBe('reelpress.config.json: "templateOverrides.colors.acent" is not a template field');
    expect(await configError({ templateOverrides: { headline: { uppercase: "yes" } } })).toBe('reelpress.config.json: "templateOverrides.headline.uppercase" expected boolean, received string');
    expect(await configError({ templateOverrides: { colors: { accent: "#12345" } } })).toMatch(/^reelpress\.config\.json: "templateOverrides\.colors\.accent" must be a CSS colour/);
    expect(await configError({ brand: { slogan: "x" } })).toBe('reelpress.config.json: "brand.slogan" is not a brand kit field');
    expect(await configError({ brand: 7 })).toMatch(/^reelpress\.config\.json: "brand" expected/);
    expect(await configError({ colours: {} })).toBe('reelpress.config.json: "colours" is not a config field');
  });
});

describe("the merge order", () => {
  it("is template, then the brand kit, then the config's overrides", async () => {
    const dir = await makeTempDir("merge");
    await writeFile(path.join(dir, "brand.json"), JSON.stringify({ colors: { accent: "#0000ff" } }));
    await writeFile(
      path.join(dir, "reelpress.config.json"),
      JSON.stringify({ template: "news", brand: "brand.json", templateOverrides: { colors: { accent: "#ff0000", text: "#fefefe" }, captions: { style: "highlight" }, music: { mood: "calm" } } }),
    );
    const { config, file } = await loadConfig(undefined, dir);
    const look = await loadLook(lookRequest(config, file, {}, dir));
    const { template: news } = await loadTemplate("news", { dirs, baseDir: repo });
    expect(look.theme.template).toBe("news");
    // The project's config beats a shared brand kit.
    expect(look.theme.colors).toEqual({ ...news.colors, accent: "#ff0000", text: "#fefefe" });
    expect(look.captionStyle).toBe("highlight");
    expect(look.musicMood).toBe("calm");
    expect(look.transitionSeconds).toBe(news.transition.seconds);
    // A flag names another template and brand kit: the config's overrides still apply to it.
    await writeFile(path.join(dir, "other.json"), JSON.stringify({ colors: { highlight: "#00ff00", accent: "#00ffff" } }));
    const flagged = await loadLook(lookRequest(config, file, { template: "minimal", brand: "other.json" }, dir));
    expect(flagged.theme.template).toBe("minimal");
    expect(flagged.theme.colors).toMatchObject({ accent: "#ff0000", text: "#fefefe", highlight: "#00ff00" });
  });

  it("lets an override's font beat the brand kit's, and resolveLook takes the same order", async () => {
    const { template } = await loadTemplate("clean", { dirs, baseDir: repo });
    const brand = { colors: { accent: "#0000ff", text: "#111111" }, fonts: { headline: { family: "Brand Display", weight: 700, file: FONT } } };
    const look = resolveLook("clean", template, brand, { colors: { accent: "#ff0000" }, fonts: { headline: { family: "Oswald" } } });
    expect(look.theme.colors).toMatchObject({ accent: "#ff0000", text: "#111111" });
    expect(look.theme.fonts.headline).toEqual({ family: "Oswald", weight: 700, file: null });
    expect(resolveLook("clean", template, brand).theme.fonts.headline).toEqual(brand.fonts.headline);
  });

  it("uses clean when nothing names a template", async () => {
    const look = await loadLook(lookRequest({}, null, {}, await makeTempDir("none")));
    expect(look.location).toMatchObject({ name: "clean", source: "built-in" });
  });
});
