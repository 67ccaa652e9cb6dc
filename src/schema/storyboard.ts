import { z } from "zod";
import {
  CallToActionSchema,
  FontSchema,
  HeadlineLookSchema,
  IntroLookSchema,
  LogoLookSchema,
  OutroLookSchema,
  PaletteSchema,
  SafeMarginsSchema,
  TemplateComponentsSchema,
  TransitionKindSchema,
  WatermarkSchema,
} from "./look.js";
import { MoodSchema, SceneKindSchema } from "./script.js";

export const STORYBOARD_VERSION = 1;

export const AspectSchema = z.enum(["16:9", "9:16", "1:1", "4:5"]);

export const LicenseSchema = z.object({
  /** Short licence name, e.g. "CC BY 4.0", "article image (rights reserved by the publisher)". */
  name: z.string().min(1),
  url: z.string().nullable(),
  /** The line to show in credits. */
  attribution: z.string().min(1),
});

/** Where footage comes from; `--media` lists them in the order they are preferred. */
export const ProviderNameSchema = z.enum(["article", "library", "pexels", "pixabay", "generated"]);

const MediaBase = {
  provider: ProviderNameSchema,
  /** Where the asset came from (page or file URL); null for generated visuals. */
  origin: z.string().nullable(),
  license: LicenseSchema,
  /** Who made it, as the provider names them. */
  creator: z.string().nullable().default(null),
  /** The provider's own id for it (library path, Pexels id…), so an editor can find it again. */
  sourceId: z.string().nullable().default(null),
};

export const ImageMediaSchema = z.object({
  kind: z.literal("image"),
  /** Absolute path of the local file. */
  file: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  alt: z.string(),
  /** Focus point for crops and Ken Burns, 0–1 in each axis. */
  focus: z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }),
  ...MediaBase,
});

export const VideoMediaSchema = z.object({
  kind: z.literal("video"),
  file: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  durationSeconds: z.number().positive(),
  fps: z.number().positive().nullable().default(null),
  /** Focus point for crops to other aspects, 0–1 in each axis. */
  focus: z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).default({ x: 0.5, y: 0.5 }),
  ...MediaBase,
});

/** Numbers a scene's narration is about, drawn as a simple bar chart. */
export const ChartSchema = z.object({
  bars: z.array(z.object({ label: z.string(), value: z.number() })).min(1).max(8),
  /** Unit shown after each value, e.g. "%", "°C", "km". */
  unit: z.string(),
});

export const GeneratedMediaSchema = z.object({
  kind: z.literal("generated"),
  style: z.enum(["gradient", "kinetic", "chart"]),
  chart: ChartSchema.nullable().default(null),
  /** Seed so the same scene draws the same background. */
  seed: z.number().int().nonnegative(),
  ...MediaBase,
});

export const MediaSchema = z.discriminatedUnion("kind", [ImageMediaSchema, VideoMediaSchema, GeneratedMediaSchema]);

/** How a candidate scored for a scene; `total` is what ranked it. */
export const ScoreBreakdownSchema = z.object({
  total: z.number(),
  /** Text relevance to the scene's queries, keywords and narration, 0–1. */
  text: z.number(),
  /** What the provider knows beyond text (an article image next to the scene's paragraph, a chart of its numbers), 0–1. */
  context: z.number(),
  orientation: z.number(),
  resolution: z.number(),
  duration: z.number(),
  /** Preference from the `--media` order. */
  priority: z.number(),
  /** Penalty for a near-duplicate of footage already chosen (same id, same creator's series). */
  duplicate: z.number(),
});

/** A ranked candidate kept in the storyboard so an editor can swap it in. */
export const MatchCandidateSchema = z.object({
  provider: ProviderNameSchema,
  id: z.string(),
  kind: z.enum(["image", "video", "generated"]),
  title: z.string(),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  durationSeconds: z.number().nullable(),
  /** A local file, or the URL the bytes would be downloaded from. */
  source: z.string().nullable(),
  pageUrl: z.string().nullable(),
  creator: z.string().nullable(),
  /** What swapping it in needs besides the source. */
  fps: z.number().positive().nullable().default(null),
  license: LicenseSchema.nullable().default(null),
  score: ScoreBreakdownSchema,
});

export const SceneMatchSchema = z.object({
  chosen: MatchCandidateSchema,
  /** The next best candidates, best first. */
  alternatives: z.array(MatchCandidateSchema),
});

/** One spoken word; times in milliseconds from the start of the scene's voice audio. */
export const WordTimingSchema = z.object({
  text: z.string().min(1),
  startMs: z.number().nonnegative(),
  endMs: z.number().nonnegative(),
});

