import type { Block } from "../../schema/article.js";

/** One block as the model sees it: its id in brackets, then its text; null for blocks with no words. */
export function renderBlock(block: Block): string | null {
  switch (block.type) {
    case "heading":
      return `[${block.id}] ${"#".repeat(block.level)} ${block.text}`;
    case "paragraph":
      return `[${block.id}] ${block.text}`;
    case "list":
      return `[${block.id}] ${block.items.map((item, i) => (block.ordered ? `${i + 1}. ${item}` : `- ${item}`)).join(" ")}`;
    case "quote":
      return `[${block.id}] "${block.text}"${block.cite ? ` (${block.cite})` : ""}`;
    case "image":
      return block.caption || block.alt ? `[${block.id}] (image: ${block.caption ?? block.alt})` : null;
    case "code":
      // Code is not narrated; its text would only spend the model's context.
      return null;
  }
}

/** The article body as id-tagged lines, so the model can cite the blocks it used. */
export function renderBlocks(blocks: readonly Block[]): string {
  return blocks
    .map(renderBlock)
    .filter((line): line is string => line !== null)
    .join("\n");
}
