export { clipColorMatrix } from "./clip-color-matrix.js";
export { fastSegmentSupport, sceneMotion, type FastSegmentSupport, type SceneMotion } from "./fast-segment-support.js";
export { openFastSession, type FastContext, type FastSession } from "./fast-session.js";
export { ffmpegIdentity, findFullFfmpeg, FULL_FFMPEG_FILTERS } from "./find-full-ffmpeg.js";
export { overlayStateKeys, overlayLayerId, STATE_STEPS } from "./overlay-state-keys.js";
export { overlayRegion, regionStep } from "./overlay-region.js";
export { planOverlayPages, heldFrames, type OverlayPagePlan, type OverlayRequest, type OverlayLayerFrames } from "./plan-overlay-pages.js";
export { remotionH264Args } from "./encoder-args.js";
export { segmentGraph, segmentOverlayLayers, type SegmentGraph, type SegmentGraphInput } from "./segment-graph.js";
