import type { CSSProperties } from "react";
import type { Box } from "../src/storyboard/layout.js";

/** Absolute position and size of an element drawn exactly in a layout box. */
export function placeAt(box: Box): Pick<CSSProperties, "position" | "left" | "top" | "width" | "height"> {
  return { position: "absolute", left: box.x, top: box.y, width: box.width, height: box.height };
}
