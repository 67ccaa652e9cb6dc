import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { studioTemplatesDir } from "../src/config/studio-templates-dir.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

afterAll(removeTempDirs);

describe("the templates folder Studio lists beside the built-in ones", () => {
  it("is REELPRESS_TEMPLATES_DIR when set, relative to the working folder", async () => {
    const dir = await makeTempDir("studio");
    await writeFile(path.join(dir, "reelpress.config.json"), JSON.stringify({ templatesDir: "brand-looks" }));
    expect(studioTemplatesDir(dir, { REELPRESS_TEMPLATES_DIR: "from-env" })).toBe(path.join(dir, "from-env"));
  });

  it("is else the config's templatesDir, relative to the config, when it exists", async () => {
    const dir = await makeTempDir("studio");
    await writeFile(path.join(dir, "reelpress.config.json"), JSON.stringify({ templatesDir: "brand-looks" }));
    await mkdir(path.join(dir, "my-templates"));
    expect(studioTemplatesDir(dir, {})).toBeNull();
    await mkdir(path.join(dir, "brand-looks"));
    expect(studioTemplatesDir(dir, {})).toBe(path.join(dir, "brand-looks"));
  });

  it("is else ./my-templates when it exists, never the built-in templates folder", async () => {
    const dir = await makeTempDir("studio");
    await mkdir(path.join(dir, "templates"));
    expect(studioTemplatesDir(dir, {})).toBeNull();
    await mkdir(path.join(dir, "my-templates"));
    expect(studioTemplatesDir(dir, {})).toBe(path.join(dir, "my-templates"));
  });

  it("names a config file that is not JSON", async () => {
    const dir = await makeTempDir("studio");
    await writeFile(path.join(dir, "reelpress.config.json"), "{ templatesDir: ");
    expect(() => studioTemplatesDir(dir, {})).toThrow(/reelpress\.config\.json is not valid JSON/);
  });
});
