import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoryboardSchema, type Storyboard } from "../src/schema/index.js";
import { cli } from "./helpers/run-cli.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const repo = path.resolve(import.meta.dirname, "..");
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#e11d48"/></svg>\n';
const ARTICLE = `# Night trains return

The old night train to the coast runs again from Monday. Tickets went on sale this morning and sold out by noon.

## Cabins

Each carriage has twelve cabins with real beds. Breakfast is served before the train reaches the sea.
`;

let cache: string;

beforeAll(async () => {
  cache = await makeTempDir("cli-templates-cache");
});

afterAll(removeTempDirs);

/** A fresh working folder with the article, and a config when given. */
async function workdir(config?: object): Promise<string> {
  const dir = await makeTempDir("cli-templates");
  await writeFile(path.join(dir, "trains.md"), ARTICLE);
  await writeFile(path.join(dir, "logo.svg"), SVG);
  if (config) await writeFile(path.join(dir, "reelpress.config.json"), JSON.stringify(config));
  return dir;
}

async function planned(dir: string, args: string[]): Promise<{ board: Storyboard; json: { warnings: string[]; files: { storyboard: string } } }> {
  const run = await cli(["plan", "trains.md", "--json", "--media", "generated", "--voice", "none", "--cache-dir", cache, ...args], dir);
  if (run.code !== 0) throw new Error(run.stderr);
  const json = JSON.parse(run.stdout) as { warnings: string[]; files: { storyboard: string } };
  return { json, board: StoryboardSchema.parse(JSON.parse(await readFile(json.files.storyboard, "utf8"))) };
}

function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(pattern);
}

describe("reelpress templates list", () => {
  it("lists the built-in templates and the user's, with where they live and their aspect", async () => {
    const dir = await workdir();
    expect((await cli(["templates", "new", "mine"], dir)).code).toBe(0);
    const run = await cli(["templates", "list"], dir);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^NAME\s+WHERE\s+ASPECT\s+DESCRIPTION$/);
    expect(lines.slice(1).map((line) => line.split(/\s+/).slice(0, 3))).toEqual([
      ["mine", "user", "any"],
      ["clean", "built-in", "any"],
      ["minimal", "built-in", "any"],
      ["news", "built-in", "16:9"],
      ["social", "built-in", "9:16"],
    ]);
    const json = JSON.parse((await cli(["templates", "list", "--json"], dir)).stdout) as { templates: { name: string; source: string; aspect: string | null; description: string }[] };
    expect(json.templates.find((t) => t.name === "news")).toMatchObject({ source: "built-in", aspect: "16:9", description: expect.stringMatching(/^News/) });
  });

  it("reads the user's templates from --templates-dir", async () => {
    const dir = await workdir();
    await cli(["templates", "new", "elsewhere", "--templates-dir", "looks"], dir);
    expect(await readdir(path.join(dir, "looks/elsewhere"))).toContain("template.json");
    const json = JSON.parse((await cli(["templates", "list", "--json", "--templates-dir", "looks"], dir)).stdout) as { templates: { name: string }[] };
    expect(json.templates[0]!.name).toBe("elsewhere");
    const other = JSON.parse((await cli(["templates", "list", "--json"], dir)).stdout) as { templates: { name: string }[] };
    expect(other.templates.map((t) => t.name)).not.toContain("elsewhere");
  });

  it("reads the user's templates from ./my-templates by default, not from ./templates", async () => {
    const dir = await workdir();
    await cp(path.join(repo, "templates/minimal"), path.join(dir, "templates/stray"), { recursive: true });
    await cp(path.join(repo, "templates/minimal"), path.join(dir, "my-templates/mine"), { recursive: true });
    const json = JSON.parse((await cli(["templates", "list", "--json"], dir)).stdout) as { templates: { name: string; source: string }[] };
    expect(json.templates.map((t) => [t.name, t.source])).toEqual([
      ["mine", "user"],
      ["clean", "built-in"],
      ["minimal", "built-in"],
      ["news", "built-in"],
      ["social", "built-in"],
    ]);
  });

  it("takes the common options, --cache-dir included", async () => {
    const dir = await workdir();
    for (const command of [["list"], ["show", "news"], ["new", "cached"]]) {
      const run = await cli(["templates", ...command, "--cache-dir", cache], dir);
      expect(run.code, run.stderr).toBe(0);
    }
  });
});

