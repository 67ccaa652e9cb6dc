import type { Aspect } from "../schema/storyboard.js";
import { templateNames, type TemplateLocation } from "./find-template.js";
import { loadTemplate } from "./load-template.js";
import type { TemplateDirs } from "./template-dirs.js";

export interface TemplateSummary extends TemplateLocation {
  description: string;
  /** The aspect it is designed for first; null: any. */
  aspect: Aspect | null;
  /** Why it cannot be used, when its template.json is broken; null when it loads. */
  problem: string | null;
}

/** Every template there is, the user's first: a broken one is listed with its problem rather than hiding the rest. */
export async function listTemplates(dirs: TemplateDirs, options: { cwd?: string } = {}): Promise<TemplateSummary[]> {
  const out: TemplateSummary[] = [];
  for (const location of await templateNames(dirs)) {
    try {
      const { template } = await loadTemplate(location.dir, { dirs, baseDir: location.dir, cwd: options.cwd });
      out.push({ ...location, description: template.description, aspect: template.aspect, problem: null });
    } catch (error) {
      out.push({ ...location, description: "", aspect: null, problem: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}
