import type { Article } from "../schema/article.js";
import type { Script } from "../schema/script.js";
import type { ArticleImage } from "./providers/article-images.js";

/** Below this an image has no real tie to a scene and a generated visual serves better. */
export const MIN_IMAGE_SCORE = 1.5;

const WORD = /[\p{L}\p{N}]+/gu;
/** Function words that would tie any caption to any scene. */
const STOPWORDS = new Set(
  "about after also been before being between could from have into more most much other over some such than that their them then there these they this those through under very were what when where which while with would your".split(" "),
);

function tokens(text: string): Set<string> {
  return new Set((text.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 3 && !STOPWORDS.has(w)));
}

/** Index of the heading each block sits under (-1 before the first heading). */
function sectionOf(article: Article): number[] {
  let section = -1;
  return article.blocks.map((block, i) => {
    if (block.type === "heading") section = i;
    return section;
  });
}

export interface ImageScore {
  total: number;
  proximity: number;
  section: number;
  text: number;
}

/** How well an image fits a scene: nearness to the scene's source blocks, same section, shared words. */
export function scoreImage(article: Article, sections: number[], scene: Script["scenes"][number], image: ArticleImage): ImageScore {
  const indices = scene.sourceBlockIds.map((id) => article.blocks.findIndex((b) => b.id === id)).filter((i) => i >= 0);
  const distance = image.blockIndex < 0 || indices.length === 0 ? Infinity : Math.min(...indices.map((i) => Math.abs(i - image.blockIndex)));
  const proximity = Number.isFinite(distance) ? Math.max(0, 3 - 0.5 * distance) : 0;
  const section = image.blockIndex >= 0 && indices.some((i) => sections[i] === sections[image.blockIndex]) ? 1 : 0;
  const imageWords = tokens(`${image.alt} ${image.caption ?? ""}`);
  const sceneWords = tokens(`${scene.keywords.join(" ")} ${scene.headline} ${scene.narration}`);
  let shared = 0;
  for (const w of imageWords) if (sceneWords.has(w)) shared += 1;
  const text = Math.min(3, shared);
  return { total: proximity + section + text, proximity, section, text };
}

/**
 * Gives each scene at most one image and each image to at most one scene, best pairs first.
 * The title scene takes the lead image (or the best image left); the closing scene takes none.
 * Returns, per scene, the index into `images` or null.
 */
export function assignImages(article: Article, script: Script, images: readonly ArticleImage[]): (number | null)[] {
  const sections = sectionOf(article);
  const chosen: (number | null)[] = script.scenes.map(() => null);
  const used = new Set<number>();
  const pairs: { scene: number; image: number; score: number }[] = [];
  script.scenes.forEach((scene, s) => {
    if (scene.kind !== "content") return;
    images.forEach((image, i) => {
      if (image.lead) return;
      const score = scoreImage(article, sections, scene, image).total;
      if (score >= MIN_IMAGE_SCORE) pairs.push({ scene: s, image: i, score });
    });
  });
  // Ties go to the earlier scene and the earlier image, so the result is stable.
  pairs.sort((a, b) => b.score - a.score || a.scene - b.scene || a.image - b.image);
  for (const pair of pairs) {
    if (chosen[pair.scene] !== null || used.has(pair.image)) continue;
    chosen[pair.scene] = pair.image;
    used.add(pair.image);
  }
  const title = script.scenes.findIndex((scene) => scene.kind === "title");
  if (title >= 0) {
    const lead = images.findIndex((image, i) => image.lead && !used.has(i));
    const firstFree = images.findIndex((_, i) => !used.has(i));
    const pick = lead >= 0 ? lead : firstFree;
    if (pick >= 0) {
      chosen[title] = pick;
      used.add(pick);
    }
  }
  return chosen;
}