describe("reelpress templates show", () => {
  it("prints the resolved settings as JSON", async () => {
    const run = await cli(["templates", "show", "news"], await workdir());
    expect(run.code).toBe(0);
    const shown = JSON.parse(run.stdout);
    expect(shown).toMatchObject({ name: "news", source: "built-in", aspect: "16:9", captionStyle: "subtitles", musicMood: "serious", transitionSeconds: 0.35 });
    expect(shown.theme).toMatchObject({ template: "news", transition: "wipe", headline: { position: "lower-third" }, colors: { accent: "#dc2626" } });
  });

  it("reflects the config's overrides and its brand kit, and a --brand over it", async () => {
    const dir = await workdir({ brand: { logo: "logo.svg", cta: { text: "Subscribe" } }, templateOverrides: { colors: { accent: "#e11d48" }, transition: { seconds: 0.2 } } });
    const shown = JSON.parse((await cli(["templates", "show", "news"], dir)).stdout);
    expect(shown.transitionSeconds).toBe(0.2);
    expect(shown.theme.colors.accent).toBe("#e11d48");
    expect(shown.theme.logo).toMatchObject({ file: path.join(dir, "logo.svg"), placement: "top-left" });
    expect(shown.theme.cta).toEqual({ text: "Subscribe", url: null });
    await writeFile(path.join(dir, "brand.json"), JSON.stringify({ name: "Urban Review", colors: { accent: "#0000ff", text: "#fefefe" } }));
    const branded = JSON.parse((await cli(["templates", "show", "news", "--brand", "brand.json"], dir)).stdout);
    // The config's overrides beat the brand kit.
    expect(branded.theme.colors).toMatchObject({ accent: "#e11d48", text: "#fefefe" });
    expect(branded.theme.logo.file).toBeNull();
    expect(branded.brand).toMatchObject({ name: "Urban Review" });
    expect(shown.brand).toMatchObject({ logo: path.join(dir, "logo.svg") });
  });
});

describe("reelpress templates new", () => {
  it("copies a template's folder, components included, into the user's templates folder", async () => {
    const dir = await workdir();
    const run = await cli(["templates", "new", "my-news", "--from", "news"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Made template my-news from news: edit my-templates\/my-news\/template\.json, then run `reelpress make ARTICLE --template my-news`$/m);
    const copied = await readdir(path.join(dir, "my-templates/my-news"));
    const original = (await readdir(path.join(repo, "templates/news"))).filter((f) => !/^preview/i.test(f));
    expect(copied.sort()).toEqual(original.sort());
    expect(await readFile(path.join(dir, "my-templates/my-news/template.json"), "utf8")).toBe(await readFile(path.join(repo, "templates/news/template.json"), "utf8"));
    const shown = JSON.parse((await cli(["templates", "show", "my-news"], dir)).stdout);
    expect(shown).toMatchObject({ name: "my-news", source: "user" });
  });

  it("hints at --templates-dir when the template went somewhere make does not look by default", async () => {
    const dir = await workdir();
    const run = await cli(["templates", "new", "zed", "--templates-dir", "other/tpl"], dir);
    expect(run.code).toBe(0);
    const hinted = /`reelpress make ARTICLE (.*)`$/m.exec(run.stderr)?.[1];
    expect(hinted).toBe("--template zed --templates-dir other/tpl");
    // The hinted options find it.
    const shown = await cli(["templates", "show", ...hinted!.replace("--template ", "").split(" ")], dir);
    expect(JSON.parse(shown.stdout)).toMatchObject({ name: "zed", source: "user" });
    // The config's own folder needs no flag.
    const configured = await workdir({ templatesDir: "other/tpl" });
    const quiet = await cli(["templates", "new", "zed", "--templates-dir", "other/tpl"], configured);
    expect(quiet.stderr).toMatch(/`reelpress make ARTICLE --template zed`$/m);
  });

  it("refuses a name that is taken and never overwrites", async () => {
    const dir = await workdir();
    await cli(["templates", "new", "mine"], dir);
    await writeFile(path.join(dir, "my-templates/mine/template.json"), "edited");
    const again = await cli(["templates", "new", "mine", "--from", "social"], dir);
    expect(again.code).toBe(2);
    expectOneLineError(again.stderr, /there is already a user template "mine"/);
    expect(await readFile(path.join(dir, "my-templates/mine/template.json"), "utf8")).toBe("edited");
    const builtIn = await cli(["templates", "new", "social"], dir);
    expect(builtIn.code).toBe(2);
    expectOneLineError(builtIn.stderr, /there is already a built-in template "social"/);
  });

  it("refuses a name that cannot be a folder name", async () => {
    const dir = await workdir();
    for (const name of ["My Brand", "../escape", "UPPER"]) {
      const run = await cli(["templates", "new", name], dir);
      expect(run.code).toBe(2);
      expectOneLineError(run.stderr, /is not a usable template name: must be lower-case letters, digits and dashes/);
    }
    expect(await readdir(dir)).not.toContain("my-templates");
  });

  it("refuses to copy a template that does not exist", async () => {
    const run = await cli(["templates", "new", "mine", "--from", "fancy"], await workdir());
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, /there is no template "fancy"; there are: clean, minimal, news, social/);
  });
});

