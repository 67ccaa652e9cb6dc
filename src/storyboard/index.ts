export { buildStoryboard, DEFAULT_STORYBOARD_OPTIONS, type StoryboardOptions } from "./build-storyboard.js";
export { storyboardCaptions, sceneCaptions, frameToMs } from "./scene-captions.js";
export { timeCaptions, paginateCaptions, wrapLines, type CaptionPage } from "./caption-pages.js";
export { frameLayout, OUTPUT_SIZES, contains, type Box, type FrameLayout } from "./layout.js";
export { sceneSeconds, MIN_SCENE_SECONDS } from "./scene-timing.js";
export { readStoryboard, writeStoryboard } from "./storyboard-file.js";
export { crampedVoiceScenes, replaceVoices, staleVoiceScenes } from "./revoice-scenes.js";
export { VOICE_OFFSET_MS } from "./build-storyboard.js";
export { retargetStoryboard } from "./retarget-storyboard.js";
