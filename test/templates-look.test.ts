import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeCaption } from "../compositions/captions/place-caption.js";
import { cardArea } from "../compositions/card-area.js";
import type { MeasureWidth } from "../compositions/fit-text.js";
import { headlineGeometry, headlineText } from "../compositions/headline-geometry.js";
import { kineticBand } from "../compositions/kinetic-band.js";
import { storyboardLayout } from "../compositions/storyboard-layout.js";
import { fontFaces, fontFiles, fontStack, META_WEIGHT } from "../compositions/fonts.js";
import { SHIPPED_FONTS } from "../src/templates/shipped-fonts.js";
import { captionMetrics } from "../src/captions/caption-looks.js";
import { ffmpegTool } from "../src/media/ffmpeg-bin.js";
import { createRenderer, type Renderer } from "../src/render/create-renderer.js";
import type { Placement } from "../src/schema/look.js";
import { AspectSchema, StoryboardSchema, type Aspect, type Storyboard, type StoryboardScene, type Theme } from "../src/schema/storyboard.js";
import { TemplateSchema, type Brand, type Template } from "../src/schema/template.js";
import { timeCaptions } from "../src/storyboard/caption-pages.js";
import { contains, OUTPUT_SIZES, overlaps, type Box, type FrameLayout } from "../src/storyboard/layout.js";
import { resolveLook, type ResolvedLook } from "../src/templates/resolve-look.js";
import { isWide } from "../src/text/text-units.js";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "..");
const TEMPLATES = ["clean", "social", "news", "minimal"] as const;
const ASPECTS: Aspect[] = AspectSchema.options;
const PORTRAIT: ReadonlySet<Aspect> = new Set(["9:16", "4:5"]);
const CORNERS: Exclude<Placement, "none">[] = ["top-left", "top-right", "bottom-left", "bottom-right"];
const PHOTO = path.resolve(repoRoot, "../shared/medialib/images/coco_train2017_000000063217.jpg");
/** The logo the tests draw: a flat magenta no template uses, so its pixels are unmistakable. */
const LOGO_RGB = [255, 0, 255] as const;

function readTemplate(name: string): Template {
  return TemplateSchema.parse(JSON.parse(readFileSync(path.join(repoRoot, "templates", name, "template.json"), "utf8")));
}

function look(name: string, brand: Brand | null, edit: (t: Template) => Template = (t) => t): ResolvedLook {
  return resolveLook(name, edit(readTemplate(name)), brand);
}

/** One content scene on a photo from the shared library, with a headline and narrated captions. */
function board(resolved: ResolvedLook, aspect: Aspect): Storyboard {
  return StoryboardSchema.parse({
    version: 1,
    meta: { title: "Tiny forests cool cities", lang: "en", dir: null, siteName: "The Urban Review", byline: null, url: null, source: "test" },
    output: { aspect, ...OUTPUT_SIZES[aspect], fps: 30 },
    transitionFrames: 0,
    theme: resolved.theme,
    captions: { style: resolved.captionStyle, burn: true },
    scenes: [
      {
        id: "s1", kind: "content", startFrame: 0, durationInFrames: 60, headline: "Riverside planting cuts summer heat",
        narration: "City councils are planting dense native woods on small plots.", keywords: ["woods"], sourceBlockIds: [],
        media: { kind: "image", file: PHOTO, width: 640, height: 480, alt: "a tall ship in a harbour", focus: { x: 0.5, y: 0.5 }, provider: "library", origin: null,
          license: { name: "CC BY 2.0", url: null, attribution: "MS-COCO" } },
      },
    ],
    warnings: [],
  });
}

/** Stand-in for the browser, a little wide on purpose: Latin 0.62 em (capitals 0.8), CJK 1 em. */
const measure: MeasureWidth = (text) => {
  let width = 0;
  for (const ch of text) width += isWide(ch) ? 1 : /\p{Lu}/u.test(ch) ? 0.8 : 0.62;
  return width;
};

const EPSILON = 1e-6;
function inside(outer: Box, inner: Box): boolean {
  return contains({ x: outer.x - EPSILON, y: outer.y - EPSILON, width: outer.width + 2 * EPSILON, height: outer.height + 2 * EPSILON }, inner);
}

