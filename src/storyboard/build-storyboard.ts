import type { Article } from "../schema/article.js";
import { DEFAULT_CONFIG } from "../schema/config.js";
import type { Script } from "../schema/script.js";
import { STORYBOARD_VERSION, StoryboardSchema, type Aspect, type Media, type SceneMatch, type SceneVoice, type Storyboard, type Theme } from "../schema/storyboard.js";
import { DEFAULT_THEME } from "./default-theme.js";
import { OUTPUT_SIZES } from "./layout.js";
import { sceneSeconds, secondsToFrames, voicedSceneSeconds } from "./scene-timing.js";

export interface StoryboardOptions {
  /** @default "16:9" */
  aspect?: Aspect;
  /** @default 30 */
  fps?: number;
  /** @default 160 */
  wordsPerMinute?: number;
  /** @default DEFAULT_THEME */
  theme?: Theme;
  /** Cross-fade between scenes, in seconds. @default 0.4 */
  transitionSeconds?: number;
  warnings?: string[];
  /** Per scene, why its media was chosen and the alternatives. */
  matches?: readonly (SceneMatch | null)[];
  /** Per scene, its narration as spoken (offsetMs is set here); a voiced scene is timed by its audio. */
  voices?: readonly (Omit<SceneVoice, "offsetMs"> | null)[];
  audio?: Storyboard["audio"];
  captions?: Storyboard["captions"];
}

/** The voice starts a beat after the scene's cross-fade has begun. */
export const VOICE_OFFSET_MS = 300;

export const DEFAULT_STORYBOARD_OPTIONS = {
  aspect: DEFAULT_CONFIG.aspect,
  fps: DEFAULT_CONFIG.fps,
  wordsPerMinute: DEFAULT_CONFIG.wordsPerMinute,
  transitionSeconds: 0.4,
} as const;

/** Lays the scenes end to end on a frame timeline, each timed by its narration. */
export function buildStoryboard(article: Article, script: Script, media: readonly Media[], options: StoryboardOptions = {}): Storyboard {
  const aspect = options.aspect ?? DEFAULT_STORYBOARD_OPTIONS.aspect;
  const fps = options.fps ?? DEFAULT_STORYBOARD_OPTIONS.fps;
  const wordsPerMinute = options.wordsPerMinute ?? DEFAULT_STORYBOARD_OPTIONS.wordsPerMinute;
  const transitionSeconds = options.transitionSeconds ?? DEFAULT_STORYBOARD_OPTIONS.transitionSeconds;
  if (media.length !== script.scenes.length) {
    throw new Error(`buildStoryboard needs one media item per scene: ${media.length} for ${script.scenes.length} scenes`);
  }
  let startFrame = 0;
  const scenes = script.scenes.map((scene, i) => {
    const spoken = options.voices?.[i] ?? null;
    const voice = spoken ? { ...spoken, offsetMs: VOICE_OFFSET_MS } : null;
    const seconds = voice ? voicedSceneSeconds(scene.kind, scene.narration, wordsPerMinute, voice.offsetMs + voice.durationMs) : sceneSeconds(scene.kind, scene.narration, wordsPerMinute);
    const durationInFrames = secondsToFrames(seconds, fps);
    const out = { ...scene, startFrame, durationInFrames, media: media[i]!, match: options.matches?.[i] ?? null, voice };
    startFrame += durationInFrames;
    return out;
  });
  return StoryboardSchema.parse({
    version: STORYBOARD_VERSION,
    meta: {
      title: article.title,
      lang: article.lang,
      dir: article.dir,
      siteName: article.siteName,
      byline: article.byline,
      url: article.url,
      source: article.source,
    },
    output: { aspect, ...OUTPUT_SIZES[aspect], fps },
    transitionFrames: Math.round(transitionSeconds * fps),
    theme: options.theme ?? DEFAULT_THEME,
    audio: options.audio ?? { voice: { engine: "none", name: null, model: null, speed: 1, baseUrl: null }, music: { source: "none", file: null, mood: "neutral" }, targetLufs: -16, truePeakDb: -1 },
    captions: options.captions ?? { style: "subtitles", burn: true },
    scenes,
    warnings: options.warnings ?? [],
  } satisfies Storyboard);
}
