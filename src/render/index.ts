export { COMPOSITION_ID } from "../../compositions/reelpress-props.js";
export { createRenderer, DEFAULT_RENDER_PROFILE, draftScale, renderedSize, segmentEncoding, type RenderProfile, type Renderer, type RendererOptions, type RenderProgress, type RenderStage, type RenderVideoReport } from "./create-renderer.js";
export { DEFAULT_SEGMENT_CACHE_BYTES } from "./segments/segment-cache.js";
export type { SegmentBackend, SegmentEncoding, SegmentRange, SegmentSession } from "./segments/segment-backend.js";
export { findBrowser, type BrowserChoice } from "./find-browser.js";
export { formatCredits } from "./credits.js";
export { toSrt, toVtt } from "./subtitles.js";
export { aspectVideoFile, outputPaths, OutputTransaction, type OutputPaths } from "./output-files.js";
export { posterFrame } from "./poster-frame.js";
