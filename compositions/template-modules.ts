/**
 * The files of the template folders, as the bundle has them: the built-in `templates/` and the
 * user's folder (the `reelpress-user-templates` alias set by compositions/webpack-override.ts).
 * The user's folder comes first, so its template wins over a built-in one of the same name.
 * Webpack reads each call below at build time: the arguments must stay literals.
 */

// node_modules is never walked: a template folder holds its JSON and components, not packages.
const userComponents = import.meta.webpackContext("reelpress-user-templates", {
  recursive: true,
  regExp: /^\.\/[^/]+\/[\w-]+\.tsx$/,
  exclude: /[\\/]node_modules$/,
});
const builtInComponents = import.meta.webpackContext("../templates", {
  recursive: true,
  regExp: /^\.\/[^/]+\/[\w-]+\.tsx$/,
  exclude: /[\\/]node_modules$/,
});
const userJson = import.meta.webpackContext("reelpress-user-templates", {
  recursive: true,
  regExp: /^\.\/[^/]+\/template\.json$/,
  exclude: /[\\/]node_modules$/,
});
const builtInJson = import.meta.webpackContext("../templates", {
  recursive: true,
  regExp: /^\.\/[^/]+\/template\.json$/,
  exclude: /[\\/]node_modules$/,
});

/** The exports of `<template>/<file>`, or undefined when the bundle has no such file. */
export function templateModule(template: string, file: string): Record<string, unknown> | undefined {
  const key = `./${template}/${file}`;
  for (const context of [userComponents, builtInComponents]) {
    if (context.keys().includes(key)) return context(key) as Record<string, unknown>;
  }
  return undefined;
}

/** Every bundled template.json by folder name, as parsed JSON (not yet validated). */
export function templateJsonFiles(): Map<string, unknown> {
  const files = new Map<string, unknown>();
  for (const context of [builtInJson, userJson]) {
    for (const key of context.keys()) files.set(key.split("/")[1]!, context(key));
  }
  return files;
}
