import { describe, expect, it } from "vitest";
import { assignImages, listArticleImages } from "../src/match/index.js";
import { ArticleSchema, ScriptSchema, type Article, type Script } from "../src/schema/index.js";

function article(): Article {
  return ArticleSchema.parse({
    source: "https://example.test/post", url: "https://example.test/post", title: "Baking bread at home", byline: null, siteName: "Crumb",
    lang: "en", dir: null, publishedTime: null, excerpt: null,
    leadImage: { src: "https://example.test/lead.jpg", alt: "a loaf" },
    blocks: [
      { type: "heading", id: "b0", level: 2, text: "The starter" },
      { type: "paragraph", id: "b1", text: "Feed the starter with flour and water every day." },
      { type: "image", id: "b2", src: "https://example.test/jar.jpg", alt: "a jar of bubbling starter", caption: null },
      { type: "heading", id: "b3", level: 2, text: "Shaping" },
      { type: "paragraph", id: "b4", text: "Fold the dough gently and shape a tight ball." },
      { type: "paragraph", id: "b5", text: "Rest it overnight in the fridge." },
      { type: "heading", id: "b6", level: 2, text: "Baking" },
      { type: "paragraph", id: "b7", text: "Bake in a hot oven with steam." },
      { type: "image", id: "b8", src: "https://example.test/oven.jpg", alt: "a loaf in the oven", caption: "Steam makes the crust" },
    ],
    text: "…", wordCount: 40,
  });
}

function script(): Script {
  const scene = (id: string, kind: "title" | "content" | "closing", narration: string, sourceBlockIds: string[]) => ({
    id, kind, headline: "Headline", narration, keywords: ["bread", "dough", "home"], sourceBlockIds,
  });
  return ScriptSchema.parse({
    title: "Baking bread at home", lang: "en",
    scenes: [
      scene("s1", "title", "Baking bread at home.", []),
      scene("s2", "content", "Feed the starter with flour and water every day.", ["b1"]),
      scene("s3", "content", "Fold the dough gently and shape a tight ball.", ["b4"]),
      scene("s4", "content", "Bake in a hot oven with steam.", ["b7"]),
      scene("s5", "closing", "Read the full article on Crumb.", []),
    ],
  });
}

describe("assignImages", () => {
  it("gives each content scene the image nearest its text and the title scene the lead image", () => {
    const a = article();
    const images = listArticleImages(a);
    expect(images.map((i) => i.src)).toEqual(["https://example.test/lead.jpg", "https://example.test/jar.jpg", "https://example.test/oven.jpg"]);
    const chosen = assignImages(a, script(), images);
    expect(chosen).toEqual([0, 1, null, 2, null]);
  });

  it("uses no image twice, and falls back to none when no image relates to a scene", () => {
    const a = article();
    const onlyJar = listArticleImages(a).filter((i) => i.src.endsWith("jar.jpg"));
    const chosen = assignImages(a, script(), onlyJar);
    // The jar sits beside scene 2's text; the title scene has no lead image left to take.
    expect(chosen).toEqual([null, 0, null, null, null]);
  });

  it("lets the title scene take the first free image when the article has no lead image", () => {
    const a = { ...article(), leadImage: null };
    const images = listArticleImages(a).filter((i) => i.src.endsWith("oven.jpg"));
    const s = script();
    s.scenes.splice(3, 1); // no scene near the oven photo
    expect(assignImages(a, s, images)).toEqual([0, null, null, null]);
  });
});
