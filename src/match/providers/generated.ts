import { ReelpressError } from "../../errors.js";
import type { SceneScript } from "../../schema/script.js";
import type { Chart, License, Media } from "../../schema/storyboard.js";
import type { MediaCandidate, MediaProvider, SceneRequest, SearchContext } from "../media-provider.js";
import { findChart } from "../numbers/find-chart.js";

type GeneratedMedia = Extract<Media, { kind: "generated" }>;
type Style = GeneratedMedia["style"];

/** Visuals reelpress draws itself are the project's own work, free of any claim. */
const LICENSE: License = {
  name: "CC0 1.0",
  url: "https://creativecommons.org/publicdomain/zero/1.0/",
  attribution: "Animated background drawn by reelpress",
};
const CHART_LICENSE: License = { ...LICENSE, attribution: "Chart drawn by reelpress from the article's numbers" };

/** A chart of the scene's own numbers is what the scene is about; this outweighs most text matches. */
export const CHART_CONTEXT = 0.9;

function seedOf(index: number): number {
  return index * 7919 + 17;
}

function media(style: Style, index: number, chart: Chart | null): GeneratedMedia {
  return {
    kind: "generated",
    style,
    seed: seedOf(index),
    provider: "generated",
    origin: null,
    creator: null,
    sourceId: null,
    chart,
    license: chart ? CHART_LICENSE : LICENSE,
  };
}

/** The drawn background for a scene: kinetic keywords for a content scene, a gradient for the others. */
export function generatedMedia(scene: Pick<SceneScript, "kind" | "id">, index: number): GeneratedMedia {
  return media(scene.kind === "content" ? "kinetic" : "gradient", index, null);
}

export interface GeneratedProviderOptions {
  /**
   * Language of the narration, for reading its numbers ("1.500" is 1500 in German, 1.5 in English).
   * @default "en"
   */
  lang?: string;
}

/**
 * Visuals drawn at render time. For a content scene whose narration compares numbers, a bar
 * chart of them (context 0.9, made for that scene); otherwise kinetic type or a gradient with
 * context 0 and no text, so it wins only when nothing else fits the scene.
 */
export function createGeneratedProvider(options: GeneratedProviderOptions = {}): MediaProvider {
  const lang = options.lang ?? "en";
  // What each candidate draws, so fetch can hand it back; kept per provider, i.e. per run.
  const drawn = new Map<string, GeneratedMedia>();

  const candidate = (scene: SceneRequest, context: SearchContext, style: Style, chart: Chart | null): MediaCandidate => {
    const id = `${style}:${scene.index}`;
    drawn.set(id, media(style, scene.index, chart));
    return {
      provider: "generated",
      id,
      kind: "generated",
      text: chart ? { title: `Chart: ${chart.bars.map((bar) => bar.label).join(", ")}`, description: "", tags: [] } : { title: "", description: "", tags: [] },
      width: context.width,
      height: context.height,
      durationSeconds: null,
      fps: null,
      creator: null,
      series: null,
      pageUrl: null,
      license: chart ? CHART_LICENSE : LICENSE,
      source: null,
      context: chart ? CHART_CONTEXT : 0,
      forScene: scene.index,
    };
  };

  return {
    name: "generated",
    async search(scene, context) {
      const chart = scene.kind === "content" ? findChart(scene.narration, lang) : null;
      if (chart) return [candidate(scene, context, "chart", chart)];
      return [candidate(scene, context, scene.kind === "content" ? "kinetic" : "gradient", null)];
    },
    async fetch(found) {
      const known = drawn.get(found.id);
      if (known) return known;
      // A kinetic or gradient id carries all it needs; a chart needs the numbers its search found.
      const match = /^(kinetic|gradient):(\d+)$/u.exec(found.id);
      if (match) return media(match[1] as Style, Number(match[2]), null);
      throw new ReelpressError("E_MEDIA", `generated visual "${found.id}" was not found by this provider's search`);
    },
  };
}
