import type { Storyboard } from "../src/schema/storyboard.js";
import { displayUrl } from "./display-url.js";

export const READ_MORE_LABEL = "Read the full article";

/** Every string the video draws, so the fonts for all of their glyphs load before measuring. */
export function storyboardTexts(board: Pick<Storyboard, "meta" | "scenes"> & { theme?: Pick<Storyboard["theme"], "cta" | "watermark"> }): string {
  const { meta } = board;
  const parts = [meta.title, meta.siteName ?? "", meta.byline ?? "", meta.url ? displayUrl(meta.url) : "", READ_MORE_LABEL];
  const { cta, watermark } = board.theme ?? {};
  if (cta) parts.push(cta.text, cta.url ? displayUrl(cta.url) : "");
  if (watermark?.text) parts.push(watermark.text);
  for (const scene of board.scenes) parts.push(scene.headline, scene.narration, scene.voice?.text ?? "", ...scene.keywords);
  // Upper-case forms too: kinetic keywords, and the headlines of themes set in capitals.
  const text = parts.join(" ");
  return `${text} ${text.toUpperCase()}`;
}
