import { describe, expect, it } from "vitest";
import { activeCaptionPage } from "../compositions/active-caption-page.js";
import { calculateReelpressMetadata } from "../compositions/calculate-metadata.js";
import { displayUrl } from "../compositions/display-url.js";
import { kenBurns, KEN_BURNS_MAX_SCALE } from "../compositions/ken-burns.js";
import { logoVisibility } from "../compositions/logo-visibility.js";
import { sceneTransition } from "../compositions/scene-transition.js";
import { sceneShowsCaptions } from "../compositions/scene-shows-captions.js";
import { sceneWindows } from "../compositions/scene-windows.js";
import { storyboardTexts } from "../compositions/storyboard-texts.js";
import { webpackOverride } from "../compositions/webpack-override.js";
import sample from "../samples/storyboard.json" with { type: "json" };
import { StoryboardSchema, storyboardDurationInFrames, type Storyboard } from "../src/schema/storyboard.js";
import { sceneCaptions } from "../src/storyboard/scene-captions.js";

const board: Storyboard = StoryboardSchema.parse(sample);

describe("sceneWindows", () => {
  it("starts each scene transitionFrames early so it fades in over the one before", () => {
    const windows = sceneWindows(board);
    expect(windows[0]).toMatchObject({ from: 0, fadeInFrames: 0 });
    board.scenes.forEach((scene, i) => {
      const fade = i === 0 ? 0 : board.transitionFrames;
      expect(windows[i]!.from).toBe(scene.startFrame - fade);
      expect(windows[i]!.from + windows[i]!.durationInFrames).toBe(scene.startFrame + scene.durationInFrames);
      expect(windows[i]!.fadeOutFrames).toBe(i === board.scenes.length - 1 ? 0 : board.transitionFrames);
    });
  });

  it("ends the last window exactly at the storyboard's length", () => {
    const windows = sceneWindows(board);
    const last = windows[windows.length - 1]!;
    expect(last.from + last.durationInFrames).toBe(storyboardDurationInFrames(board));
  });

  it("never fades in from before the previous scene started", () => {
    const scenes = [
      { ...board.scenes[0]!, startFrame: 0, durationInFrames: 5 },
      { ...board.scenes[1]!, startFrame: 5, durationInFrames: 40 },
    ];
    const windows = sceneWindows({ scenes, transitionFrames: 15 });
    expect(windows[1]).toMatchObject({ from: 0, fadeInFrames: 5, durationInFrames: 45 });
  });
});

describe("calculateReelpressMetadata", () => {
  it("takes length, rate and size from the storyboard", async () => {
    const storyboard = { ...board, output: { aspect: "9:16" as const, width: 1080, height: 1920, fps: 25 } };
    const props = { storyboard, assets: {} };
    const meta = await calculateReelpressMetadata({
      props,
      defaultProps: props,
      abortSignal: new AbortController().signal,
      compositionId: "Reelpress",
      isRendering: true,
    });
    expect(meta).toMatchObject({ durationInFrames: storyboardDurationInFrames(board), fps: 25, width: 1080, height: 1920 });
  });
});

describe("kenBurns", () => {
  const size = { width: 1920, height: 1080 };
  const focuses = [
    { x: 0, y: 0 },
    { x: 1, y: 1 },
    { x: 0.5, y: 0.5 },
    { x: 0.2, y: 0.9 },
  ];

  it("never uncovers an edge of the frame", () => {
    for (let index = 0; index < 10; index++) {
      for (const focus of focuses) {
        for (const progress of [0, 0.25, 0.5, 0.75, 1]) {
          const { scale, x, y, originX, originY } = kenBurns({ progress, index, focus, ...size });
          expect(originX - scale * originX + x).toBeLessThanOrEqual(1e-9);
          expect(originX + scale * (size.width - originX) + x).toBeGreaterThanOrEqual(size.width - 1e-9);
          expect(originY - scale * originY + y).toBeLessThanOrEqual(1e-9);
          expect(originY + scale * (size.height - originY) + y).toBeGreaterThanOrEqual(size.height - 1e-9);
        }
      }
    }
  });

  it("zooms from 1.0 to 1.12 over the scene", () => {
    const focus = { x: 0.5, y: 0.5 };
    expect(kenBurns({ progress: 0, index: 0, focus, ...size })).toMatchObject({ scale: 1, x: 0, y: 0 });
    expect(kenBurns({ progress: 1, index: 0, focus, ...size }).scale).toBeCloseTo(KEN_BURNS_MAX_SCALE);
  });

  it("pans neighbouring scenes in different directions", () => {
    const focus = { x: 0.5, y: 0.5 };
    const end = (index: number) => {
      const { x, y } = kenBurns({ progress: 1, index, focus, ...size });
      return [Math.sign(x), Math.sign(y)];
    };
    for (let i = 0; i < 7; i++) expect(end(i)).not.toEqual(end(i + 1));
  });
});

