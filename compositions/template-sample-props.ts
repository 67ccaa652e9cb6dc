import { z } from "zod";
import type { Storyboard } from "../src/schema/storyboard.js";
import { TemplateNameSchema, TemplateSchema, type Brand } from "../src/schema/template.js";
import { OUTPUT_SIZES } from "../src/storyboard/layout.js";
import { nameFieldIssues } from "../src/templates/name-field-issues.js";
import { resolveLook } from "../src/templates/resolve-look.js";
import { unshippedFontProblem } from "../src/templates/shipped-fonts.js";
import type { ReelpressProps } from "./reelpress-props.js";

export type TemplateSample = { ok: true; props: ReelpressProps } | { ok: false; error: string };

export interface TemplateSampleOptions {
  /** A brand kit to apply; its logo must already be absolute (or a key of `assets`). @default null */
  brand?: Brand | null;
  /** URLs of the brand's files, by the path the theme names them with. @default {} */
  assets?: Record<string, string>;
}

/**
 * A sample storyboard restyled with a template.json (not yet validated) at the template's
 * preferred aspect (16:9 when it has none), or why the template is not valid: one line per
 * problem, each worded as the CLI words it (`"colors.acent" is not a template field`).
 */
export function templateSampleProps(name: string, json: unknown, sample: Storyboard, options: TemplateSampleOptions = {}): TemplateSample {
  const badName = TemplateNameSchema.safeParse(name);
  if (!badName.success) return { ok: false, error: `the folder name "${name}" ${badName.error.issues[0]!.message}` };
  const parsed = TemplateSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => nameFieldIssues(new z.ZodError([issue]), () => "is not a template field"));
    return { ok: false, error: lines.join("\n") };
  }
  const unshipped = (["headline", "body"] as const).flatMap((role) => {
    const problem = unshippedFontProblem(parsed.data.fonts[role]);
    return problem ? [`"fonts.${role}.family" ${problem}`] : [];
  });
  if (unshipped.length > 0) return { ok: false, error: unshipped.join("\n") };
  const look = resolveLook(name, parsed.data, options.brand ?? null);
  const aspect = look.aspect ?? "16:9";
  const { fps } = sample.output;
  const storyboard: Storyboard = {
    ...sample,
    output: { aspect, ...OUTPUT_SIZES[aspect], fps },
    transitionFrames: Math.round(look.transitionSeconds * fps),
    theme: look.theme,
    captions: { ...sample.captions, style: look.captionStyle },
  };
  return { ok: true, props: { storyboard, assets: options.assets ?? {} } };
}
