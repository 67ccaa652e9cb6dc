import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES_DIR, findTemplate, listTemplates, loadTemplate, type TemplateDirs } from "../src/templates/index.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";
import { oneLineError } from "./helpers/one-line-error.js";

const repo = path.resolve(import.meta.dirname, "..");
const FONT = path.join(repo, "node_modules/@fontsource/inter/files/inter-latin-800-normal.woff2");

afterAll(removeTempDirs);

async function clean(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(BUILT_IN_TEMPLATES_DIR, "clean/template.json"), "utf8")) as Record<string, unknown>;
}

/** A user templates folder holding one template `name` made from clean with `change` applied. */
async function userTemplate(name: string, change: (json: Record<string, any>) => void, files: Record<string, string> = {}): Promise<{ dirs: TemplateDirs; dir: string }> {
  const user = await makeTempDir("templates");
  const dir = path.join(user, name);
  await mkdir(dir, { recursive: true });
  const json = await clean();
  change(json);
  await writeFile(path.join(dir, "template.json"), JSON.stringify(json, null, 2));
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
  return { dirs: { user, builtIn: BUILT_IN_TEMPLATES_DIR }, dir };
}

async function loadError(name: string, change: (json: Record<string, any>) => void, files?: Record<string, string>): Promise<string> {
  const { dirs } = await userTemplate(name, change, files);
  return oneLineError(loadTemplate(name, { dirs, baseDir: dirs.user, cwd: dirs.user }));
}

describe("the built-in templates", () => {
  const dirs: TemplateDirs = { user: path.join(repo, "no-such-folder"), builtIn: BUILT_IN_TEMPLATES_DIR };

  it.each(["clean", "social", "news", "minimal"])("%s parses and names only files that exist", async (name) => {
    const loaded = await loadTemplate(name, { dirs, baseDir: repo });
    expect(loaded).toMatchObject({ name, source: "built-in", dir: path.join(BUILT_IN_TEMPLATES_DIR, name) });
    expect(loaded.template.description.length).toBeGreaterThan(10);
  });

  it("are told apart by their looks", async () => {
    const looks = await Promise.all(["clean", "social", "news", "minimal"].map((name) => loadTemplate(name, { dirs, baseDir: repo })));
    expect(new Set(looks.map((l) => l.template.colors.background)).size).toBe(4);
    expect(new Set(looks.map((l) => l.template.transition.kind)).size).toBe(4);
  });
});

describe("finding a template", () => {
  it("prefers the user's folder over a built-in template of the same name", async () => {
    const { dirs } = await userTemplate("news", (json) => (json.description = "my own news"));
    const loaded = await loadTemplate("news", { dirs, baseDir: dirs.user });
    expect(loaded.source).toBe("user");
    expect(loaded.template.description).toBe("my own news");
  });

  it("takes a folder path, relative to the base folder, or the template.json inside it", async () => {
    const { dirs } = await userTemplate("mine", () => {});
    const byFolder = await findTemplate("./mine", { dirs, baseDir: dirs.user });
    expect(byFolder).toMatchObject({ name: "mine", source: "folder", file: path.join(dirs.user, "mine/template.json") });
    const byFile = await findTemplate(path.join(dirs.user, "mine/template.json"), { dirs, baseDir: "/" });
    expect(byFile.dir).toBe(path.join(dirs.user, "mine"));
  });

  it("lists the templates there are when a name is unknown", async () => {
    const { dirs } = await userTemplate("mine", () => {});
    await expect(findTemplate("fancy", { dirs, baseDir: dirs.user })).rejects.toThrow(/^there is no template "fancy"; there are: mine, clean, minimal, news, social$/);
  });

  it("says which folder has no template.json", async () => {
    const dir = await makeTempDir("empty");
    await expect(findTemplate("./nothing-here", { dirs: { user: dir, builtIn: BUILT_IN_TEMPLATES_DIR }, baseDir: dir, cwd: dir })).rejects.toThrow(
      "there is no template.json in nothing-here",
    );
  });

  it("lists user templates first, a broken one with its problem", async () => {
    const { dirs } = await userTemplate("broken", (json) => (json.kenBurns = "lots"));
    const found = await listTemplates(dirs);
    expect(found.map((t) => [t.name, t.source])).toEqual([
      ["broken", "user"],
      ["clean", "built-in"],
      ["minimal", "built-in"],
      ["news", "built-in"],
      ["social", "built-in"],
    ]);
    expect(found[0]!.problem).toMatch(/"kenBurns" expected number/);
    expect(found.find((t) => t.name === "social")).toMatchObject({ aspect: "9:16", problem: null });
  });
});

