import type { Storyboard } from "../schema/storyboard.js";

/** The credits file: the article, then every distinct asset with its source, licence and attribution. */
export function formatCredits(board: Storyboard): string {
  const lines: string[] = [];
  lines.push(`Video made with reelpress from "${board.meta.title}"`);
  if (board.meta.byline) lines.push(`Article by ${board.meta.byline}`);
  if (board.meta.siteName) lines.push(`Published by ${board.meta.siteName}`);
  lines.push(`Source: ${board.meta.url ?? board.meta.source}`, "", "Assets", "");
  const seen = new Set<string>();
  board.scenes.forEach((scene, i) => {
    const media = scene.media;
    const key = media.kind === "generated" ? `generated:${media.style}:${media.seed}` : `${media.provider}:${media.sourceId ?? media.file}`;
    if (seen.has(key)) return;
    seen.add(key);
    const what = media.kind === "generated" ? `generated ${media.style === "chart" ? "chart" : `${media.style} background`}` : `${media.kind} ${media.origin ?? media.file}`;
    lines.push(`Scene ${i + 1} (${scene.id}): ${what}`);
    lines.push(`  provider: ${media.provider}${media.sourceId && media.provider !== "article" ? ` (${media.sourceId})` : ""}`);
    if (media.creator) lines.push(`  by: ${media.creator}`);
    lines.push(`  licence: ${media.license.name}${media.license.url ? ` <${media.license.url}>` : ""}`);
    lines.push(`  attribution: ${media.license.attribution}`);
    lines.push("");
  });
  lines.push("Fonts: Inter and Noto Sans SC, SIL Open Font License 1.1");
  return `${lines.join("\n")}\n`;
}
