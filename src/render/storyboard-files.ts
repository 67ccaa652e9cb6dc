import type { Storyboard } from "../schema/storyboard.js";

/** One local file a storyboard draws, with the field that names it (for error messages). */
export interface StoryboardFile {
  field: string;
  file: string;
}

/**
 * Every local file the composition loads through its `assets` prop: scene media (images and
 * videos), the look's fonts, logo and watermark image. Each file once, in storyboard order.
 */
export function storyboardFiles(board: Storyboard): StoryboardFile[] {
  const seen = new Set<string>();
  return [...sceneFiles(board), ...themeFiles(board)].filter(({ file }) => !seen.has(file) && Boolean(seen.add(file)));
}

/** The scenes' photos and clips. */
export function sceneFiles(board: Pick<Storyboard, "scenes">): StoryboardFile[] {
  return board.scenes.flatMap((scene, i) => (scene.media.kind === "generated" ? [] : [{ field: `scenes[${i}].media.file`, file: scene.media.file }]));
}

/** The look's own files: fonts, logo, watermark image. */
export function themeFiles(board: Pick<Storyboard, "theme">): StoryboardFile[] {
  const { fonts, logo, watermark } = board.theme;
  const named: [string, string | null | undefined][] = [
    ["theme.fonts.headline.file", fonts.headline.file],
    ["theme.fonts.body.file", fonts.body.file],
    ["theme.logo.file", logo.file],
    ["theme.watermark.image", watermark?.image],
  ];
  return named.filter((entry): entry is [string, string] => typeof entry[1] === "string").map(([field, file]) => ({ field, file }));
}
