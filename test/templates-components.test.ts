import { execFile } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { bundle } from "@remotion/bundler";
import { getCompositions, openBrowser, renderStill, selectComposition, type HeadlessBrowser } from "@remotion/renderer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickTemplateComponents } from "../compositions/pick-template-components.js";
import { COMPOSITION_ID } from "../compositions/reelpress-props.js";
import { templateSampleProps } from "../compositions/template-sample-props.js";
import { BUILT_IN_TEMPLATES_DIR, makeWebpackOverride, USER_TEMPLATES_ALIAS, webpackOverride } from "../compositions/webpack-override.js";
import { RenderError } from "../src/errors.js";
import { ffmpegTool } from "../src/media/ffmpeg-bin.js";
import { findBrowser } from "../src/render/find-browser.js";
import { AspectSchema, StoryboardSchema, type Storyboard, type Theme } from "../src/schema/storyboard.js";
import { TemplateSchema, type TemplateInput } from "../src/schema/template.js";
import { DEFAULT_THEME } from "../src/storyboard/default-theme.js";
import { contains, frameLayout, OUTPUT_SIZES, overlaps } from "../src/storyboard/layout.js";
import { resolveLook } from "../src/templates/resolve-look.js";
import { restyleStoryboard } from "../src/templates/restyle-storyboard.js";
import { tickerBox, tickerItems, tickerSpan } from "../templates/news/Ticker.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "..");
const BUILT_IN = ["clean", "minimal", "news", "social"];

async function builtInTemplate(name: string): Promise<TemplateInput> {
  return JSON.parse(await readFile(path.join(repoRoot, "templates", name, "template.json"), "utf8")) as TemplateInput;
}

function themeWith(components: Theme["components"], template = "demo"): Pick<Theme, "template" | "components"> {
  return { template, components };
}

describe("pickTemplateComponents", () => {
  const First = () => null;
  const Second = () => null;

  it("takes each listed layer from its default export or its `Layer` export, in the order listed", () => {
    const files: Record<string, Record<string, unknown>> = { "demo/A.tsx": { default: First }, "demo/B.tsx": { Layer: Second } };
    const picked = pickTemplateComponents(themeWith({ scene: null, layers: ["B.tsx", "A.tsx"] }), (t, f) => files[`${t}/${f}`]);
    expect(picked.layers).toEqual([Second, First]);
    expect(picked.Scene).toBeNull();
  });

  it("takes the scene component from its `Scene` export", () => {
    const picked = pickTemplateComponents(themeWith({ scene: "Card.tsx", layers: [] }), () => ({ Scene: First }));
    expect(picked.Scene).toBe(First);
  });

  it("throws naming the template and the file when the bundle lacks a listed component", () => {
    const pick = () => pickTemplateComponents(themeWith({ scene: null, layers: ["Missing.tsx"] }, "my-brand"), () => undefined);
    expect(pick).toThrow(RenderError);
    expect(pick).toThrow('template "my-brand" lists the component Missing.tsx, which the bundle does not have');
  });

  it("throws when a listed file exports no component", () => {
    expect(() => pickTemplateComponents(themeWith({ scene: "Card.tsx", layers: [] }), () => ({ helper: 3 }))).toThrow(
      'template "demo": Card.tsx exports no component',
    );
  });
});

