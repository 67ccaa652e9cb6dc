import type { Brand, Template } from "../schema/template.js";

/**
 * A brand kit's colours and fonts laid over a template: colours field by field, each font whole
 * (a font file belongs to its family). Its logo, watermark and call to action are not template
 * fields; resolveLook takes them from the kit. Pure.
 */
export function applyBrand(template: Template, brand: Brand | null): Template {
  if (!brand) return template;
  return {
    ...template,
    colors: { ...template.colors, ...brand.colors },
    fonts: { headline: brand.fonts?.headline ?? template.fonts.headline, body: brand.fonts?.body ?? template.fonts.body },
  };
}
