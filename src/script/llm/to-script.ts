import type { Article } from "../../schema/article.js";
import type { SceneKind, SceneScript, Script } from "../../schema/script.js";
import { readingWords } from "../../text/text-units.js";
import { checkFaithfulness, type ArticleFacts } from "./check-faithfulness.js";
import type { LlmScript } from "./llm-script-schema.js";

export interface ToScriptResult {
  /** Not yet checked against ScriptSchema; the caller parses it. */
  script: Script;
  warnings: string[];
}

function kindAt(index: number, count: number): SceneKind {
  if (index === 0) return "title";
  return index === count - 1 ? "closing" : "content";
}

/** The local scene to borrow narration from: same kind, and for content the nearest position. */
function localSceneFor(local: Script, kind: SceneKind, index: number): SceneScript {
  const scenes = local.scenes;
  if (kind === "title") return scenes[0]!;
  if (kind === "closing") return scenes.at(-1)!;
  const content = scenes.filter((scene) => scene.kind === "content");
  return content[Math.min(index - 1, content.length - 1)] ?? scenes[0]!;
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Turns the model's checked answer into a Script: scene ids and kinds from position, block ids
 * limited to the article's, and every narration checked against the article's facts. A sentence
 * with an invented number is dropped; a scene left without narration reads the local writer's.
 */
export function toScript(article: Article, answer: LlmScript, facts: ArticleFacts, local: Script, budgetWords: number): ToScriptResult {
  const warnings: string[] = [];
  const blockIds = new Set(article.blocks.map((block) => block.id));
  const count = answer.scenes.length;
  const scenes: SceneScript[] = answer.scenes.map((scene, index) => {
    const id = `s${index + 1}`;
    const kind = kindAt(index, count);
    const report = checkFaithfulness(scene.narration.trim(), facts, article.lang);
    let narration = report.narration;
    if (report.inventedNumbers.length > 0) {
      warnings.push(`scene ${id}: removed narration with numbers the article does not contain (${report.inventedNumbers.join(", ")})`);
    }
    if (report.unknownNames.length > 0) {
      warnings.push(`scene ${id}: names not found in the article: ${report.unknownNames.join(", ")}`);
    }
    const fallback = localSceneFor(local, kind, index);
    if (!narration) {
      narration = fallback.narration;
      warnings.push(`scene ${id}: no faithful narration was left; used the local writer's narration`);
    }
    const keywords = unique(scene.keywords.map((keyword) => keyword.trim()));
    for (const keyword of fallback.keywords) if (keywords.length < 3 && !keywords.includes(keyword)) keywords.push(keyword);
    return {
      id,
      kind,
      headline: scene.headline.trim(),
      narration,
      keywords: keywords.slice(0, 6),
      sourceBlockIds: unique(scene.sourceBlockIds.map((ref) => ref.replace(/[[\]\s]/gu, ""))).filter((ref) => blockIds.has(ref)),
      queries: unique(scene.queries.map((query) => query.trim())).slice(0, 3),
      visual: scene.visual.trim(),
      mood: scene.mood,
    };
  });
  const words = Math.round(scenes.reduce((sum, scene) => sum + readingWords(scene.narration), 0));
  if (words > budgetWords * 1.25) {
    warnings.push(`the LLM's narration is ${words} words, over the budget of ${Math.round(budgetWords)}; the video will run longer than asked`);
  }
  return { script: { title: article.title, lang: article.lang, scenes }, warnings };
}
