import { useEffect, useState } from "react";
import { cancelRender, continueRender, delayRender } from "remotion";

/**
 * Holds the render until the font faces covering `text` have loaded. Faces are split by
 * unicode-range, so document.fonts.ready alone would not load the CJK subsets nothing has used
 * yet; FontFaceSet.load(font, text) does. Text must not be measured before this returns true,
 * because measureText() caches what it measured.
 */
export function useFontsReady(faces: readonly string[], text: string): boolean {
  const [readyFor, setReadyFor] = useState<string | null>(null);
  const key = `${faces.join("|")}\n${text}`;
  useEffect(() => {
    const handle = delayRender("Loading fonts");
    let open = true;
    const finish = () => {
      if (!open) return;
      open = false;
      continueRender(handle);
    };
    Promise.all(faces.map((face) => document.fonts.load(face, text)))
      .then(() => document.fonts.ready)
      .then(() => {
        if (!open) return;
        setReadyFor(key);
        finish();
      })
      .catch((error: unknown) => cancelRender(error));
    return finish;
    // `key` stands for faces and text, so the arrays' identity does not matter.
  }, [key]);
  return readyFor === key;
}
