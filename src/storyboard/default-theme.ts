import type { Theme } from "../schema/storyboard.js";
import { LEGACY_THEME_PARTS } from "../schema/storyboard.js";

/**
 * The look without a template: dark navy with an amber accent, Inter throughout. Templates
 * (`templates/<name>/template.json`) replace it; the fonts ship with the project (compositions/fonts.ts).
 */
export const DEFAULT_THEME: Theme = {
  template: "default",
  fonts: { headline: { family: "Inter", weight: 800, file: null }, body: { family: "Inter", weight: 600, file: null } },
  colors: {
    background: "#0f172a",
    backgroundAlt: "#1e3a8a",
    text: "#f8fafc",
    accent: "#f59e0b",
    captionBackground: "rgba(15,23,42,0.78)",
    captionText: "#f8fafc",
    highlight: "#f59e0b",
  },
  ...structuredClone(LEGACY_THEME_PARTS),
  logo: { ...LEGACY_THEME_PARTS.logo },
  watermark: null,
  cta: null,
  components: { scene: null, layers: [] },
};
