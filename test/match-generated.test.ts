import { describe, expect, it } from "vitest";
import type { SceneRequest, SearchContext } from "../src/match/media-provider.js";
import { createGeneratedProvider, generatedMedia } from "../src/match/providers/generated.js";
import { MediaSchema } from "../src/schema/storyboard.js";

const context: SearchContext = { aspect: "9:16", width: 1080, height: 1920, perQuery: 5 };

function scene(overrides: Partial<SceneRequest> = {}): SceneRequest {
  return {
    index: 3,
    kind: "content",
    headline: "Recycling across Europe",
    narration: "Germany recycles 67% of its waste, France 45% and Spain 38%.",
    keywords: ["recycling", "waste", "Europe"],
    queries: ["recycling bins"],
    visual: null,
    mood: "neutral",
    sourceBlockIds: ["b4"],
    durationSeconds: 6,
    ...overrides,
  };
}

describe("createGeneratedProvider", () => {
  it("offers a chart of the scene's numbers, made for that scene, with high context", async () => {
    const provider = createGeneratedProvider();
    const [candidate, ...rest] = await provider.search(scene(), context);
    expect(rest).toEqual([]);
    expect(candidate).toMatchObject({ provider: "generated", id: "chart:3", kind: "generated", context: 0.9, forScene: 3, width: 1080, height: 1920, source: null });
    const media = await provider.fetch(candidate!, {});
    expect(MediaSchema.parse(media)).toEqual(media);
    expect(media).toMatchObject({
      kind: "generated",
      style: "chart",
      provider: "generated",
      chart: { bars: [{ label: "Germany", value: 67 }, { label: "France", value: 45 }, { label: "Spain", value: 38 }], unit: "%" },
    });
  });

  it("reads the narration's numbers in the language it is given", async () => {
    const provider = createGeneratedProvider({ lang: "de" });
    const [candidate] = await provider.search(scene({ narration: "2019 kostete das Ticket 1,50 Euro, 2023 schon 2,10 Euro." }), context);
    const media = await provider.fetch(candidate!, {});
    expect(media).toMatchObject({ style: "chart", chart: { bars: [{ label: "2019", value: 1.5 }, { label: "2023", value: 2.1 }], unit: "€" } });
  });

  it("falls back to kinetic type with no context and no text when the narration compares nothing", async () => {
    const provider = createGeneratedProvider();
    const [candidate] = await provider.search(scene({ narration: "The festival opens on 12 March and tickets cost $45." }), context);
    expect(candidate).toMatchObject({ id: "kinetic:3", kind: "generated", context: 0, forScene: 3, text: { title: "", description: "", tags: [] } });
    expect(await provider.fetch(candidate!, {})).toEqual(generatedMedia({ kind: "content", id: "s4" }, 3));
  });

  it("draws no chart on a title or closing scene, only a gradient", async () => {
    const provider = createGeneratedProvider();
    const [candidate] = await provider.search(scene({ kind: "title", index: 0 }), context);
    expect(candidate).toMatchObject({ id: "gradient:0", context: 0 });
    expect(await provider.fetch(candidate!, {})).toMatchObject({ style: "gradient", chart: null, seed: 17 });
  });

  it("refuses a chart candidate it did not find itself", async () => {
    const [candidate] = await createGeneratedProvider().search(scene(), context);
    await expect(createGeneratedProvider().fetch(candidate!, {})).rejects.toMatchObject({ code: "E_MEDIA" });
  });
});

describe("generatedMedia", () => {
  it("keeps the seed and style it always had: kinetic for content, gradient otherwise", () => {
    expect(generatedMedia({ kind: "content", id: "s2" }, 1)).toMatchObject({ style: "kinetic", seed: 7936, chart: null, provider: "generated", license: { name: "CC0 1.0" } });
    expect(generatedMedia({ kind: "closing", id: "s9" }, 8)).toMatchObject({ style: "gradient", seed: 8 * 7919 + 17 });
  });
});
