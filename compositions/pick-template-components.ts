import type { ComponentType } from "react";
import { RenderError } from "../src/errors.js";
import type { Theme } from "../src/schema/storyboard.js";
import type { SceneProps } from "./Scene.js";
import type { TemplateLayerProps } from "./template-layer-props.js";

export interface LoadedTemplateComponents {
  /** Draws a scene's picture and text instead of the built-in scene; null keeps the built-in one. */
  Scene: ComponentType<SceneProps> | null;
  /** Drawn above every scene, below the captions, in the order listed. */
  layers: ComponentType<TemplateLayerProps>[];
}

/** A template file's exports, or undefined when the bundle does not have the file. */
export type FindTemplateModule = (template: string, file: string) => Record<string, unknown> | undefined;

function component<P>(theme: Pick<Theme, "template">, file: string, exports: Record<string, unknown> | undefined, named: "Scene" | "Layer"): ComponentType<P> {
  if (exports === undefined) {
    throw new RenderError("E_RENDER", `template "${theme.template}" lists the component ${file}, which the bundle does not have`, {
      hint: `put ${file} next to templates/${theme.template}/template.json, or render with the templates folder that holds it`,
    });
  }
  const found = exports.default ?? exports[named];
  if (typeof found !== "function" && (typeof found !== "object" || found === null)) {
    throw new RenderError("E_RENDER", `template "${theme.template}": ${file} exports no component`, {
      hint: `export the component as the default export or as \`${named}\``,
    });
  }
  return found as ComponentType<P>;
}

/** The components a theme's template lists, looked up with `find` (the bundle's template files). */
export function pickTemplateComponents(theme: Pick<Theme, "template" | "components">, find: FindTemplateModule): LoadedTemplateComponents {
  const { scene, layers } = theme.components;
  return {
    Scene: scene === null ? null : component<SceneProps>(theme, scene, find(theme.template, scene), "Scene"),
    layers: layers.map((file) => component<TemplateLayerProps>(theme, file, find(theme.template, file), "Layer")),
  };
}
