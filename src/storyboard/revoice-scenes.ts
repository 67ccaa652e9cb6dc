import { stat } from "node:fs/promises";
import { normalizeWhitespace } from "../script/split-sentences.js";
import { DEFAULT_CONFIG } from "../schema/config.js";
import { StoryboardSchema, type SceneVoice, type Storyboard } from "../schema/storyboard.js";
import { VOICE_OFFSET_MS } from "./build-storyboard.js";
import { sceneSeconds, secondsToFrames, voicedSceneSeconds } from "./scene-timing.js";

function sameText(a: string, b: string): boolean {
  return normalizeWhitespace(a) === normalizeWhitespace(b);
}

/**
 * Scenes whose voice must be recorded again: the narration was edited since, the voice file is
 * gone from the cache, or a scene of a voiced video gained narration.
 */
export async function staleVoiceScenes(board: Storyboard): Promise<number[]> {
  const voiced = board.audio.voice.engine !== "none";
  const stale = await Promise.all(
    board.scenes.map(async (scene) => {
      if (!scene.voice) return voiced && scene.narration.trim() !== "";
      if (!sameText(scene.voice.text, scene.narration)) return true;
      return !(await stat(scene.voice.file).catch(() => null))?.isFile();
    }),
  );
  return stale.flatMap((s, i) => (s ? [i] : []));
}

/** Scenes too short for their voice (a hand edit of durationInFrames): the next scene would talk over it. */
export function crampedVoiceScenes(board: Storyboard): number[] {
  return board.scenes.flatMap((scene, i) => (scene.voice && scene.voice.offsetMs + scene.voice.durationMs > (scene.durationInFrames / board.output.fps) * 1000 ? [i] : []));
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
