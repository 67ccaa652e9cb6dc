import type { SceneRequest } from "./media-provider.js";
import type { QueryPart } from "./text/index.js";

/** How much each part of a scene counts when footage is searched and ranked: the writer's searches most, the spoken text least. */
export const SCENE_QUERY_WEIGHTS = { queries: 1.5, keywords: 1, headline: 1, visual: 1, narration: 0.7 } as const;

/** The weighted texts a scene is searched with; empty parts are left out (pure). */
export function sceneQuery(scene: Pick<SceneRequest, "queries" | "keywords" | "headline" | "visual" | "narration">): QueryPart[] {
  const parts: QueryPart[] = [
    { text: scene.queries.map((q) => q.trim()).filter(Boolean).join(". "), weight: SCENE_QUERY_WEIGHTS.queries },
    { text: scene.keywords.map((k) => k.trim()).filter(Boolean).join(", "), weight: SCENE_QUERY_WEIGHTS.keywords },
    { text: scene.headline.trim(), weight: SCENE_QUERY_WEIGHTS.headline },
    { text: scene.visual?.trim() ?? "", weight: SCENE_QUERY_WEIGHTS.visual },
    { text: scene.narration.trim(), weight: SCENE_QUERY_WEIGHTS.narration },
  ];
  return parts.filter((part) => part.text.length > 0);
}
