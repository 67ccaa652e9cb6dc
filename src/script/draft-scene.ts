import type { SceneScript } from "../schema/script.js";

/** A scene as the local writer builds it, before the footage fields (queries, visual, mood). */
export type DraftScene = Omit<SceneScript, "queries" | "visual" | "mood">;
