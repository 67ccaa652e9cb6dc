import type { CaptionStyle, Storyboard } from "../schema/storyboard.js";
import type { ResolvedLook } from "./resolve-look.js";

/**
 * An existing storyboard in another look: its theme, caption style and transition length are
 * replaced; scenes, timing, media, voice and music stay as they are. Pure.
 */
export function restyleStoryboard(board: Storyboard, look: Pick<ResolvedLook, "theme" | "transitionSeconds">, captionStyle: CaptionStyle): Storyboard {
  return {
    ...board,
    theme: look.theme,
    captions: { ...board.captions, style: captionStyle },
    transitionFrames: Math.round(look.transitionSeconds * board.output.fps),
  };
}
