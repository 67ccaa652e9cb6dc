import { STORYBOARD_VERSION, StoryboardSchema, type Storyboard } from "../../src/schema/storyboard.js";
import { DEFAULT_THEME } from "../../src/storyboard/default-theme.js";

/** A small valid storyboard: title (image), one content scene (generated), closing. */
export function makeStoryboard(overrides: Partial<Storyboard> = {}): Storyboard {
  return StoryboardSchema.parse({
    version: STORYBOARD_VERSION,
    meta: { title: "Bike lanes open", lang: "en", dir: null, siteName: "Riverside Courier", byline: "A. Writer", url: "https://example.test/post", source: "https://example.test/post" },
    output: { aspect: "16:9", width: 1920, height: 1080, fps: 30 },
    transitionFrames: 12,
    theme: DEFAULT_THEME,
    scenes: [
      {
        id: "s1", kind: "title", startFrame: 0, durationInFrames: 105, headline: "Bike lanes open", narration: "Bike lanes open.",
        keywords: ["bike", "lanes", "city"], sourceBlockIds: [],
        media: { kind: "image", file: "/tmp/none.jpg", width: 1600, height: 900, alt: "a lane", focus: { x: 0.5, y: 0.5 }, provider: "article", origin: "https://example.test/a.jpg",
          license: { name: "publisher's image", url: null, attribution: "Image from https://example.test/post; rights remain with the publisher" } },
      },
      {
        id: "s2", kind: "content", startFrame: 105, durationInFrames: 120, headline: "Twelve new kilometres", narration: "The city opened 12 km of protected lanes on Monday. Riders cheered.",
        keywords: ["lanes", "riders", "city"], sourceBlockIds: ["b1"],
        media: { kind: "generated", style: "kinetic", seed: 1, provider: "generated", origin: null, license: { name: "CC0 1.0", url: null, attribution: "Animated background drawn by reelpress" } },
      },
      {
        id: "s3", kind: "closing", startFrame: 225, durationInFrames: 120, headline: "Riverside Courier", narration: "Read the full article on Riverside Courier.",
        keywords: ["bike", "lanes", "city"], sourceBlockIds: [],
        media: { kind: "generated", style: "gradient", seed: 2, provider: "generated", origin: null, license: { name: "CC0 1.0", url: null, attribution: "Animated background drawn by reelpress" } },
      },
    ],
    warnings: [],
    ...overrides,
  });
}
