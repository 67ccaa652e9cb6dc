import type { Article } from "../schema/article.js";

/**
 * How near an article image sits to the blocks a scene was written from, 0–1: right beside them
 * is near 1, a few blocks away in the same section about half, another part of the article 0.
 */
export function createArticlePlacement(article: Article): (sourceBlockIds: readonly string[], imageBlockIndex: number) => number {
  let section = -1;
  const sections = article.blocks.map((block, i) => {
    if (block.type === "heading") section = i;
    return section;
  });
  const indexOf = new Map(article.blocks.map((block, i) => [block.id, i]));
  return (sourceBlockIds, imageBlockIndex) => {
    if (imageBlockIndex < 0) return 0;
    const indices = sourceBlockIds.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined);
    if (indices.length === 0) return 0;
    const distance = Math.min(...indices.map((i) => Math.abs(i - imageBlockIndex)));
    const proximity = Math.max(0, 3 - 0.5 * distance);
    const sameSection = indices.some((i) => sections[i] === sections[imageBlockIndex]) ? 1 : 0;
    return Math.min(1, (proximity + sameSection) / 4);
  };
}
