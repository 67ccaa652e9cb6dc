import type { Block } from "../schema/article.js";

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** A block before ids are assigned; readers produce these in document order. */
export type DraftBlock = WithoutId<Block>;

/** The plain text a block contributes to `Article.text` (an image adds only its caption). */
export function blockText(block: DraftBlock): string {
  switch (block.type) {
    case "list":
      return block.items.join("\n");
    case "image":
      return block.caption ?? "";
    default:
      return block.text;
  }
}
