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
import { MoodSchema } from "./script.js";
import { AspectSchema, CaptionStyleSchema } from "./storyboard.js";

/** Folder names of templates: what `--template NAME` and `templates new NAME` accept. */
export const TemplateNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be lower-case letters, digits and dashes (at most 40), e.g. my-brand");

/** `templates/<name>/template.json`: every field of a video's look. */
export const TemplateSchema = z
  .object({
    /** One line for `reelpress templates list`. */
    description: z.string().min(1),
    /** The aspect it is designed for first; `--aspect` and the config still choose. null: any. */
    aspect: AspectSchema.nullable(),
    fonts: z.object({ headline: FontSchema, body: FontSchema }).strict(),
    colors: PaletteSchema,
    headline: HeadlineLookSchema,
    captions: z
      .object({
        /** highlight (word by word), subtitles (two lines) or headline (no running captions). */
        style: CaptionStyleSchema,
      })
      .strict(),
    transition: z
      .object({
        kind: TransitionKindSchema,
        /** Length of each scene change. */
        seconds: z.number().min(0).max(2),
      })
      .strict(),
    /** Strength of the slow zoom and pan on photos: 0 = still, 1 = 12% zoom, 2 = 24%. */
    kenBurns: z.number().min(0).max(2),
    music: z
      .object({
        /** The mood of the synthesised bed; "auto" follows the script. */
        mood: z.union([z.literal("auto"), MoodSchema]),
      })
      .strict(),
    logo: LogoLookSchema,
    intro: IntroLookSchema,
    outro: OutroLookSchema,
    safeMargins: SafeMarginsSchema,
    components: TemplateComponentsSchema.default({ scene: null, layers: [] }),
  })
  .strict();

/** `--brand brand.json` (or `brand` in the config): applies to any template. Paths are relative to the file. */
export const BrandSchema = z
  .object({
    name: z.string().min(1).optional(),
    /** An .svg or .png, placed where the template's `logo.placement` says. */
    logo: z
      .string()
      .min(1)
      .refine((s) => /\.(svg|png)$/i.test(s), "must be an .svg or .png file")
      .nullable()
      .optional(),
    colors: PaletteSchema.partial().strict().optional(),
    fonts: z.object({ headline: FontSchema.optional(), body: FontSchema.optional() }).strict().optional(),
    watermark: WatermarkSchema.nullable().optional(),
    /** The outro's call to action, e.g. { "text": "Subscribe", "url": "example.com/news" }. */
    cta: CallToActionSchema.nullable().optional(),
  })
  .strict();

export type TemplateName = z.infer<typeof TemplateNameSchema>;
export type Template = z.infer<typeof TemplateSchema>;
export type TemplateInput = z.input<typeof TemplateSchema>;
export type Brand = z.infer<typeof BrandSchema>;

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/**
 * `templateOverrides` in the config: any template field at any depth, each optional. Still
 * strict, so a misspelt field is an error naming it; lists (components.layers) are replaced whole.
 */
export const TemplateOverridesSchema = strictDeepPartial(TemplateSchema) as z.ZodType<DeepPartial<Template>>;

export type TemplateOverrides = DeepPartial<Template>;

/** Objects become strict objects of optional fields, all the way down; defaults are dropped so nothing is filled in. */
function strictDeepPartial(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodDefault) return strictDeepPartial(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, strictDeepPartial(field as z.ZodType).optional()]));
    return z.strictObject(shape);
  }
  return schema;
}
