import type { FocusFinder } from "../media/create-focus-finder.js";
import type { Media } from "../schema/storyboard.js";

/**
 * Gives every image and video its focus point from its pixels (see findFocus), so crops to
 * other aspect ratios keep the subject. Generated visuals are drawn at render time and have
 * none. A file the finder cannot read keeps the focus its provider set.
 */
export async function focusMedia(media: readonly Media[], finder: FocusFinder, signal?: AbortSignal): Promise<Media[]> {
  return Promise.all(
    media.map(async (item): Promise<Media> => {
      if (item.kind === "generated") return item;
      const focus =
        item.kind === "video"
          ? await finder(item.file, { kind: "video", atSeconds: item.durationSeconds / 2, signal })
          : await finder(item.file, { kind: "image", signal });
      return focus ? { ...item, focus } : item;
    }),
  );
}
