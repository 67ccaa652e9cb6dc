export { writeScript } from "./write-script.js";
export { DEFAULT_SCRIPT_OPTIONS, type ScriptOptions } from "./resolve-script-options.js";
export { splitSentences } from "./split-sentences.js";
