import path from "node:path";
import { StoryboardSchema, type Storyboard } from "../../src/schema/storyboard.js";
import { makeStoryboard } from "./storyboard-fixture.js";

const repoRoot = path.resolve(import.meta.dirname, "../..");
export const BOARD_PHOTOS = ["coco_train2017_000000000790.jpg", "coco_train2017_000000030752.jpg", "coco_train2017_000000037666.jpg"].map((name) =>
  path.resolve(repoRoot, "../shared/medialib/images", name),
);

export type BoardInput = Record<string, unknown>;

export interface PhotoBoardOptions {
  headlines?: string[];
  /** A scene's narration from its headline. @default the headline and a full stop */
  narration?: (headline: string) => string;
  /** Edits the raw input before it is parsed. */
  patch?: (input: BoardInput) => BoardInput;
}

/** Three content scenes of 30 frames over photos from ../shared/medialib, 8-frame fades, at 320×180. */
export function photoBoard({ headlines = ["Lanes open on Monday", "Riders cheer the change", "Next: the river bridge"], narration = (h) => `${h}.`, patch = (input) => input }: PhotoBoardOptions = {}): Storyboard {
  const base = makeStoryboard();
  const input: BoardInput = {
    ...base,
    output: { aspect: "16:9", width: 320, height: 180, fps: 30 },
    transitionFrames: 8,
    scenes: headlines.map((headline, i) => ({
      ...base.scenes[1]!,
      id: `s${i + 1}`,
      kind: "content" as const,
      startFrame: i * 30,
      durationInFrames: 30,
      headline,
      narration: narration(headline),
      media: { kind: "image", file: BOARD_PHOTOS[i]!, width: 640, height: 480, alt: "a photo", focus: { x: 0.5, y: 0.5 }, provider: "library", origin: null, license: { name: "CC BY 4.0", url: null, attribution: "test photo" } },
    })),
  };
  return StoryboardSchema.parse(patch(input));
}