describe("captions on screen", () => {
  it("shows the page whose time span holds the moment, and none between pages", () => {
    const pages = [
      { text: "a", lines: ["a"], startMs: 100, endMs: 500 },
      { text: "b", lines: ["b"], startMs: 500, endMs: 900 },
    ];
    expect(activeCaptionPage(pages, 99)).toBeNull();
    expect(activeCaptionPage(pages, 100)?.text).toBe("a");
    expect(activeCaptionPage(pages, 500)?.text).toBe("b");
    expect(activeCaptionPage(pages, 900)).toBeNull();
  });

  it("covers every content scene of the sample with caption pages inside the scene", () => {
    for (const scene of board.scenes) {
      const pages = sceneCaptions(board, scene);
      const start = (scene.startFrame * 1000) / board.output.fps;
      const end = ((scene.startFrame + scene.durationInFrames) * 1000) / board.output.fps;
      for (const page of pages) {
        expect(page.startMs).toBeGreaterThanOrEqual(start);
        expect(page.endMs).toBeLessThanOrEqual(end);
      }
    }
  });

  it("hides captions on a title scene that only reads its headline", () => {
    expect(sceneShowsCaptions({ kind: "title", headline: "Tiny Forests Are Cooling Cities", narration: "Tiny forests are cooling cities." })).toBe(false);
    expect(sceneShowsCaptions({ kind: "title", headline: "Tiny forests", narration: "Tiny forests are cooling cities." })).toBe(true);
    expect(sceneShowsCaptions({ kind: "content", headline: "Same", narration: "Same." })).toBe(true);
    expect(sceneShowsCaptions({ kind: "content", headline: "Silent", narration: "  " })).toBe(false);
  });
});

describe("displayUrl", () => {
  it("drops the scheme, www, query and trailing slash", () => {
    expect(displayUrl("https://www.example.com/blog/post/?utm_source=x#top")).toBe("example.com/blog/post");
  });

  it("shortens a long path in the middle, keeping host and last segment", () => {
    expect(displayUrl("https://example.com/2024/07/15/section/subsection/tiny-forests", 40)).toBe("example.com/…/tiny-forests");
  });

  it("never returns more characters than asked for", () => {
    const shown = displayUrl(`https://example.com/a/${"x".repeat(200)}`, 30);
    expect([...shown].length).toBeLessThanOrEqual(30);
    expect(shown.startsWith("example.com/…/")).toBe(true);
  });
});

describe("storyboardTexts", () => {
  it("includes every drawn string, in upper case too for the kinetic keywords", () => {
    const text = storyboardTexts(board);
    for (const scene of board.scenes) {
      expect(text).toContain(scene.headline);
      for (const keyword of scene.keywords) expect(text).toContain(keyword.toUpperCase());
    }
    expect(text).toContain(board.meta.siteName!);
  });
});

describe("webpackOverride", () => {
  it("maps .js imports to .ts and .tsx files and keeps the rest of the config", () => {
    const config = webpackOverride({ mode: "production", resolve: { extensions: [".ts"], extensionAlias: { ".mjs": [".mts"] } } });
    expect(config.mode).toBe("production");
    expect(config.resolve?.extensions).toEqual([".ts"]);
    expect(config.resolve?.extensionAlias).toEqual({ ".mjs": [".mts"], ".js": [".ts", ".tsx", ".js"] });
  });
});

