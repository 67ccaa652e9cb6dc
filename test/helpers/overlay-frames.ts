import { createHash } from "node:crypto";
import { renderFrames, selectComposition, type HeadlessBrowser } from "@remotion/renderer";
import { OVERLAY_STATES_COMPOSITION_ID, type OverlayLayer, type OverlayStatesProps, type OverlayTile } from "../../compositions/overlay/overlay-states-props.js";
import { overlayRegion } from "../../src/render/fast/overlay-region.js";
import type { Storyboard } from "../../src/schema/storyboard.js";

/** What drawing overlay pages needs: a bundle of compositions/index.ts, an open browser, the storyboard's files as URLs. */
export interface OverlayDrawContext {
  serveUrl: string;
  browser: HeadlessBrowser;
  browserExecutable: string;
  assets: Record<string, string>;
}

/** One tile of `layer` at each of `frames`, cut to the layer's full-size region, each at the top of its page. */
export function layerTiles(board: Storyboard, layer: OverlayLayer, frames: readonly number[]): OverlayTile[] {
  const region = overlayRegion(board, layer, 1);
  return frames.map((frame) => ({ layer, frame, region, y: 0 }));
}

/**
 * Draws each tile alone on its own page of the overlay composition (tile k is page k; null, a page
 * with nothing on it), in one renderFrames pass, and returns the SHA-256 of each page's PNG in
 * order. Pages are as wide as the frame and as tall as the tallest tile; nothing is written to disk.
 */
export async function overlayTileHashes(ctx: OverlayDrawContext, board: Storyboard, tiles: readonly (OverlayTile | null)[]): Promise<string[]> {
  const pageHeight = Math.ceil(Math.max(...tiles.map((tile) => tile?.region.height ?? 1)));
  const pages = tiles.map((tile) => (tile ? [tile] : []));
  const inputProps: OverlayStatesProps = { storyboard: board, assets: ctx.assets, pageWidth: board.output.width, pageHeight, pages };
  const chromium = { browserExecutable: ctx.browserExecutable, chromeMode: "headless-shell" as const, logLevel: "error" as const, puppeteerInstance: ctx.browser };
  const composition = await selectComposition({ ...chromium, serveUrl: ctx.serveUrl, id: OVERLAY_STATES_COMPOSITION_ID, inputProps });
  const hashes: string[] = new Array<string>(tiles.length);
  await renderFrames({
    ...chromium,
    serveUrl: ctx.serveUrl,
    composition,
    inputProps,
    imageFormat: "png",
    concurrency: 1,
    outputDir: null,
    frameRange: [0, tiles.length - 1],
    onFrameBuffer: (buffer, frame) => {
      hashes[frame] = createHash("sha256").update(buffer).digest("hex");
    },
    onStart: () => undefined,
    onFrameUpdate: () => undefined,
  });
  const missing = tiles.findIndex((_, k) => hashes[k] === undefined);
  if (missing >= 0) throw new Error(`page ${missing} of ${tiles.length} was not drawn`);
  return hashes;
}