export const SentenceTimingSchema = z.object({
  text: z.string().min(1),
  startMs: z.number().nonnegative(),
  endMs: z.number().nonnegative(),
});

/** A scene's narration as spoken: the audio file and when each word and sentence is said. */
export const SceneVoiceSchema = z.object({
  /** The text that was spoken; captions follow it. */
  text: z.string(),
  /** Absolute path of the voice audio: a mono WAV in the cache. */
  file: z.string().min(1),
  /** Where the voice starts, in milliseconds from the scene's start. */
  offsetMs: z.number().nonnegative(),
  durationMs: z.number().positive(),
  words: z.array(WordTimingSchema),
  sentences: z.array(SentenceTimingSchema),
  /** Where the word times came from: the engine's own marks, or a model of speech inside each sentence. */
  timing: z.enum(["engine", "modelled"]),
});

export const VoiceEngineSchema = z.enum(["none", "espeak", "openai"]);
export const CaptionStyleSchema = z.enum(["highlight", "subtitles", "headline"]);

export const StoryboardSceneSchema = z.object({
  id: z.string().min(1),
  kind: SceneKindSchema,
  startFrame: z.number().int().nonnegative(),
  durationInFrames: z.number().int().positive(),
  headline: z.string().min(1),
  narration: z.string(),
  keywords: z.array(z.string()),
  sourceBlockIds: z.array(z.string()),
  queries: z.array(z.string()).default([]),
  visual: z.string().nullable().default(null),
  mood: MoodSchema.default("neutral"),
  media: MediaSchema,
  /** Why this media was chosen and what else was close; null when not matched by reelpress. */
  match: SceneMatchSchema.nullable().default(null),
  /** The scene's narration as spoken; null without a voice (timing then follows reading speed). */
  voice: SceneVoiceSchema.nullable().default(null),
});

/** The look a storyboard was planned with before templates: kept so older storyboards render alike. */
export const LEGACY_THEME_PARTS = {
  headline: { position: "top", style: "bar", uppercase: false, scale: 1, align: "start" },
  transition: "fade",
  kenBurns: 1,
  logo: { file: null, placement: "none", size: 0.08, opacity: 1 },
  intro: { align: "center", background: "media", showSite: true, showByline: true, showLogo: true },
  outro: { align: "center", background: "media", showUrl: true, showLogo: true },
  safeMargins: { landscape: { x: 0.06, top: 0.07, bottom: 0.08 }, portrait: { x: 0.07, top: 0.1, bottom: 0.18 } },
  components: { scene: null, layers: [] },
} as const;

/**
 * A storyboard's resolved look: its template merged with the brand kit and the config's
 * overrides, with every file absolute. Enough on its own to draw the video again.
 */
export const ThemeSchema = z.preprocess(
  upgradeLegacyTheme,
  z.object({
    /** The template it came from; its components (if any) are looked up by this name. */
    template: z.string().min(1).default("default"),
    /**
     * The template's folder (absolute) when it is not a built-in one, so a render finds its
     * components and a restyle its template.json without the folder being named again. Absent or
     * null: a built-in template (or a storyboard from before it was recorded). @default null
     */
    templateDir: z.string().min(1).nullable().optional(),
    fonts: z.object({ headline: FontSchema, body: FontSchema }).strict(),
    colors: PaletteSchema,
    headline: HeadlineLookSchema.default(LEGACY_THEME_PARTS.headline),
    transition: TransitionKindSchema.default(LEGACY_THEME_PARTS.transition),
    /** Strength of the slow zoom and pan on photos: 0 = still, 1 = 12% zoom, 2 = 24%. */
    kenBurns: z.number().min(0).max(2).default(LEGACY_THEME_PARTS.kenBurns),
    logo: LogoLookSchema.extend({ file: z.string().min(1).nullable() }).default({ ...LEGACY_THEME_PARTS.logo }),
    watermark: WatermarkSchema.nullable().default(null),
    intro: IntroLookSchema.default(LEGACY_THEME_PARTS.intro),
    outro: OutroLookSchema.default(LEGACY_THEME_PARTS.outro),
    /** The outro's call to action, from the brand kit. */
    cta: CallToActionSchema.nullable().default(null),
    safeMargins: SafeMarginsSchema.default(LEGACY_THEME_PARTS.safeMargins),
    components: TemplateComponentsSchema.default({ scene: null, layers: [] }),
  }),
);