describe("a bad template.json gives one line naming the file and the field", () => {
  it("a colour that is not a CSS colour", async () => {
    const message = await loadError("x", (json) => (json.colors.accent = "#12345"));
    expect(message).toBe('x/template.json: "colors.accent" must be a CSS colour such as #1e3a8a, rgba(15,23,42,0.8) or white');
  });

  it("a word that is not a CSS colour name", async () => {
    for (const word of ["bleu", "notacolour"]) {
      const message = await loadError("x", (json) => (json.colors.accent = word));
      expect(message).toBe('x/template.json: "colors.accent" must be a CSS colour such as #1e3a8a, rgba(15,23,42,0.8) or white');
    }
  });

  it("a font family that is neither shipped nor given a file", async () => {
    const message = await loadError("x", (json) => (json.fonts.headline = { family: "Helvetica Neue", weight: 700 }));
    expect(message).toBe(
      'x/template.json: "fonts.headline.family" "Helvetica Neue" is not shipped with reelpress (Inter, Anton, Oswald, Source Sans 3, Playfair Display, DM Sans, Noto Sans SC); give "file"',
    );
  });

  it("a value of the wrong type", async () => {
    expect(await loadError("x", (json) => (json.transition.seconds = "fast"))).toBe('x/template.json: "transition.seconds" expected number, received string');
  });

  it("a field the schema does not know", async () => {
    expect(await loadError("x", (json) => (json.colors.acent = "#ff0000"))).toBe('x/template.json: "colors.acent" is not a template field');
    expect(await loadError("x", (json) => (json.sparkles = true))).toBe('x/template.json: "sparkles" is not a template field');
  });

  it("a font file that is not there", async () => {
    const message = await loadError("x", (json) => (json.fonts.headline = { family: "Brand Sans", weight: 700, file: "fonts/brand.woff2" }));
    expect(message).toBe(`x/template.json: "fonts.headline.file" names x/fonts/brand.woff2, which does not exist`);
  });

  it("a component file that is not next to template.json", async () => {
    const message = await loadError("x", (json) => (json.components = { scene: null, layers: ["Ticker.tsx"] }));
    expect(message).toBe('x/template.json: "components.layers[0]" names Ticker.tsx, which is not next to template.json');
  });

  it("a file that is not JSON", async () => {
    const { dirs, dir } = await userTemplate("x", () => {});
    await writeFile(path.join(dir, "template.json"), "{ colors: }");
    await expect(loadTemplate("x", { dirs, baseDir: dirs.user, cwd: dirs.user })).rejects.toThrow(/^x\/template\.json is not valid JSON/);
  });
});

describe("a template's colours", () => {
  it("may be any CSS named colour, in any case, or transparent and currentcolor", async () => {
    const names = { background: "MidnightBlue", backgroundAlt: "rebeccapurple", text: "white", accent: "Transparent", captionBackground: "currentColor", highlight: "lightgoldenrodyellow" };
    const { dirs } = await userTemplate("x", (json) => Object.assign(json.colors, names));
    const loaded = await loadTemplate("x", { dirs, baseDir: dirs.user });
    expect(loaded.template.colors).toMatchObject(names);
  });
});

describe("a template's own files", () => {
  it("makes a font file absolute, relative to the template folder", async () => {
    const { dirs, dir } = await userTemplate("x", () => {});
    const json = JSON.parse(await readFile(path.join(dir, "template.json"), "utf8"));
    json.fonts.body = { family: "Inter", weight: 800, file: path.relative(dir, FONT) };
    await writeFile(path.join(dir, "template.json"), JSON.stringify(json));
    const loaded = await loadTemplate("x", { dirs, baseDir: dirs.user });
    expect(loaded.template.fonts.body.file).toBe(FONT);
    expect(loaded.template.fonts.headline.file).toBeNull();
  });

  it("accepts components that are next to template.json", async () => {
    const { dirs } = await userTemplate("x", (json) => (json.components = { scene: "Card.tsx", layers: [] }), { "Card.tsx": "export default () => null;\n" });
    const loaded = await loadTemplate("x", { dirs, baseDir: dirs.user });
    expect(loaded.template.components).toEqual({ scene: "Card.tsx", layers: [] });
  });
});