describe("kenBurns strength", () => {
  const size = { width: 1080, height: 1920 };
  const focus = { x: 0.3, y: 0.7 };

  it("holds the picture still at strength 0", () => {
    for (const progress of [0, 0.5, 1]) expect(kenBurns({ progress, index: 3, focus, ...size, strength: 0 })).toMatchObject({ scale: 1, x: 0, y: 0 });
  });

  it("zooms twice as far at strength 2 (1.24) and still never uncovers an edge", () => {
    expect(kenBurns({ progress: 1, index: 0, focus, ...size, strength: 2 }).scale).toBeCloseTo(1.24);
    for (let index = 0; index < 8; index++) {
      for (const progress of [0.3, 0.7, 1]) {
        const { scale, x, y, originX, originY } = kenBurns({ progress, index, focus, ...size, strength: 2 });
        expect(originX - scale * originX + x).toBeLessThanOrEqual(1e-9);
        expect(originX + scale * (size.width - originX) + x).toBeGreaterThanOrEqual(size.width - 1e-9);
        expect(originY - scale * originY + y).toBeLessThanOrEqual(1e-9);
        expect(originY + scale * (size.height - originY) + y).toBeGreaterThanOrEqual(size.height - 1e-9);
      }
    }
  });
});

describe("sceneTransition", () => {
  const window = { from: 90, durationInFrames: 100, fadeInFrames: 10, fadeOutFrames: 10 };
  const width = 1920;
  const translateX = (transform: string) => Number(/translateX\((-?[\d.e-]+)px\)/.exec(transform)?.[1]);

  it("cuts hard with none: nothing moves, fades or clips at any frame", () => {
    for (const frame of [0, 5, 50, 95]) expect(sceneTransition("none", frame, window, width, false)).toEqual({ opacity: 1, transform: "none", clipPath: "none", textOpacity: 1, wipeEdge: null });
  });

  it("fades a scene in and its text out as the next comes", () => {
    expect(sceneTransition("fade", 0, window, width, false).opacity).toBe(0);
    expect(sceneTransition("fade", 10, window, width, false).opacity).toBe(1);
    expect(sceneTransition("fade", 95, window, width, false).textOpacity).toBeCloseTo(0.5);
  });

  it("slides the next scene in from the end side: the right, or the left in a right-to-left video", () => {
    expect(translateX(sceneTransition("slide", 0, window, width, false).transform)).toBeCloseTo(width);
    expect(translateX(sceneTransition("slide", 5, window, width, false).transform)).toBeGreaterThan(0);
    expect(translateX(sceneTransition("slide", 0, window, width, true).transform)).toBeCloseTo(-width);
    expect(translateX(sceneTransition("slide", 50, window, width, false).transform)).toBeCloseTo(0);
    // The outgoing scene moves back toward the start side.
    expect(translateX(sceneTransition("slide", 100, window, width, false).transform)).toBeLessThan(0);
  });

  it("wipes the next scene on from the start side behind a moving edge", () => {
    const mid = sceneTransition("wipe", 5, window, width, false);
    expect(mid.clipPath).toBe("inset(0 50.000% 0 0)");
    expect(mid.wipeEdge).toBeCloseTo(width / 2);
    expect(sceneTransition("wipe", 5, window, width, true).clipPath).toBe("inset(0 0 0 50.000%)");
    expect(sceneTransition("wipe", 10, window, width, false)).toMatchObject({ clipPath: "none", wipeEdge: null });
  });

  it("punches the next scene in from larger than the frame", () => {
    const scale = (frame: number) => Number(/scale\(([\d.]+)\)/.exec(sceneTransition("zoom", frame, window, width, false).transform)?.[1]);
    expect(scale(0)).toBeGreaterThan(1.2);
    expect(scale(5)).toBeLessThan(scale(0));
    expect(scale(10)).toBe(1);
    expect(scale(99)).toBeGreaterThan(1);
  });
});

describe("logoVisibility", () => {
  const windows = [
    { from: 0, durationInFrames: 100, fadeInFrames: 0, fadeOutFrames: 10 },
    { from: 90, durationInFrames: 110, fadeInFrames: 10, fadeOutFrames: 10 },
    { from: 190, durationInFrames: 60, fadeInFrames: 10, fadeOutFrames: 0 },
  ];
  const kinds = ["title", "content", "closing"] as const;

  it("shows the corner logo on content scenes only, fading over the transitions", () => {
    expect(logoVisibility(kinds, windows, 20)).toBe(0);
    expect(logoVisibility(kinds, windows, 95)).toBeCloseTo(0.5);
    expect(logoVisibility(kinds, windows, 150)).toBe(1);
    expect(logoVisibility(kinds, windows, 195)).toBeCloseTo(0.5);
    expect(logoVisibility(kinds, windows, 230)).toBe(0);
  });
});
