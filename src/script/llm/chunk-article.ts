import type { Block } from "../../schema/article.js";
import { estimateTokens } from "./estimate-tokens.js";
import { renderBlock } from "./render-blocks.js";

/**
 * Splits the article's rendered blocks into chunks of at most `maxTokens` (estimated), cutting
 * at section headings first and between blocks when a section alone is too big. A single block
 * bigger than the limit is cut between characters as a last resort.
 */
export function chunkArticle(blocks: readonly Block[], maxTokens: number): string[] {
  const sections: string[][] = [];
  for (const block of blocks) {
    const line = renderBlock(block);
    if (line === null) continue;
    if (block.type === "heading" || sections.length === 0) sections.push([]);
    sections.at(-1)!.push(line);
  }

  const chunks: string[] = [];
  let current: string[] = [];
  let currentTokens = 0;
  const flush = (): void => {
    if (current.length > 0) chunks.push(current.join("\n"));
    current = [];
    currentTokens = 0;
  };
  const add = (line: string): void => {
    const tokens = estimateTokens(line) + 1;
    if (currentTokens + tokens > maxTokens) flush();
    if (tokens > maxTokens) {
      for (const piece of splitLine(line, maxTokens)) chunks.push(piece);
      return;
    }
    current.push(line);
    currentTokens += tokens;
  };

  for (const section of sections) {
    const tokens = section.reduce((sum, line) => sum + estimateTokens(line) + 1, 0);
    if (currentTokens + tokens > maxTokens) flush();
    for (const line of section) add(line);
  }
  flush();
  return chunks;
}

function splitLine(line: string, maxTokens: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const ch of line) {
    if (estimateTokens(piece + ch) > maxTokens) {
      pieces.push(piece);
      piece = "";
    }
    piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}