/** A scene whose picture is drawn in the band beside the headline. */
const KINETIC_SCENE: Pick<StoryboardScene, "kind" | "media"> = {
  kind: "content",
  media: { kind: "generated", style: "kinetic", chart: null, seed: 1, provider: "generated", origin: null, creator: null, sourceId: null, license: { name: "CC0 1.0", url: null, attribution: "drawn" } },
};

/** Every box the layout puts text or a mark in; the kinetic band as a kinetic scene's layout has it. */
function textBoxes(layout: FrameLayout, bandLayout: FrameLayout): Record<string, Box> {
  return {
    headline: layout.headline,
    captions: layout.captions,
    ...(layout.logo ? { logo: layout.logo } : {}),
    ...(layout.watermark ? { watermark: layout.watermark } : {}),
    kinetic: kineticBand(bandLayout),
    "kinetic scene headline": bandLayout.headline,
    card: cardArea(layout, true),
    "card without captions": cardArea(layout, false),
  };
}

const HEADLINES = {
  short: "Bike lanes open",
  long: "Riverside councils plant dense native woods on plots no bigger than a tennis court",
  "long word": "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen gewinnt",
  CJK: "在欧洲和亚洲，市议会正在不超过网球场大小的地块上种植茂密的本土树林",
};

describe("template layouts", () => {
  const brand: Brand = { logo: "/brand/logo.svg" };
  for (const name of TEMPLATES) {
    const template = readTemplate(name);
    for (const aspect of ASPECTS) {
      const resolved = look(name, brand);
      const b = board(resolved, aspect);
      const layout = storyboardLayout(b);
      const bandLayout = storyboardLayout(b, KINETIC_SCENE);
      const frame = { x: 0, y: 0, ...OUTPUT_SIZES[aspect] };

      it(`uses the template's ${PORTRAIT.has(aspect) ? "portrait" : "landscape"} safe margins (${name}, ${aspect})`, () => {
        const margins = template.safeMargins[PORTRAIT.has(aspect) ? "portrait" : "landscape"];
        expect(layout.orientation).toBe(PORTRAIT.has(aspect) ? "portrait" : "landscape");
        expect(layout.safe.x).toBe(Math.round(frame.width * margins.x));
        expect(layout.safe.y).toBe(Math.round(frame.height * margins.top));
        expect(frame.height - layout.safe.y - layout.safe.height).toBe(Math.round(frame.height * margins.bottom));
        expect(contains(frame, layout.safe)).toBe(true);
      });

      it(`keeps every text box inside the safe area, none overlapping another (${name}, ${aspect})`, () => {
        const boxes = textBoxes(layout, bandLayout);
        for (const [what, box] of Object.entries(boxes)) {
          expect(inside(layout.safe, box), what).toBe(true);
          expect(box.width, what).toBeGreaterThan(0);
          expect(box.height, what).toBeGreaterThan(0);
        }
        // Each headline box (a photo scene's, a kinetic scene's) stays clear of the captions and the corner marks.
        const marks = ["captions", "logo", "watermark"].filter((k) => boxes[k]);
        for (const headline of ["headline", "kinetic scene headline"]) {
          for (const mark of marks) expect(overlaps(boxes[headline]!, boxes[mark]!), `${headline} / ${mark}`).toBe(false);
        }
        for (const a of marks) for (const c of marks) if (a < c) expect(overlaps(boxes[a]!, boxes[c]!), `${a} / ${c}`).toBe(false);
        expect(overlaps(boxes.kinetic!, bandLayout.headline)).toBe(false);
        expect(boxes.kinetic!.height).toBeGreaterThan(layout.safe.height * 0.2);
        expect(overlaps(boxes.kinetic!, layout.captions)).toBe(false);
        expect(overlaps(boxes.card!, layout.captions)).toBe(false);
      });

      it(`puts the logo in the template's corner (${name}, ${aspect})`, () => {
        const placement = template.logo.placement;
        if (placement === "none") {
          expect(layout.logo).toBeNull();
          return;
        }
        const logo = layout.logo!;
        const short = Math.min(frame.width, frame.height);
        expect(logo.height).toBe(Math.round(template.logo.size * short));
        expect(placement.endsWith("right") ? logo.x + logo.width : logo.x).toBe(placement.endsWith("right") ? layout.safe.x + layout.safe.width : layout.safe.x);
        expect(placement.startsWith("bottom") ? logo.y + logo.height : logo.y).toBe(placement.startsWith("bottom") ? layout.safe.y + layout.safe.height : layout.safe.y);
      });

      it(`sets the ${template.headline.style} headline, its box and its accent inside the headline box (${name}, ${aspect})`, () => {
        for (const rtl of [false, true]) {
          for (const [what, text] of Object.entries(HEADLINES)) {
            const g = headlineGeometry(headlineText(text, resolved.theme.headline, "en"), layout, resolved.theme.headline, measure, rtl);
            for (const [part, box] of Object.entries({ text: g.text, panel: g.panel, accent: g.accent })) {
              if (box) expect(inside(layout.headline, box), `${what} ${part} rtl=${rtl}`).toBe(true);
            }
            expect(g.lines.length).toBeLessThanOrEqual(layout.headlineMaxLines);
            for (const line of g.lines) expect(measure(line) * g.fontSize).toBeLessThanOrEqual(g.text.width + EPSILON);
            expect(g.lines.length * 1.12 * g.fontSize).toBeLessThanOrEqual(g.text.height + EPSILON);
            expect(g.fontSize).toBeLessThanOrEqual(layout.headlineFontSize);
            expect(g.panel !== null).toBe(template.headline.style === "box");
          }
        }
      });

      it(`keeps every ${resolved.captionStyle} caption page inside the captions box (${name}, ${aspect})`, () => {
        if (resolved.captionStyle === "headline") return;
        const metrics = captionMetrics(layout, resolved.captionStyle);
        const text = `${HEADLINES.long}. ${HEADLINES["long word"]}. ${HEADLINES.CJK}。`;
        for (const page of timeCaptions(text, { startMs: 0, endMs: 20_000, ...metrics, lang: "en" })) {
          const { fitted } = placeCaption(page.lines, layout, metrics, measure);
          expect(inside(layout.captions, fitted)).toBe(true);
        }
      });
    }

    it(`keeps a brand's watermark in any corner clear of the logo, headline and captions (${name})`, () => {
      for (const aspect of ASPECTS) {
        for (const placement of CORNERS) {
          const resolved = look(name, { ...brand, watermark: { text: "@urbanreview", image: null, placement, opacity: 0.5, size: 0.03 } });
          const b = board(resolved, aspect);
          const layout = storyboardLayout(b);
          const boxes = textBoxes(layout, storyboardLayout(b, KINETIC_SCENE));
          expect(layout.watermark).not.toBeNull();
          for (const [what, box] of Object.entries(boxes)) expect(inside(layout.safe, box), `${what} ${placement} ${aspect}`).toBe(true);
          for (const other of ["headline", "captions", "logo"]) {
            if (boxes[other]) expect(overlaps(layout.watermark!, boxes[other]!), `${other} ${placement} ${aspect}`).toBe(false);
          }
        }
      }
    });
  }

  it("keeps the four templates apart: fonts, headline styles, transitions and palettes all differ", () => {
    const themes: Theme[] = TEMPLATES.map((name) => look(name, null).theme);
    expect(new Set(themes.map((t) => t.fonts.headline.family)).size).toBe(4);
    expect(new Set(themes.map((t) => t.headline.style)).size).toBe(4);
    expect(new Set(themes.map((t) => t.headline.position)).size).toBe(4);
    expect(new Set(themes.map((t) => t.transition)).size).toBe(4);
    expect(new Set(themes.map((t) => t.colors.background)).size).toBe(4);
  });
});

