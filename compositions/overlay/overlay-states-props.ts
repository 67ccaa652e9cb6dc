import { z } from "zod";
import { StoryboardSchema } from "../../src/schema/storyboard.js";

export const OVERLAY_STATES_COMPOSITION_ID = "ReelpressOverlayStates";

const BoxSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

/**
 * One text or mark layer of the video, drawn alone on a transparent page: a scene's scrim or
 * headline, the corner marks (logo and watermark), or the running captions.
 */
export const OverlayLayerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("scrim"), scene: z.number().int().nonnegative() }),
  z.object({ kind: z.literal("headline"), scene: z.number().int().nonnegative() }),
  z.object({ kind: z.literal("marks") }),
  z.object({ kind: z.literal("captions") }),
]);

/** A layer as it looks at a timeline frame, cut to `region` (frame px) and set at `y` in its page. */
export const OverlayTileSchema = z.object({
  layer: OverlayLayerSchema,
  /** Frame of the whole video the layer is drawn at. */
  frame: z.number().int().nonnegative(),
  region: BoxSchema,
  /** Top of the tile in the page, px; tiles are set at the page's left edge. */
  y: z.number().nonnegative(),
});

export const OverlayStatesPropsSchema = z.object({
  storyboard: StoryboardSchema,
  /** Theme files (fonts, logo, watermark image) → URLs, as for the Reelpress composition. */
  assets: z.record(z.string(), z.string()),
  /** Size of a page; frame k of the composition draws pages[k]. */
  pageWidth: z.number().int().positive(),
  pageHeight: z.number().int().positive(),
  pages: z.array(z.array(OverlayTileSchema)),
});

export type OverlayLayer = z.infer<typeof OverlayLayerSchema>;
export type OverlayTile = z.infer<typeof OverlayTileSchema>;
export type OverlayStatesProps = z.infer<typeof OverlayStatesPropsSchema>;