describe("plan with a template", () => {
  it("puts the template's look in the storyboard", async () => {
    const { board } = await planned(await workdir(), ["--template", "news", "--music", "auto"]);
    expect(board.theme).toMatchObject({ template: "news", transition: "wipe", colors: { accent: "#dc2626" }, fonts: { headline: { family: "Oswald" } } });
    expect(board.output.aspect).toBe("16:9");
    expect(board.transitionFrames).toBe(Math.round(0.35 * 30));
    expect(board.captions.style).toBe("subtitles");
    expect(board.audio.music).toMatchObject({ source: "auto", mood: "serious" });
  });

  it("takes the template's aspect and caption style unless a flag or the config names them", async () => {
    const dir = await workdir();
    const social = await planned(dir, ["--template", "social"]);
    expect(social.board.output.aspect).toBe("9:16");
    expect(social.board.captions.style).toBe("highlight");
    const flagged = await planned(dir, ["--template", "social", "--aspect", "1:1", "--caption-style", "subtitles", "--music", "auto:calm"]);
    expect(flagged.board.output.aspect).toBe("1:1");
    expect(flagged.board.captions.style).toBe("subtitles");
    expect(flagged.board.audio.music.mood).toBe("calm");
    const configured = await planned(await workdir({ template: "social", aspect: "4:5", captions: { style: "headline" } }), []);
    expect(configured.board.theme.template).toBe("social");
    expect(configured.board.output.aspect).toBe("4:5");
    expect(configured.board.captions.style).toBe("headline");
  });

  it("uses clean when nothing names a template, and the config's overrides", async () => {
    const { board } = await planned(await workdir({ templateOverrides: { colors: { background: "#ff00ff" }, captions: { style: "headline" } } }), []);
    expect(board.theme.template).toBe("clean");
    expect(board.theme.colors.background).toBe("#ff00ff");
    expect(board.captions.style).toBe("headline");
  });

  it("records a template given as a folder, so render finds it again, and says so when it is gone", async () => {
    const dir = await workdir();
    const folder = path.join(dir, "looks/acme");
    await cp(path.join(repo, "templates/clean"), folder, { recursive: true });
    const json = JSON.parse(await readFile(path.join(folder, "template.json"), "utf8"));
    json.components = { scene: null, layers: ["Band.tsx"] };
    await writeFile(path.join(folder, "template.json"), JSON.stringify(json));
    await writeFile(path.join(folder, "Band.tsx"), "export default function Band() {\n  return null;\n}\n");
    const { board, json: result } = await planned(dir, ["--template", "./looks/acme", "-o", "acme.json"]);
    expect(board.theme).toMatchObject({ template: "acme", templateDir: folder });
    await rm(folder, { recursive: true });
    const before = (await readdir(dir)).sort();
    const run = await cli(["render", path.relative(dir, result.files.storyboard), "-o", "acme.mp4", "--cache-dir", cache], dir);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, /^error: the storyboard's template "acme" was in looks\/acme, which has no template\.json now \(pass --template DIR/);
    expect((await readdir(dir)).sort()).toEqual(before);
  });

  it("writes one storyboard, for the first aspect, when several are asked for, and says so", async () => {
    const dir = await workdir();
    const { board, json } = await planned(dir, ["--aspect", "16:9,9:16", "-o", "out/trains.json"]);
    expect(board.output.aspect).toBe("16:9");
    expect(await readdir(path.join(dir, "out"))).toEqual(["trains.json"]);
    expect(json.warnings.join("\n")).toMatch(/planned for 16:9 only .*reelpress render out\/trains\.json --aspect 16:9,9:16/);
  });
});

