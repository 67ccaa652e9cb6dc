export * from "./article.js";
export * from "./script.js";
export * from "./storyboard.js";
export * from "./config.js";
export { formatIssues, formatPath } from "./format-issues.js";
