import type { SceneScript } from "../../schema/script.js";
import type { Media } from "../../schema/storyboard.js";

/** Visuals reelpress draws itself; they are the project's own work, free of any claim. */
export function generatedMedia(scene: Pick<SceneScript, "kind" | "id">, index: number): Extract<Media, { kind: "generated" }> {
  return {
    kind: "generated",
    style: scene.kind === "content" ? "kinetic" : "gradient",
    seed: index * 7919 + 17,
    provider: "generated",
    origin: null,
    creator: null,
    sourceId: null,
    chart: null,
    license: {
      name: "CC0 1.0",
      url: "https://creativecommons.org/publicdomain/zero/1.0/",
      attribution: "Animated background drawn by reelpress",
    },
  };
}
