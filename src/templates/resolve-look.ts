import type { Mood } from "../schema/script.js";
import type { Aspect, CaptionStyle, Theme } from "../schema/storyboard.js";
import type { Brand, Template, TemplateOverrides } from "../schema/template.js";
import { applyBrand } from "./apply-brand.js";
import { mergeTemplateOverrides } from "./merge-template-overrides.js";

/** What a template (with a brand kit) decides about a video; the storyboard keeps it. */
export interface ResolvedLook {
  theme: Theme;
  captionStyle: CaptionStyle;
  /** "auto" follows the script's mood. */
  musicMood: Mood | "auto";
  transitionSeconds: number;
  /** The aspect the template is designed for, when it names one. */
  aspect: Aspect | null;
}

/**
 * A validated template, brand kit and config overrides → the storyboard's look. Each beats the one
 * before: template, then brand kit, then the config's `templateOverrides` (so a project can
 * correct a shared kit); command-line flags are the caller's to apply last. Pure and free of Node
 * APIs (Studio runs it in the browser): every file path must already be absolute. The theme's
 * `templateDir` is left for the caller, who knows where the template lives.
 */
export function resolveLook(name: string, template: Template, brand: Brand | null = null, overrides: TemplateOverrides | null = null): ResolvedLook {
  const look = mergeTemplateOverrides(applyBrand(template, brand), overrides);
  const logoFile = brand?.logo ?? null;
  const theme: Theme = {
    template: name,
    fonts: look.fonts,
    colors: look.colors,
    headline: look.headline,
    transition: look.transition.kind,
    kenBurns: look.kenBurns,
    // Without a logo file there is nothing to place.
    logo: { ...look.logo, placement: logoFile ? look.logo.placement : "none", file: logoFile },
    watermark: brand?.watermark ?? null,
    intro: look.intro,
    outro: look.outro,
    cta: brand?.cta ?? null,
    safeMargins: look.safeMargins,
    components: look.components,
  };
  return {
    theme,
    captionStyle: look.captions.style,
    musicMood: look.music.mood,
    transitionSeconds: look.transition.kind === "none" ? 0 : look.transition.seconds,
    aspect: look.aspect,
  };
}
