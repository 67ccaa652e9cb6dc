export { extractArticle } from "./extract-article.js";
export { isUrlLike } from "./is-url-like.js";
export { DEFAULT_INGEST_OPTIONS, type IngestOptions, type IngestProgress } from "./ingest-options.js";
export { fetchBytes, type FetchBytesOptions, type FetchedBytes } from "./fetch-bytes.js";
export { USER_AGENT } from "./fetch-url.js";
export { detectLanguage } from "./detect-language.js";