describe("makeWebpackOverride", () => {
  it("points the user templates alias at the given folder and lets files there find the project's packages", async () => {
    const dir = await makeTempDir("user-templates");
    const config = makeWebpackOverride({ userTemplatesDir: dir })({ resolve: { alias: { react: "/r" }, modules: ["node_modules"] } });
    expect(config.resolve?.alias).toEqual({ react: "/r", [USER_TEMPLATES_ALIAS]: dir });
    expect(config.resolve?.modules).toEqual(["node_modules", path.join(repoRoot, "node_modules")]);
    expect(config.resolve?.extensionAlias).toEqual({ ".js": [".ts", ".tsx", ".js"] });
  });

  it("points the alias at the built-in templates by default", () => {
    expect(BUILT_IN_TEMPLATES_DIR).toBe(path.join(repoRoot, "templates"));
    expect(webpackOverride({}).resolve?.alias).toEqual({ [USER_TEMPLATES_ALIAS]: BUILT_IN_TEMPLATES_DIR });
  });

  it("reads template folders two levels deep only, however big the folder around them", async () => {
    const dir = await makeTempDir("user-templates");
    const [plugin] = makeWebpackOverride({ userTemplatesDir: dir })({}).plugins ?? [];
    type AfterResolve = (result: { resource: string; exclude?: RegExp | null }) => { exclude?: RegExp | null };
    let afterResolve: AfterResolve | undefined;
    const tap = (_: string, fn: AfterResolve) => void (afterResolve = fn);
    const compiler = { hooks: { contextModuleFactory: { tap: (_: string, fn: (f: unknown) => void) => fn({ hooks: { afterResolve: { tap } } }) } } };
    (plugin as unknown as { apply: (c: unknown) => void }).apply(compiler);
    const exclude = afterResolve!({ resource: dir, exclude: /[\\/]node_modules$/ }).exclude!;
    const walked = (rel: string) => !exclude.test(path.join(dir, rel));
    expect(["brand", "brand/Lower.tsx", "brand/template.json"].filter(walked)).toEqual(["brand", "brand/Lower.tsx", "brand/template.json"]);
    expect(["brand/src", "brand/src/Deep.tsx", "node_modules", "brand/node_modules"].filter(walked)).toEqual([]);
    expect(afterResolve!({ resource: "/elsewhere" }).exclude).toBeUndefined();
  });

  it("refuses a templates folder that does not exist", () => {
    expect(() => makeWebpackOverride({ userTemplatesDir: path.join(repoRoot, "no-such-templates") })).toThrow(/no-such-templates does not exist/);
  });
});

describe("templateSampleProps", () => {
  const sample = makeStoryboard();

  it("restyles the sample with a template at its preferred aspect, 16:9 when it has none", async () => {
    const social = templateSampleProps("social", await builtInTemplate("social"), sample);
    const clean = templateSampleProps("clean", await builtInTemplate("clean"), sample);
    if (!social.ok || !clean.ok) throw new Error("the built-in templates should be valid");
    expect(social.props.storyboard.output).toEqual({ aspect: "9:16", width: 1080, height: 1920, fps: 30 });
    expect(social.props.storyboard.theme.template).toBe("social");
    expect(social.props.storyboard.captions.style).toBe("highlight");
    expect(clean.props.storyboard.output).toMatchObject({ aspect: "16:9", width: 1920, height: 1080 });
    expect(StoryboardSchema.safeParse(social.props.storyboard).success).toBe(true);
  });

  it("reports every invalid field of a template.json instead of throwing, worded as the CLI words it", async () => {
    const broken = { ...(await builtInTemplate("clean")), kenBurns: 7, colours: {} };
    const result = templateSampleProps("clean", broken, sample);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.split("\n").sort()).toEqual(['"colours" is not a template field', '"kenBurns" Too big: expected number to be <=2']);
  });

  it("reports a font family that is neither shipped nor given a file, as the CLI does", async () => {
    const clean = await builtInTemplate("clean");
    const result = templateSampleProps("clean", { ...clean, fonts: { ...clean.fonts, body: { family: "Helvetica Neue", weight: 400 } } }, sample);
    expect(result).toEqual({
      ok: false,
      error: '"fonts.body.family" "Helvetica Neue" is not shipped with reelpress (Inter, Anton, Oswald, Source Sans 3, Playfair Display, DM Sans, Noto Sans SC); give "file"',
    });
  });

  it("reports a folder name that is not a template name", async () => {
    const result = templateSampleProps("My Brand", await builtInTemplate("clean"), sample);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('"My Brand"') });
  });
});