describe("bad looks give a one-line error and no output", () => {
  it("an invalid template.json names the file and the field", async () => {
    const dir = await workdir();
    await mkdir(path.join(dir, "bad"));
    const json = JSON.parse(await readFile(path.join(repo, "templates/clean/template.json"), "utf8"));
    json.colors.accent = "#12345";
    await writeFile(path.join(dir, "bad/template.json"), JSON.stringify(json));
    const run = await cli(["plan", "trains.md", "--template", "./bad", "--cache-dir", cache], dir);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, /^error: bad\/template\.json: "colors\.accent" must be a CSS colour/);
    expect(await readdir(dir)).not.toContain("out");
  });

  it("an unknown template name lists the ones there are", async () => {
    const run = await cli(["make", "trains.md", "--template", "fancy", "--cache-dir", cache], await workdir());
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, /there is no template "fancy"; there are: clean, minimal, news, social/);
  });

  it("an invalid brand kit names the file and the field", async () => {
    const dir = await workdir();
    await writeFile(path.join(dir, "brand.json"), JSON.stringify({ logo: "logo.gif" }));
    const run = await cli(["plan", "trains.md", "--brand", "brand.json", "--json", "--cache-dir", cache], dir);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, /^error: brand\.json: "logo" must be an \.svg or \.png file/);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: "E_INVALID_INPUT" } });
  });

  it("an override that is not a template field", async () => {
    const run = await cli(["plan", "trains.md", "--cache-dir", cache], await workdir({ templateOverrides: { colors: { acent: "#e11d48" } } }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: reelpress\.config\.json: "templateOverrides\.colors\.acent" is not a template field \(/);
  });

  it("a repeated aspect is a usage error", async () => {
    const run = await cli(["make", "trains.md", "--aspect", "16:9,16:9"], await workdir());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--aspect.*names 16:9 twice/);
  });

  it("render names a theme file that is gone, and leaves nothing behind", async () => {
    const dir = await workdir();
    const board = makeStoryboard();
    board.scenes[0]!.media = board.scenes[1]!.media;
    board.theme.logo = { ...board.theme.logo, file: path.join(dir, "gone.svg"), placement: "top-right" };
    await writeFile(path.join(dir, "story.json"), JSON.stringify(board));
    const before = (await readdir(dir)).sort();
    const run = await cli(["render", "story.json", "-o", "out.mp4"], dir);
    expect(run.code).toBe(1);
    expectOneLineError(run.stderr, /"theme\.logo\.file" is .*gone\.svg, which does not exist/);
    expect((await readdir(dir)).sort()).toEqual(before);
  });
});

describe("help", () => {
  it.each([["templates", "list"], ["templates", "show"], ["templates", "new"]])("%s %s --help exits 0", async (...command) => {
    const run = await cli([...command, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: reelpress ${command.join(" ")}`);
  });

  it("names ./my-templates as the default templates folder", async () => {
    for (const command of [["templates", "new"], ["plan"]]) expect((await cli([...command, "--help"])).stdout).toMatch(/--templates-dir <dir>[\s\S]*else\s+\.\/my-templates/);
  });

  it("make, plan and render describe the look options", async () => {
    for (const command of ["make", "plan", "render"]) {
      const run = await cli([command, "--help"]);
      for (const flag of ["--template <name|folder>", "--brand <brand.json>", "--templates-dir <dir>", "--aspect <ratios>"]) expect(run.stdout).toContain(flag);
    }
  });
});