describe("template fonts", () => {
  /** family → weights, from the @fontsource CSS files compositions/fonts.ts imports. */
  function importedFaces(): Map<string, Set<number>> {
    const source = readFileSync(path.join(repoRoot, "compositions/fonts.ts"), "utf8");
    const faces = new Map<string, Set<number>>();
    for (const [, pkg, weight] of source.matchAll(/import "@fontsource\/([\w-]+)\/(\d+)\.css";/g)) {
      const meta = JSON.parse(readFileSync(path.join(repoRoot, "node_modules/@fontsource", pkg!, "metadata.json"), "utf8")) as { family: string };
      faces.set(meta.family, (faces.get(meta.family) ?? new Set()).add(Number(weight)));
    }
    return faces;
  }

  it("ships exactly the faces compositions/fonts.ts imports", () => {
    const imported = importedFaces();
    expect([...imported.keys()].sort()).toEqual(Object.keys(SHIPPED_FONTS).sort());
    for (const [family, weights] of Object.entries(SHIPPED_FONTS)) expect([...imported.get(family)!].sort(), family).toEqual([...weights].sort());
  });

  it("ships every family the templates name, at the weights they use", () => {
    for (const name of TEMPLATES) {
      const { fonts } = readTemplate(name);
      for (const font of [fonts.headline, fonts.body]) {
        expect(font.file).toBeNull();
        expect(SHIPPED_FONTS[font.family], `${name}: ${font.family}`).toContain(font.weight);
      }
      // Bylines and URLs are set in the body family at the regular weight.
      expect(SHIPPED_FONTS[fonts.body.family], `${name}: ${fonts.body.family}`).toContain(META_WEIGHT);
    }
  });

  it("loads a font given as a file from its URL, and draws one the assets lack from the fallbacks", () => {
    const fonts = { headline: { family: "Brand Display", weight: 700, file: "/brand/display.woff2" }, body: { family: "Inter", weight: 600, file: null } };
    expect(fontFiles(fonts, { "/brand/display.woff2": "http://127.0.0.1:1/0.woff2" })).toEqual([{ family: "Brand Display", weight: 700, url: "http://127.0.0.1:1/0.woff2" }]);
    expect(fontFiles(fonts, {})).toEqual([]);
    expect(fontFaces(fonts)).toContain('700 100px "Brand Display"');
    expect(fontStack("Brand Display")).toBe('"Brand Display", "Inter", "Noto Sans SC", sans-serif');
  });
});

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A PNG of one colour (8-bit RGB), written by hand: the bundled ffmpeg cannot read raw pixels. */
function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).fill(Buffer.from(rgb))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

