import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/load-config.js";
import { WatermarkSchema } from "../src/schema/look.js";
import { BUILT_IN_TEMPLATES_DIR, loadBrand, loadLook, loadTemplate, resolveBrand, resolveLook } from "../src/templates/index.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";
import { oneLineError } from "./helpers/one-line-error.js";

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#e11d48"/></svg>\n';
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

afterAll(removeTempDirs);

/** A folder with brand.json (the given kit) and the files it may name. */
async function kit(brand: object): Promise<{ dir: string; file: string }> {
  const dir = await makeTempDir("brand");
  await writeFile(path.join(dir, "logo.svg"), SVG);
  await writeFile(path.join(dir, "mark.png"), PNG_HEAD);
  await writeFile(path.join(dir, "fake.png"), "GIF89a not a png");
  await writeFile(path.join(dir, "brand.json"), JSON.stringify(brand));
  return { dir, file: path.join(dir, "brand.json") };
}

async function brandError(brand: object): Promise<string> {
  const { dir, file } = await kit(brand);
  return oneLineError(loadBrand(file, { cwd: dir }));
}

describe("a brand kit file", () => {
  it("has its logo, watermark image and fonts made absolute, relative to the file", async () => {
    const { dir, file } = await kit({
      name: "Urban Review",
      logo: "logo.svg",
      colors: { accent: "#e11d48" },
      watermark: { image: "mark.png", text: null, placement: "bottom-right", opacity: 0.5, size: 0.05 },
      cta: { text: "Subscribe", url: "urban.example/news" },
    });
    const brand = await loadBrand(file);
    expect(brand.logo).toBe(path.join(dir, "logo.svg"));
    expect(brand.watermark?.image).toBe(path.join(dir, "mark.png"));
    expect(brand.cta).toEqual({ text: "Subscribe", url: "urban.example/news" });
  });

  it("applies to any template: colours, logo and call to action over the template's", async () => {
    const { dir, file } = await kit({ logo: "logo.svg", colors: { accent: "#e11d48" }, cta: { text: "Subscribe" } });
    const brand = await loadBrand(file);
    for (const name of ["clean", "social", "news", "minimal"]) {
      const { template } = await loadTemplate(name, { dirs: { user: dir, builtIn: BUILT_IN_TEMPLATES_DIR }, baseDir: dir });
      const { theme } = resolveLook(name, template, brand);
      expect(theme.colors.accent).toBe("#e11d48");
      expect(theme.colors.background).toBe(template.colors.background);
      expect(theme.logo).toMatchObject({ file: path.join(dir, "logo.svg"), placement: template.logo.placement });
      expect(theme.cta).toEqual({ text: "Subscribe", url: null });
    }
  });

  it("refuses a logo that is neither SVG nor PNG", async () => {
    expect(await brandError({ logo: "logo.jpg" })).toBe('brand.json: "logo" must be an .svg or .png file');
  });

  it("refuses a .png logo that is not a PNG image", async () => {
    expect(await brandError({ logo: "fake.png" })).toBe('brand.json: "logo" names fake.png, which is not a PNG image');
  });

  it("refuses a logo file that is not there", async () => {
    expect(await brandError({ logo: "assets/logo.svg" })).toBe('brand.json: "logo" names assets/logo.svg, which does not exist');
  });

  it("refuses a field it does not know", async () => {
    expect(await brandError({ slogan: "Read more" })).toBe('brand.json: "slogan" is not a brand kit field');
    expect(await brandError({ colors: { primary: "#ffffff" } })).toBe('brand.json: "colors.primary" is not a brand kit field');
  });

  it("refuses a watermark image that is neither SVG nor PNG, wherever the kit is given", async () => {
    const watermark = { text: null, image: "mark.gif", placement: "top-left", opacity: 1, size: 0.05 };
    expect(WatermarkSchema.safeParse(watermark).error?.issues[0]).toMatchObject({ path: ["image"], message: "must be an .svg or .png file" });
    expect(await brandError({ watermark })).toBe('brand.json: "watermark.image" must be an .svg or .png file');
    const dir = await makeTempDir("brand-config");
    await writeFile(path.join(dir, "reelpress.config.json"), JSON.stringify({ brand: { watermark } }));
    await expect(loadConfig(undefined, dir)).rejects.toThrow('reelpress.config.json: "brand.watermark.image" must be an .svg or .png file');
  });

  it("refuses a font family that is neither shipped nor given a file", async () => {
    expect(await brandError({ fonts: { body: { family: "Comic Sans MS", weight: 400 } } })).toBe(
      'brand.json: "fonts.body.family" "Comic Sans MS" is not shipped with reelpress (Inter, Anton, Oswald, Source Sans 3, Playfair Display, DM Sans, Noto Sans SC); give "file"',
    );
    const dir = await makeTempDir("brand-inline-font");
    await expect(resolveBrand({ fonts: { headline: { family: "Futura", weight: 700 } } }, { label: "reelpress.config.json", baseDir: dir, prefix: "brand.", cwd: dir })).rejects.toThrow(
      /^reelpress\.config\.json: "brand\.fonts\.headline\.family" "Futura" is not shipped with reelpress/,
    );
    const shipped = await loadBrand((await kit({ fonts: { headline: { family: "Playfair Display", weight: 700 } } })).file);
    expect(shipped.fonts?.headline).toEqual({ family: "Playfair Display", weight: 700, file: null });
  });

  it("refuses a bad colour and a watermark with neither text nor image", async () => {
    expect(await brandError({ colors: { accent: "#zzz" } })).toMatch(/^brand\.json: "colors\.accent" must be a CSS colour/);
    expect(await brandError({ watermark: { text: null, image: null, placement: "top-left", opacity: 1, size: 0.05 } })).toBe('brand.json: "watermark" needs a text or an image');
  });

  it("is named with its place inside a config file when given inline", async () => {
    const dir = await makeTempDir("brand-inline");
    await expect(resolveBrand({ logo: "missing.svg" }, { label: "reelpress.config.json", baseDir: dir, prefix: "brand.", cwd: dir })).rejects.toThrow(
      'reelpress.config.json: "brand.logo" names missing.svg, which does not exist',
    );
    await expect(resolveBrand({ tagline: "x" }, { label: "reelpress.config.json", baseDir: dir, prefix: "brand.", cwd: dir })).rejects.toThrow(
      'reelpress.config.json: "brand.tagline" is not a brand kit field',
    );
  });

  it("is read by loadLook from a file or inline", async () => {
    const { dir, file } = await kit({ logo: "logo.svg" });
    const dirs = { user: dir, builtIn: BUILT_IN_TEMPLATES_DIR };
    const fromFile = await loadLook({ template: "news", templateBaseDir: dir, dirs, brand: { file } });
    expect(fromFile.theme.logo).toMatchObject({ file: path.join(dir, "logo.svg"), placement: "top-left" });
    const inline = await loadLook({ template: "news", templateBaseDir: dir, dirs, brand: { value: { logo: "logo.svg" }, label: "config", baseDir: dir, prefix: "brand." } });
    expect(inline.theme.logo.file).toBe(path.join(dir, "logo.svg"));
    const none = await loadLook({ template: "news", templateBaseDir: dir, dirs });
    expect(none.theme.logo).toMatchObject({ file: null, placement: "none" });
  });
});
