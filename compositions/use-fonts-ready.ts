import { useEffect, useState } from "react";
import { cancelRender, continueRender, delayRender } from "remotion";
import { RenderError } from "../src/errors.js";
import type { FontFile } from "./fonts.js";

async function addFontFile({ family, weight, url }: FontFile): Promise<void> {
  const face = new FontFace(family, `url(${JSON.stringify(url)})`, { weight: String(weight) });
  try {
    await face.load();
  } catch (cause) {
    throw new RenderError("E_MEDIA", `the font file for "${family}" (${url}) could not be loaded`, {
      hint: "give a .woff2, .woff, .ttf or .otf file that a browser can read, or remove `file` to use a shipped family",
      cause,
    });
  }
  document.fonts.add(face);
}

/**
 * Holds the render until the theme's font files are registered and the font faces covering
 * `text` have loaded. Faces are split by unicode-range, so document.fonts.ready alone would not
 * load the CJK subsets nothing has used yet; FontFaceSet.load(font, text) does. Text must not be
 * measured before this returns true, because measureText() caches what it measured.
 */
export function useFontsReady(faces: readonly string[], text: string, files: readonly FontFile[] = []): boolean {
  const [readyFor, setReadyFor] = useState<string | null>(null);
  const key = `${faces.join("|")}\n${files.map((f) => `${f.family}@${f.weight}=${f.url}`).join("|")}\n${text}`;
  useEffect(() => {
    const handle = delayRender("Loading fonts");
    let open = true;
    const finish = () => {
      if (!open) return;
      open = false;
      continueRender(handle);
    };
    Promise.all(files.map(addFontFile))
      .then(() => Promise.all(faces.map((face) => document.fonts.load(face, text))))
      .then(() => document.fonts.ready)
      .then(() => {
        if (!open) return;
        setReadyFor(key);
        finish();
      })
      .catch((error: unknown) => cancelRender(error));
    return finish;
    // `key` stands for faces, files and text, so the arrays' identity does not matter.
  }, [key]);
  return readyFor === key;
}
