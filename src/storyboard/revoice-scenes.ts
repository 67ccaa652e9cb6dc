import { DEFAULT_CONFIG } from "../schema/config.js";
import { StoryboardSchema, type SceneVoice, type Storyboard } from "../schema/storyboard.js";
import { VOICE_OFFSET_MS } from "./build-storyboard.js";
import { sceneSeconds, secondsToFrames, voicedSceneSeconds } from "./scene-timing.js";

/** Scenes whose narration was edited after their voice was recorded. */
export function staleVoiceScenes(board: Storyboard): number[] {
  return board.scenes.flatMap((scene, i) => (scene.voice && scene.voice.text.trim() !== scene.narration.trim() ? [i] : []));
}

/**
 * Puts newly recorded voices into scenes (null: the scene goes without one) and lays the scenes
 * end to end again, each as long as its new voice needs; scenes before the first change keep
 * their frames.
 */
export function replaceVoices(board: Storyboard, voices: ReadonlyMap<number, Omit<SceneVoice, "offsetMs"> | null>): Storyboard {
  const { fps } = board.output;
  const wpm = DEFAULT_CONFIG.wordsPerMinute;
  let startFrame = 0;
  const scenes = board.scenes.map((scene, i) => {
    if (!voices.has(i)) {
      const kept = { ...scene, startFrame };
      startFrame += scene.durationInFrames;
      return kept;
    }
    const spoken = voices.get(i) ?? null;
    const voice = spoken ? { ...spoken, offsetMs: VOICE_OFFSET_MS } : null;
    const seconds = voice ? voicedSceneSeconds(scene.kind, scene.narration, wpm, voice.offsetMs + voice.durationMs) : sceneSeconds(scene.kind, scene.narration, wpm);
    const durationInFrames = secondsToFrames(seconds, fps);
    const out = { ...scene, voice, startFrame, durationInFrames };
    startFrame += durationInFrames;
    return out;
  });
  return StoryboardSchema.parse({ ...board, scenes });
}