/** Before templates a theme had one `fontFamily` and five colours. */
function upgradeLegacyTheme(value: unknown): unknown {
  if (typeof value !== "object" || value === null || !("fontFamily" in value) || "fonts" in value) return value;
  const { fontFamily, colors, ...rest } = value as { fontFamily: unknown; colors?: Record<string, unknown> };
  return {
    ...rest,
    fonts: { headline: { family: fontFamily, weight: 800 }, body: { family: fontFamily, weight: 600 } },
    colors: colors && typeof colors === "object" ? { captionText: colors.text, highlight: colors.accent, ...colors } : colors,
  };
}

export const StoryboardSchema = z
  .object({
    version: z.literal(STORYBOARD_VERSION),
    meta: z.object({
      title: z.string().min(1),
      lang: z.string().min(2),
      dir: z.enum(["ltr", "rtl"]).nullable(),
      siteName: z.string().nullable(),
      byline: z.string().nullable(),
      url: z.string().nullable(),
      source: z.string().min(1),
    }),
    output: z.object({
      aspect: AspectSchema,
      width: z.number().int().positive().multipleOf(2),
      height: z.number().int().positive().multipleOf(2),
      fps: z.number().int().positive().max(120),
    }),
    /** Cross-fade length between scenes; each scene fades in over its predecessor. */
    transitionFrames: z.number().int().nonnegative(),
    theme: ThemeSchema,
    /** Voice, music and loudness of the soundtrack. */
    audio: z
      .object({
        voice: z.object({
          engine: VoiceEngineSchema,
          name: z.string().nullable(),
          model: z.string().nullable(),
          /** Speaking rate the voice was recorded at, so an edited scene is recorded alike. */
          speed: z.number().positive().default(1),
          /** The OpenAI-compatible speech server, when not OpenAI itself. */
          baseUrl: z.string().nullable().default(null),
        }),
        /** "auto": a bed reelpress synthesises for the mood; a file: looped or trimmed to the video. */
        music: z.object({ source: z.enum(["none", "auto", "file"]), file: z.string().nullable(), mood: MoodSchema }),
        /** Integrated loudness of the final mix, LUFS. */
        targetLufs: z.number().max(0),
        /** Highest true peak of the final mix, dBTP. */
        truePeakDb: z.number().max(0),
      })
      .default({ voice: { engine: "none", name: null, model: null, speed: 1, baseUrl: null }, music: { source: "none", file: null, mood: "neutral" }, targetLufs: -16, truePeakDb: -1 }),
    captions: z
      .object({
        style: CaptionStyleSchema,
        /** Whether captions are drawn into the picture; the .srt and .vtt are written either way. */
        burn: z.boolean(),
      })
      .default({ style: "subtitles", burn: true }),
    scenes: z.array(StoryboardSceneSchema).min(1),
    warnings: z.array(z.string()),
  })
  .superRefine((board, ctx) => {
    let expected = 0;
    board.scenes.forEach((scene, i) => {
      if (scene.startFrame !== expected) {
        ctx.addIssue({
          code: "custom",
          path: ["scenes", i, "startFrame"],
          message: `must be ${expected} (the end of the scene before), but is ${scene.startFrame}`,
        });
      }
      expected = scene.startFrame + scene.durationInFrames;
    });
  });

export type Aspect = z.infer<typeof AspectSchema>;
export type Media = z.infer<typeof MediaSchema>;
export type ProviderName = z.infer<typeof ProviderNameSchema>;
export type Chart = z.infer<typeof ChartSchema>;
export type ScoreBreakdown = z.infer<typeof ScoreBreakdownSchema>;
export type MatchCandidate = z.infer<typeof MatchCandidateSchema>;
export type SceneMatch = z.infer<typeof SceneMatchSchema>;
export type WordTiming = z.infer<typeof WordTimingSchema>;
export type SentenceTiming = z.infer<typeof SentenceTimingSchema>;
export type SceneVoice = z.infer<typeof SceneVoiceSchema>;
export type VoiceEngine = z.infer<typeof VoiceEngineSchema>;
export type CaptionStyle = z.infer<typeof CaptionStyleSchema>;
export type License = z.infer<typeof LicenseSchema>;
export type StoryboardScene = z.infer<typeof StoryboardSceneSchema>;
export type Theme = z.infer<typeof ThemeSchema>;
export type Storyboard = z.infer<typeof StoryboardSchema>;

export function storyboardDurationInFrames(board: Pick<Storyboard, "scenes">): number {
  const last = board.scenes[board.scenes.length - 1];
  return last ? last.startFrame + last.durationInFrames : 0;
}
