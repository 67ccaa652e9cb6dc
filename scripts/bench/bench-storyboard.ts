import { STORYBOARD_VERSION, StoryboardSchema, type Media, type Storyboard, type Theme } from "../../src/schema/storyboard.js";

/** Scenes in the benchmark's storyboard: clips and stills alternate, starting with a clip. */
export const BENCH_SCENES = 8;
export const BENCH_WIDTH = 1920;
export const BENCH_HEIGHT = 1080;
export const BENCH_FPS = 30;
/** Shortest length `--seconds` accepts: below it a scene would be shorter than half a second. */
export const MIN_BENCH_SECONDS = 4;

export interface BenchSceneText {
  headline: string;
  narration: string;
}

export interface BenchStoryboardInput {
  /** Length of the video; the scenes share it evenly. */
  seconds: number;
  /** BENCH_SCENES / 2 each; scene i shows clips[i/2] when i is even, stills[(i-1)/2] when odd. */
  clips: Media[];
  stills: Media[];
  /** One per scene. */
  texts: BenchSceneText[];
  theme: Theme;
  /** The look's scene change; capped at a third of a scene so short runs keep most frames plain. */
  transitionSeconds: number;
}

/** Frames per scene: the total split evenly, the first scenes one frame longer when it does not divide. */
export function benchSceneFrames(totalFrames: number, scenes = BENCH_SCENES): number[] {
  const base = Math.floor(totalFrames / scenes);
  const extra = totalFrames - base * scenes;
  return Array.from({ length: scenes }, (_, i) => base + (i < extra ? 1 : 0));
}

/** The benchmark's fixed storyboard: 1920×1080 at 30 fps, eight content scenes, each with a headline and captions, no voice or music. */
export function benchStoryboard(input: BenchStoryboardInput): Storyboard {
  const half = BENCH_SCENES / 2;
  if (input.clips.length !== half || input.stills.length !== half || input.texts.length !== BENCH_SCENES) {
    throw new Error(`the benchmark needs ${half} clips, ${half} stills and ${BENCH_SCENES} texts`);
  }
  if (!(input.seconds >= MIN_BENCH_SECONDS)) throw new Error(`"seconds" must be at least ${MIN_BENCH_SECONDS}, but is ${input.seconds}`);
  const frames = benchSceneFrames(Math.round(input.seconds * BENCH_FPS));
  const transitionFrames = Math.min(Math.round(input.transitionSeconds * BENCH_FPS), Math.floor(frames[BENCH_SCENES - 1]! / 3));
  let start = 0;
  const scenes = frames.map((durationInFrames, i) => {
    const media = i % 2 === 0 ? input.clips[i / 2]! : input.stills[(i - 1) / 2]!;
    const text = input.texts[i]!;
    const scene = {
      id: `s${i + 1}`,
      kind: "content" as const,
      startFrame: start,
      durationInFrames,
      headline: text.headline,
      narration: text.narration,
      keywords: [],
      sourceBlockIds: [],
      media,
    };
    start += durationInFrames;
    return scene;
  });
  return StoryboardSchema.parse({
    version: STORYBOARD_VERSION,
    meta: { title: "reelpress benchmark", lang: "en", dir: "ltr", siteName: "reelpress", byline: null, url: null, source: "reelpress benchmark" },
    output: { aspect: "16:9", width: BENCH_WIDTH, height: BENCH_HEIGHT, fps: BENCH_FPS },
    transitionFrames,
    theme: input.theme,
    captions: { style: "subtitles", burn: true },
    scenes,
    warnings: [],
  });
}

/** The same storyboard with one scene's headline replaced (the re-render run's edit). */
export function withHeadline(board: Storyboard, sceneIndex: number, headline: string): Storyboard {
  return { ...board, scenes: board.scenes.map((scene, i) => (i === sceneIndex ? { ...scene, headline } : scene)) };
}
