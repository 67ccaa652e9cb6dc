import { z } from "zod";

/**
 * The parts of a video's look shared by a template file (`templates/<name>/template.json`), a
 * brand kit and the storyboard's resolved `theme`. Objects are strict, so a misspelt field is an
 * error naming it rather than a setting silently ignored.
 */

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNCTIONAL = /^(?:rgb|rgba|hsl|hsla)\(\s*[-+0-9.%\s,/]+\)$/i;

/** The 148 named colours of CSS Color 4, with transparent and currentcolor; CSS matches them without regard to case. */
export const CSS_COLOR_NAMES: ReadonlySet<string> = new Set(
  (
    "aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood " +
    "cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray " +
    "darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen " +
    "darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue " +
    "firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew " +
    "hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan " +
    "lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray " +
    "lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid " +
    "mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream " +
    "mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen " +
    "paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown " +
    "royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow " +
    "springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen " +
    "transparent currentcolor"
  ).split(" "),
);

export const ColorSchema = z
  .string()
  .trim()
  .refine(
    (s) => HEX.test(s) || FUNCTIONAL.test(s) || CSS_COLOR_NAMES.has(s.toLowerCase()),
    "must be a CSS colour such as #1e3a8a, rgba(15,23,42,0.8) or white",
  );

export const FontWeightSchema = z.number().int().min(100).max(900).multipleOf(100);

export const FontSchema = z
  .object({
    /**
     * A family that ships with reelpress (Inter, Anton, Oswald, Source Sans 3, Playfair Display,
     * DM Sans, Noto Sans SC: src/templates/shipped-fonts.ts), or any name together with `file`.
     * Templates, brand kits and overrides are checked for this when they are read.
     */
    family: z.string().trim().min(1),
    weight: FontWeightSchema,
    /**
     * A local font file (.woff2, .woff, .ttf, .otf) holding the family; null for a shipped family.
     * In a template or brand file it is relative to that file; in a storyboard it is absolute.
     */
    file: z
      .string()
      .min(1)
      .refine((s) => /\.(woff2?|ttf|otf)$/i.test(s), "must be a .woff2, .woff, .ttf or .otf file")
      .nullable()
      .default(null),
  })
  .strict();

export const PaletteSchema = z
  .object({
    /** Behind everything, and the scrim over footage. */
    background: ColorSchema,
    /** Second colour of generated gradients and card backgrounds. */
    backgroundAlt: ColorSchema,
    text: ColorSchema,
    /** Bars, rules, the progress bar, chart bars. */
    accent: ColorSchema,
    /** The box behind subtitles and boxed headlines. */
    captionBackground: ColorSchema,
    captionText: ColorSchema,
    /** The word being spoken in highlight captions. */
    highlight: ColorSchema,
  })
  .strict();

export const HeadlineLookSchema = z
  .object({
    /** top of the safe area, bottom (above the captions), a news lower third, or centred. */
    position: z.enum(["top", "bottom", "lower-third", "center"]),
    /** bar: an accent bar beside it; box: on a filled box; underline: an accent rule beneath; plain: shadowed text. */
    style: z.enum(["bar", "box", "underline", "plain"]),
    uppercase: z.boolean(),
    /** Size as a multiple of the layout's headline size. */
    scale: z.number().min(0.5).max(2),
    align: z.enum(["start", "center"]),
  })
  .strict();

export const TransitionKindSchema = z.enum(["fade", "slide", "wipe", "zoom", "none"]);

export const PlacementSchema = z.enum(["top-left", "top-right", "bottom-left", "bottom-right", "none"]);

export const LogoLookSchema = z
  .object({
    placement: PlacementSchema,
    /** Height as a share of the frame's shorter side. */
    size: z.number().min(0.02).max(0.3),
    opacity: z.number().min(0).max(1),
  })
  .strict();

export const IntroLookSchema = z
  .object({
    /** centered, or set from the start edge. */
    align: z.enum(["center", "start"]),
    /** The scene's footage behind the card, or a gradient of the palette. */
    background: z.enum(["media", "color"]),
    showSite: z.boolean(),
    showByline: z.boolean(),
    showLogo: z.boolean(),
  })
  .strict();

export const OutroLookSchema = z
  .object({
    align: z.enum(["center", "start"]),
    background: z.enum(["media", "color"]),
    showUrl: z.boolean(),
    showLogo: z.boolean(),
  })
  .strict();

export const MarginsSchema = z
  .object({
    /** Each side, as a share of the frame width. */
    x: z.number().min(0).max(0.3),
    /** As shares of the frame height. */
    top: z.number().min(0).max(0.3),
    bottom: z.number().min(0).max(0.35),
  })
  .strict();

export const SafeMarginsSchema = z
  .object({
    /** 16:9 and 1:1. */
    landscape: MarginsSchema,
    /** 9:16 and 4:5, where social apps cover the bottom band. */
    portrait: MarginsSchema,
  })
  .strict();

export const WatermarkSchema = z
  .object({
    /** A short text such as "@handle"; or an image. */
    text: z.string().min(1).nullable().default(null),
    /** An .svg or .png; relative to the brand file there, absolute in a storyboard. */
    image: z
      .string()
      .min(1)
      .refine((s) => /\.(svg|png)$/i.test(s), "must be an .svg or .png file")
      .nullable()
      .default(null),
    placement: PlacementSchema.exclude(["none"]),
    opacity: z.number().min(0).max(1),
    /** Height as a share of the frame's shorter side. */
    size: z.number().min(0.01).max(0.2),
  })
  .strict()
  .refine((w) => w.text !== null || w.image !== null, "needs a text or an image");

export const CallToActionSchema = z
  .object({
    text: z.string().trim().min(1),
    url: z.string().trim().min(1).nullable().default(null),
  })
  .strict();

/** Template components next to template.json, as file names (`LowerThird.tsx`). */
export const TemplateComponentsSchema = z
  .object({
    /** Replaces the scene's picture and text (captions stay above); default export or `Scene`. */
    scene: z.string().regex(/^[\w-]+\.tsx$/, "must be a .tsx file name next to template.json").nullable(),
    /** Drawn above every scene, below the captions; default export or `Layer`. */
    layers: z.array(z.string().regex(/^[\w-]+\.tsx$/, "must be a .tsx file name next to template.json")),
  })
  .strict();

export type Palette = z.infer<typeof PaletteSchema>;
export type Font = z.infer<typeof FontSchema>;
export type HeadlineLook = z.infer<typeof HeadlineLookSchema>;
export type TransitionKind = z.infer<typeof TransitionKindSchema>;
export type Placement = z.infer<typeof PlacementSchema>;
export type LogoLook = z.infer<typeof LogoLookSchema>;
export type IntroLook = z.infer<typeof IntroLookSchema>;
export type OutroLook = z.infer<typeof OutroLookSchema>;
export type Margins = z.infer<typeof MarginsSchema>;
export type SafeMargins = z.infer<typeof SafeMarginsSchema>;
export type Watermark = z.infer<typeof WatermarkSchema>;
export type CallToAction = z.infer<typeof CallToActionSchema>;
export type TemplateComponents = z.infer<typeof TemplateComponentsSchema>;