interface Still {
  pixels: Buffer;
  width: number;
  height: number;
}

async function rgbPixels(file: string): Promise<Buffer> {
  const ffmpeg = ffmpegTool("ffmpeg");
  const args = ["-v", "error", "-i", file, "-frames:v", "1", "-pix_fmt", "rgb24", "-c:v", "rawvideo", "-f", "image2pipe", "-"];
  const { stdout } = await run(ffmpeg.file, args, { env: ffmpeg.env, encoding: "buffer", maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

function isLogoColour(p: Buffer, at: number): boolean {
  return p[at]! > 185 && p[at + 1]! < 90 && p[at + 2]! > 185;
}

/** Share of the pixels of `area` in the logo's colour. */
function logoShare(still: Still, area: Box): number {
  let hits = 0;
  let total = 0;
  for (let y = Math.round(area.y); y < area.y + area.height; y += 2) {
    for (let x = Math.round(area.x); x < area.x + area.width; x += 2) {
      total += 1;
      if (isLogoColour(still.pixels, (y * still.width + x) * 3)) hits += 1;
    }
  }
  return total ? hits / total : 0;
}

/** Spread of the luma over the frame: a blank or single-colour frame has next to none. */
function lumaSpread(still: Still): number {
  const values: number[] = [];
  for (let i = 0; i < still.pixels.length; i += 3 * 97) values.push(0.3 * still.pixels[i]! + 0.59 * still.pixels[i + 1]! + 0.11 * still.pixels[i + 2]!);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
}

/** Mean absolute difference of two stills over an area, per channel (0–255). */
function meanDifference(a: Still, b: Still, area: Box): number {
  let sum = 0;
  let count = 0;
  for (let y = Math.round(area.y); y < area.y + area.height; y++) {
    for (let x = Math.round(area.x); x < area.x + area.width; x++) {
      const at = (y * a.width + x) * 3;
      for (let c = 0; c < 3; c++) sum += Math.abs(a.pixels[at + c]! - b.pixels[at + c]!);
      count += 3;
    }
  }
  return sum / count;
}

/** The corner of the safe area a mark of `size` would sit in, inset a little from the JPEG edges. */
function cornerArea(layout: FrameLayout, placement: Exclude<Placement, "none">, width: number, height: number): Box {
  const inset = 6;
  const { safe } = layout;
  const x = placement.endsWith("right") ? safe.x + safe.width - width : safe.x;
  const y = placement.startsWith("bottom") ? safe.y + safe.height - height : safe.y;
  return { x: x + inset, y: y + inset, width: width - 2 * inset, height: height - 2 * inset };
}

describe("template stills", () => {
  let renderer: Renderer;
  let dir: string;
  let logos: { svg: string; png: string };
  let shot = 0;

  async function still(b: Storyboard): Promise<Still> {
    const file = path.join(dir, `still-${shot++}.jpg`);
    await renderer.renderPoster(b, file, 40);
    const pixels = await rgbPixels(file);
    expect(pixels.length).toBe(b.output.width * b.output.height * 3);
    return { pixels, width: b.output.width, height: b.output.height };
  }

  beforeAll(async () => {
    renderer = createRenderer();
    dir = await makeTempDir("templates-look");
    // A 2:1 logo in both formats a brand may give.
    const svg = path.join(dir, "logo.svg");
    await writeFile(svg, `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect width="200" height="100" fill="rgb(${LOGO_RGB.join(",")})"/></svg>`);
    const png = path.join(dir, "logo.png");
    await writeFile(png, solidPng(200, 100, LOGO_RGB));
    logos = { svg, png };
  }, 60_000);

  afterAll(async () => {
    await renderer?.close();
    await removeTempDirs();
  });

  for (const [t, name] of TEMPLATES.entries()) {
    it(`renders ${name} in every aspect, with footage and the logo where the template puts it`, { timeout: 240_000 }, async () => {
      // Half the templates get the PNG logo, half the SVG one.
      const logo = t % 2 === 0 ? logos.svg : logos.png;
      const resolved = look(name, { logo });
      const placement = resolved.theme.logo.placement;
      expect(placement).not.toBe("none");
      for (const aspect of ASPECTS) {
        const b = board(resolved, aspect);
        const layout = storyboardLayout(b);
        const shot = await still(b);
        expect(lumaSpread(shot), aspect).toBeGreaterThan(12);
        // The logo is 2:1 and as high as its box, pushed into the template's corner of the safe area.
        const height = layout.logo!.height;
        expect(logoShare(shot, cornerArea(layout, placement as Exclude<Placement, "none">, 2 * height, height)), aspect).toBeGreaterThan(0.9);
        for (const other of CORNERS.filter((c) => c !== placement)) {
          expect(logoShare(shot, cornerArea(layout, other, 2 * height, height)), `${aspect} ${other}`).toBe(0);
        }
      }
    });
  }

  it("draws headlines in a brand font given as a file, and in the fallbacks when a family is neither shipped nor given", { timeout: 240_000 }, async () => {
    const woff2 = path.join(repoRoot, "node_modules/@fontsource/anton/files/anton-latin-400-normal.woff2");
    const headlineIn = (font: Brand["fonts"]) => board(look("clean", { fonts: font }), "16:9");
    const fromFile = await still(headlineIn({ headline: { family: "Brand Display", weight: 400, file: woff2 } }));
    const shipped = await still(headlineIn({ headline: { family: "Anton", weight: 400, file: null } }));
    const unknown = await still(headlineIn({ headline: { family: "No Such Family", weight: 400, file: null } }));
    const area = storyboardLayout(headlineIn({ headline: { family: "Anton", weight: 400, file: null } })).headline;
    // The same glyphs from the file as from the shipped Anton; Inter's (the fallback) are another shape.
    expect(meanDifference(fromFile, shipped, area)).toBeLessThan(1);
    expect(meanDifference(unknown, shipped, area)).toBeGreaterThan(4);
  });

  it("draws no logo when the template's placement is none", { timeout: 240_000 }, async () => {
    const resolved = look("clean", { logo: logos.svg }, (t) => ({ ...t, logo: { ...t.logo, placement: "none" } }));
    const b = board(resolved, "16:9");
    const shot = await still(b);
    const whole = { x: 0, y: 0, width: shot.width, height: shot.height };
    expect(lumaSpread(shot)).toBeGreaterThan(12);
    expect(logoShare(shot, whole)).toBe(0);
  });
});
