import type { Theme } from "../src/schema/storyboard.js";
import { pickTemplateComponents, type LoadedTemplateComponents } from "./pick-template-components.js";
import { templateModule } from "./template-modules.js";

export type { LoadedTemplateComponents } from "./pick-template-components.js";

/**
 * The React components of the theme's template (`theme.components`, files next to its
 * template.json), from the bundle. Throws when a listed file is not in the bundle.
 */
export function templateComponents(theme: Theme): LoadedTemplateComponents {
  return pickTemplateComponents(theme, templateModule);
}
