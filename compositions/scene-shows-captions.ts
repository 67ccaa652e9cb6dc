import type { StoryboardScene } from "../src/schema/storyboard.js";

function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A title scene that just reads out its own headline would show the same words twice. */
export function sceneShowsCaptions(scene: Pick<StoryboardScene, "kind" | "headline" | "narration">): boolean {
  if (!scene.narration.trim()) return false;
  return !(scene.kind === "title" && normalise(scene.narration) === normalise(scene.headline));
}
