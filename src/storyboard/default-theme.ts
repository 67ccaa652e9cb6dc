import type { Theme } from "../schema/storyboard.js";

/** Dark navy news look with an amber accent; the fonts ship with the project (see compositions/fonts.ts). */
export const DEFAULT_THEME: Theme = {
  fontFamily: "Inter",
  colors: {
    background: "#0f172a",
    backgroundAlt: "#1e3a8a",
    text: "#f8fafc",
    accent: "#f59e0b",
    captionBackground: "rgba(15,23,42,0.78)",
  },
};
