import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { restyleForRender } from "../src/config/restyle-for-render.js";
import type { Storyboard } from "../src/schema/storyboard.js";
import { BUILT_IN_TEMPLATES_DIR, loadLook, restyleStoryboard } from "../src/templates/index.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#e11d48"/></svg>\n';
const LAYER = 'import { AbsoluteFill } from "remotion";\nexport default function Band() {\n  return <AbsoluteFill />;\n}\n';

afterAll(removeTempDirs);

/** A working folder with a brand kit (accent #e11d48, a logo). */
async function workdir(): Promise<string> {
  const dir = await makeTempDir("restyle");
  await writeFile(path.join(dir, "logo.svg"), SVG);
  await writeFile(path.join(dir, "brand.json"), JSON.stringify({ name: "Acme", logo: "logo.svg", colors: { accent: "#e11d48" } }));
  return dir;
}

/** A storyboard planned with `template` (a name or folder), then edited: headline captions, 4-frame transitions. */
async function plannedWith(template: string, dir: string): Promise<Storyboard> {
  const look = await loadLook({ template, templateBaseDir: dir, dirs: { user: path.join(dir, "my-templates"), builtIn: BUILT_IN_TEMPLATES_DIR } });
  return { ...restyleStoryboard(makeStoryboard(), look, "headline"), transitionFrames: 4 };
}

/** A template of one's own in `<dir>/looks/acme`: news with a layer component. */
async function folderTemplate(dir: string): Promise<string> {
  const folder = path.join(dir, "looks/acme");
  await mkdir(path.dirname(folder), { recursive: true });
  await cp(path.join(BUILT_IN_TEMPLATES_DIR, "news"), folder, { recursive: true });
  const json = JSON.parse(await readFile(path.join(folder, "template.json"), "utf8"));
  json.components = { scene: null, layers: ["Band.tsx"] };
  await writeFile(path.join(folder, "template.json"), JSON.stringify(json));
  await writeFile(path.join(folder, "Band.tsx"), LAYER);
  return folder;
}

describe("render with --brand alone", () => {
  it("changes only the theme: the caption style and transition length chosen when planning stay", async () => {
    const dir = await workdir();
    const board = await plannedWith("news", dir);
    const { board: out } = await restyleForRender(board, {}, null, { brand: "brand.json" }, dir);
    expect(out.captions.style).toBe("headline");
    expect(out.transitionFrames).toBe(4);
    expect(out.theme.template).toBe("news");
    expect(out.theme.colors.accent).toBe("#e11d48");
    expect(out.theme.logo).toMatchObject({ file: path.join(dir, "logo.svg"), placement: "top-left" });
    expect(out.scenes).toEqual(board.scenes);
  });

  it("keeps the storyboard's template even when the config names another", async () => {
    const dir = await workdir();
    const { board } = await restyleForRender(await plannedWith("news", dir), { template: "social" }, null, { brand: "brand.json" }, dir);
    expect(board.theme.template).toBe("news");
  });

  it("gives a storyboard from before templates the config's template", async () => {
    const dir = await workdir();
    const { board } = await restyleForRender(makeStoryboard(), { template: "minimal" }, null, { brand: "brand.json" }, dir);
    expect(board.theme.template).toBe("minimal");
    expect(board.transitionFrames).toBe(12);
  });
});

describe("render with --template", () => {
  it("replaces the theme, the caption style and the transition length", async () => {
    const dir = await workdir();
    const { board } = await restyleForRender(await plannedWith("news", dir), {}, null, { template: "social" }, dir);
    expect(board.theme.template).toBe("social");
    expect(board.captions.style).toBe("highlight");
    expect(board.transitionFrames).toBe(Math.round(0.3 * 30));
  });
});

describe("a storyboard planned with a template folder", () => {
  it("records the folder, and render bundles the folder around it", async () => {
    const dir = await workdir();
    const folder = await folderTemplate(dir);
    const board = await plannedWith("./looks/acme", dir);
    expect(board.theme).toMatchObject({ template: "acme", templateDir: folder, components: { layers: ["Band.tsx"] } });
    const plain = await restyleForRender(board, {}, null, {}, dir);
    expect(plain.board).toBe(board);
    expect(plain.userTemplatesDir).toBe(path.join(dir, "looks"));
  });

  it("records no folder for a built-in template", async () => {
    const board = await plannedWith("news", await workdir());
    expect(board.theme.templateDir).toBeNull();
  });

  it("is restyled with --brand alone from that folder, not by its name", async () => {
    const dir = await workdir();
    await folderTemplate(dir);
    const { board, userTemplatesDir } = await restyleForRender(await plannedWith("./looks/acme", dir), {}, null, { brand: "brand.json" }, dir);
    expect(board.theme).toMatchObject({ template: "acme", templateDir: path.join(dir, "looks/acme"), colors: { accent: "#e11d48" } });
    expect(userTemplatesDir).toBe(path.join(dir, "looks"));
  });

  it("renders without the folder when it is gone but the template has no components", async () => {
    const dir = await workdir();
    const folder = path.join(dir, "looks/plain");
    await cp(path.join(BUILT_IN_TEMPLATES_DIR, "minimal"), folder, { recursive: true });
    const board = await plannedWith("./looks/plain", dir);
    await rm(path.join(dir, "looks"), { recursive: true });
    const plain = await restyleForRender(board, {}, null, {}, dir);
    expect(plain).toEqual({ board, userTemplatesDir: null });
  });

  it("says to pass --template DIR when the folder is gone", async () => {
    const dir = await workdir();
    const folder = await folderTemplate(dir);
    const board = await plannedWith("./looks/acme", dir);
    await rm(folder, { recursive: true });
    for (const flags of [{}, { brand: "brand.json" }]) {
      const error = await restyleForRender(board, {}, null, flags, dir).then(
        () => null,
        (e: Error & { hint?: string }) => e,
      );
      expect(error?.message).toBe('the storyboard\'s template "acme" was in looks/acme, which has no template.json now');
      expect(error?.hint).toBe("pass --template DIR, the folder the template is in now");
    }
  });
});
