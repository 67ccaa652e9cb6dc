import type { Storyboard } from "../src/schema/storyboard.js";
import type { FrameLayout } from "../src/storyboard/layout.js";

/** What a template's layer component (`templates/<name>/<Layer>.tsx`) is given, once for the whole video. */
export interface TemplateLayerProps {
  storyboard: Storyboard;
  layout: FrameLayout;
  /** Media `file` → a URL the browser can load. */
  assets: Record<string, string>;
  /** CSS font-family stack of the body font. */
  fontFamily: string;
  /** CSS font-family stack of the headline font. */
  headlineFontFamily: string;
}