describe("the news template's ticker", () => {
  it("stays inside the safe area and clear of the logo and the text boxes in every aspect", async () => {
    const news = TemplateSchema.parse(await builtInTemplate("news"));
    for (const aspect of AspectSchema.options) {
      const { width, height } = OUTPUT_SIZES[aspect];
      for (const file of ["/brand/logo.svg", null]) {
        const theme = resolveLook("news", news, file ? { logo: file } : null).theme;
        const layout = frameLayout(width, height, theme);
        const box = tickerBox(layout);
        expect(contains(layout.safe, box), `${aspect} logo=${file}`).toBe(true);
        if (layout.logo) expect(overlaps(layout.logo, box), aspect).toBe(false);
        expect(overlaps(layout.headline, box), aspect).toBe(false);
        expect(overlaps(layout.captions, box), aspect).toBe(false);
      }
    }
  });

  it("runs the title and the content headlines between the title card and the closing card", () => {
    const board = makeStoryboard();
    expect(tickerSpan(board)).toEqual({ from: 105, to: 225 });
    expect(tickerItems(board)).toEqual(["Bike lanes open", "Twelve new kilometres"]);
  });
});

const SQUARE_COLOR = [0x00, 0xff, 0x00] as const;
const SIZE = { width: 640, height: 360 };
const CONTENT_FRAME = 160;

// Outside the project on purpose: the component must still compile and find react, remotion and zod.
const SQUARE_LAYER = `import { AbsoluteFill } from "remotion";
import { z } from "zod";

const color = z.string().parse("#00ff00");

export function Layer({ layout }: { layout: { width: number; height: number } }) {
  const side = Math.round(Math.min(layout.width, layout.height) * 0.2);
  return (
    <AbsoluteFill>
      <div style={{ position: "absolute", left: layout.width / 2 - side / 2, top: layout.height / 2 - side / 2, width: side, height: side, background: color }} />
    </AbsoluteFill>
  );
}
`;

function smallBoard(theme: Theme): Storyboard {
  const base = makeStoryboard();
  return StoryboardSchema.parse({
    ...base,
    output: { aspect: "16:9", ...SIZE, fps: 30 },
    theme,
    scenes: base.scenes.map((scene, i) => ({
      ...scene,
      media: { kind: "generated", style: "gradient", seed: i + 1, provider: "generated", origin: null, license: { name: "CC0 1.0", url: null, attribution: "Drawn by reelpress" } },
    })),
  });
}

async function rgbAt(file: string, points: readonly (readonly [number, number])[]): Promise<number[][]> {
  const ffmpeg = ffmpegTool("ffmpeg");
  const args = ["-v", "error", "-i", file, "-frames:v", "1", "-pix_fmt", "rgb24", "-c:v", "rawvideo", "-f", "image2pipe", "-"];
  const { stdout } = await run(ffmpeg.file, args, { env: ffmpeg.env, encoding: "buffer", maxBuffer: 16 * 1024 * 1024 });
  expect(stdout.length).toBe(SIZE.width * SIZE.height * 3);
  return points.map(([x, y]) => [...stdout.subarray((y * SIZE.width + x) * 3, (y * SIZE.width + x) * 3 + 3)]);
}

const isSquareColor = (rgb: number[]) => rgb.every((channel, i) => Math.abs(channel - SQUARE_COLOR[i]!) <= 24);

