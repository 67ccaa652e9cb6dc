import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "commander";
import { parseAspects } from "../src/cli/parse-options.js";
import { aspectVideoFile } from "../src/render/output-files.js";
import { OUTPUT_SIZES } from "../src/storyboard/layout.js";
import { retargetStoryboard } from "../src/storyboard/retarget-storyboard.js";
import { BUILT_IN_TEMPLATES_DIR, loadLook, restyleStoryboard } from "../src/templates/index.js";
import { makeStoryboard } from "./helpers/storyboard-fixture.js";

describe("retargetStoryboard", () => {
  const board = makeStoryboard();

  it("changes only the output's aspect and size", () => {
    for (const aspect of ["9:16", "1:1", "4:5"] as const) {
      const out = retargetStoryboard(board, aspect);
      expect(out.output).toEqual({ aspect, ...OUTPUT_SIZES[aspect], fps: 30 });
      const { output: _a, ...rest } = out;
      const { output: _b, ...before } = board;
      expect(rest).toEqual(before);
    }
  });

  it("leaves the storyboard it was given as it was", () => {
    const copy = structuredClone(board);
    retargetStoryboard(board, "9:16");
    expect(board).toEqual(copy);
  });

  it("returns the same storyboard for its own aspect", () => {
    expect(retargetStoryboard(board, "16:9")).toBe(board);
  });

  it("keeps a storyboard drawn at a fraction of the standard size at that fraction, with even sides", () => {
    const small = makeStoryboard({ output: { aspect: "16:9", width: 640, height: 360, fps: 30 } });
    expect(retargetStoryboard(small, "9:16").output).toEqual({ aspect: "9:16", width: 360, height: 640, fps: 30 });
    expect(retargetStoryboard(small, "4:5").output).toEqual({ aspect: "4:5", width: 360, height: 450, fps: 30 });
  });
});

describe("restyleStoryboard", () => {
  it("replaces the theme, caption style and transition and keeps the rest", async () => {
    const board = makeStoryboard();
    const look = await loadLook({ template: "social", templateBaseDir: BUILT_IN_TEMPLATES_DIR, dirs: { user: BUILT_IN_TEMPLATES_DIR, builtIn: BUILT_IN_TEMPLATES_DIR } });
    const out = restyleStoryboard(board, look, look.captionStyle);
    expect(out.theme.template).toBe("social");
    expect(out.captions).toEqual({ style: "highlight", burn: board.captions.burn });
    expect(out.transitionFrames).toBe(Math.round(0.3 * 30));
    expect(out.scenes).toEqual(board.scenes);
    expect(out.audio).toEqual(board.audio);
    expect(out.output).toEqual(board.output);
  });
});

describe("several aspects on the command line", () => {
  it("parses a list of aspects in order", () => {
    expect(parseAspects("16:9,9:16, 1:1")).toEqual(["16:9", "9:16", "1:1"]);
    expect(parseAspects("4:5")).toEqual(["4:5"]);
  });

  it("refuses an unknown aspect and a repeated one", () => {
    expect(() => parseAspects("16:9,4:3")).toThrow(InvalidArgumentError);
    expect(() => parseAspects("16:9,4:3")).toThrow('must be one of 16:9, 9:16, 1:1, 4:5, but is "4:3"');
    expect(() => parseAspects("16:9,9:16,16:9")).toThrow("names 16:9 twice");
    expect(() => parseAspects("16:9,")).toThrow(/but is ""/);
  });

  it("names each aspect's video after the one asked for", () => {
    expect(aspectVideoFile("/tmp/out/clip.mp4", "9:16")).toBe("/tmp/out/clip-9x16.mp4");
    expect(aspectVideoFile("/tmp/out/clip.MP4", "4:5")).toBe("/tmp/out/clip-4x5.mp4");
  });
});