describe("template components in a bundle", () => {
  let serveUrl: string;
  let browser: HeadlessBrowser;
  let dir: string;
  let squareTheme: Theme;
  const executable = findBrowser(null, process.env).executable;
  const chromium = { browserExecutable: executable, chromeMode: "headless-shell" as const, logLevel: "error" as const };

  beforeAll(async () => {
    dir = await makeTempDir("templates-components");
    const userTemplates = path.join(dir, "templates");
    const square: TemplateInput = { ...(await builtInTemplate("clean")), description: "Clean, with a green square", components: { scene: null, layers: ["GreenSquare.tsx"] } };
    await mkdir(path.join(userTemplates, "square-demo"), { recursive: true });
    await writeFile(path.join(userTemplates, "square-demo", "template.json"), JSON.stringify(square));
    await writeFile(path.join(userTemplates, "square-demo", "GreenSquare.tsx"), SQUARE_LAYER);
    await mkdir(path.join(userTemplates, "broken"));
    await writeFile(path.join(userTemplates, "broken", "template.json"), JSON.stringify({ description: "no look at all" }));
    squareTheme = resolveLook("square-demo", TemplateSchema.parse(square)).theme;
    // No webpack cache: the temp folder's path is part of the config, so a cache would never be hit again.
    [serveUrl, browser] = await Promise.all([
      bundle({
        entryPoint: path.join(repoRoot, "compositions/index.ts"),
        webpackOverride: makeWebpackOverride({ userTemplatesDir: userTemplates }),
        outDir: path.join(dir, "bundle"),
        enableCaching: false,
      }),
      openBrowser("chrome", chromium),
    ]);
  });

  afterAll(async () => {
    await browser?.close({ silent: true });
    await removeTempDirs();
  });

  async function still(board: Storyboard, name: string): Promise<string> {
    const inputProps = { storyboard: board, assets: {} };
    const composition = await selectComposition({ ...chromium, serveUrl, id: COMPOSITION_ID, inputProps, puppeteerInstance: browser });
    const output = path.join(dir, `${name}.png`);
    await renderStill({ ...chromium, serveUrl, composition, inputProps, puppeteerInstance: browser, frame: CONTENT_FRAME, imageFormat: "png", output, overwrite: true });
    return output;
  }

  const centre = [SIZE.width / 2, SIZE.height / 2] as const;
  const insideSquare = [SIZE.width / 2 - 30, SIZE.height / 2 + 30] as const;
  const outsideSquare = [SIZE.width / 2 - 60, SIZE.height / 2] as const;

  it("draws a layer component from a user templates folder outside the project", { timeout: 90_000 }, async () => {
    const [inCentre, inSquare, beside] = await rgbAt(await still(smallBoard(squareTheme), "square"), [centre, insideSquare, outsideSquare]);
    expect(inCentre, `centre ${inCentre}`).toSatisfy(isSquareColor);
    expect(inSquare, `inside ${inSquare}`).toSatisfy(isSquareColor);
    expect(beside, `beside ${beside}`).not.toSatisfy(isSquareColor);
  });

  it("draws no template layer for a template without components", { timeout: 90_000 }, async () => {
    const clean = resolveLook("clean", TemplateSchema.parse(await builtInTemplate("clean"))).theme;
    const [inCentre, inSquare] = await rgbAt(await still(smallBoard(clean), "clean"), [centre, insideSquare]);
    expect(inCentre).not.toSatisfy(isSquareColor);
    expect(inSquare).not.toSatisfy(isSquareColor);
  });

  it("fails the render naming the template and the file when a listed component is not in the bundle", { timeout: 90_000 }, async () => {
    const missing = { ...squareTheme, components: { scene: null, layers: ["Missing.tsx"] } };
    await expect(still(smallBoard(missing), "missing")).rejects.toThrow(/template "square-demo" lists the component Missing\.tsx, which the bundle does not have/);
  });

  it("lists one Studio composition per template, a broken template.json among them", { timeout: 90_000 }, async () => {
    const compositions = await getCompositions(serveUrl, { ...chromium, puppeteerInstance: browser });
    const byId = new Map(compositions.map((c) => [c.id, c]));
    expect([...byId.keys()]).toEqual(
      expect.arrayContaining([COMPOSITION_ID, ...BUILT_IN.map((name) => `Template-${name}`), "Template-square-demo", "Template-broken"]),
    );
    expect(byId.get("Template-social")).toMatchObject({ width: 1080, height: 1920 });
    expect(byId.get("Template-news")).toMatchObject({ width: 1920, height: 1080 });
    expect(byId.get("Template-square-demo")?.props).toMatchObject({ storyboard: { theme: { template: "square-demo" } } });
    expect(byId.get("Template-broken")?.props).toMatchObject({ name: "broken", error: expect.stringContaining('"fonts"') });
  });
});

describe("the news template", () => {
  it("lists its ticker, and a storyboard restyled with it keeps the component", async () => {
    const news = resolveLook("news", TemplateSchema.parse(await builtInTemplate("news")));
    const board = restyleStoryboard(makeStoryboard({ theme: DEFAULT_THEME }), news, news.captionStyle);
    expect(StoryboardSchema.parse(board).theme.components).toEqual({ scene: null, layers: ["Ticker.tsx"] });
  });
});
