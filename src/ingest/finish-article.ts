import { InputError } from "../errors.js";
import { ArticleSchema, type Article, type Block } from "../schema/article.js";
import { formatIssues } from "../schema/format-issues.js";
import { countWords } from "./count-words.js";
import { detectLanguage, dominantScript } from "./detect-language.js";
import { blockText, type DraftBlock } from "./draft-block.js";
import { isBoilerplate } from "./is-boilerplate.js";
import { isBylineBlock } from "./is-byline-block.js";

/** Fewer words than this in the body and there is no article to make a video of. */
export const MIN_ARTICLE_WORDS = 25;
const EXCERPT_CHARS = 200;
/** A byline or dateline sits under the headline: only this many leading text blocks are checked for one. */
const BYLINE_BLOCKS = 4;

export interface ArticleDraft {
  source: string;
  url: string | null;
  /** Candidate titles, best first; the first non-empty one is used. */
  titles: ReadonlyArray<string | null | undefined>;
  byline: string | null;
  siteName: string | null;
  /** The language the page declares, already normalised; detected from the text when null. */
  lang: string | null;
  dir: "ltr" | "rtl" | null;
  publishedTime: string | null;
  excerpt: string | null;
  leadImage: { src: string; alt: string } | null;
  blocks: DraftBlock[];
}

/**
 * Cleans the blocks (drops empty and boilerplate ones, a leading heading that repeats the
 * title and a leading byline/dateline paragraph), numbers them b0, b1, …, derives text, word count and language, and checks the result
 * against ArticleSchema. Throws E_NOT_READABLE when too little text is left.
 */
export function finishArticle(draft: ArticleDraft): Article {
  const title = draft.titles.map((candidate) => (candidate ?? "").replace(/\s+/g, " ").trim()).find(Boolean) ?? "";
  const cleaned = dropBylineBlocks(
    dropTitleHeading(dropTableOfContents(dropRepeatedImages(draft.blocks.flatMap(cleanBlock))), title),
    draft.byline,
  );
  const blocks: Block[] = cleaned.map((block, index) => ({ ...block, id: `b${index}` }) as Block);
  const text = cleaned.map(blockText).filter(Boolean).join("\n\n");
  const wordCount = countWords(text);
  if (wordCount < MIN_ARTICLE_WORDS || !blocks.length) {
    throw new InputError("E_NOT_READABLE", `No article found in ${draft.source} (${wordCount} words of text)`, {
      hint: "the page may need JavaScript or a login, or hold no article; pass a Markdown or text file instead",
    });
  }
  const lang = checkedLanguage(draft.lang, `${title}\n${text}`);
  const article = {
    source: draft.source,
    url: draft.url,
    title: title || fallbackTitle(cleaned),
    byline: nullIfEmpty(draft.byline),
    siteName: nullIfEmpty(draft.siteName),
    lang,
    dir: draft.dir ?? (RTL_LANGUAGES.has(lang.split("-")[0]!) ? "rtl" : null),
    publishedTime: nullIfEmpty(draft.publishedTime),
    excerpt: nullIfEmpty(draft.excerpt) ?? excerptFrom(cleaned),
    leadImage: draft.leadImage,
    blocks,
    text,
    wordCount,
  };
  const parsed = ArticleSchema.safeParse(article);
  if (!parsed.success) {
    throw new InputError("E_NOT_READABLE", `Could not build an article from ${draft.source}: ${formatIssues(parsed.error)}`, {
      hint: "pass a Markdown or text file instead",
    });
  }
  return parsed.data;
}

const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "yi", "ps"]);

function cleanBlock(block: DraftBlock): DraftBlock[] {
  switch (block.type) {
    case "heading": {
      // Wiki section headings carry their edit link: "History[edit]".
      const text = tidy(block.text).replace(/\s*\[\s*edit\s*\]$/i, "");
      return text && !isBoilerplate(text) ? [{ ...block, text }] : [];
    }
    case "paragraph": {
      const text = tidy(block.text);
      return text && !isBoilerplate(text) ? [{ ...block, text }] : [];
    }
    case "list": {
      const items = block.items.map(tidy).filter((item) => item && !isBoilerplate(item));
      return items.length ? [{ ...block, items }] : [];
    }
    case "quote": {
      const text = block.text.trim();
      return text ? [{ ...block, text }] : [];
    }
    case "code":
      return block.text.trim() ? [block] : [];
    case "image":
      return [{ ...block, alt: tidy(block.alt), caption: nullIfEmpty(block.caption) }];
  }
}

const CONTENTS_HEADING = /^(contents|table of contents|in this article|on this page|inhalt|inhaltsverzeichnis|sommaire|contenido|índice|indice|目次|目录|目錄)$/i;

/** Drops a "Contents" heading and the list of links under it: a table of contents is navigation, not article. */
function dropTableOfContents(blocks: DraftBlock[]): DraftBlock[] {
  return blocks.filter((block, index) => {
    const next = blocks[index + 1];
    const previous = blocks[index - 1];
    if (block.type === "heading" && CONTENTS_HEADING.test(block.text) && next?.type === "list") return false;
    if (block.type === "list" && previous?.type === "heading" && CONTENTS_HEADING.test(previous.text)) return false;
    return true;
  });
}

/** Keeps the first of several image blocks with the same address (galleries and icons repeat them). */
function dropRepeatedImages(blocks: DraftBlock[]): DraftBlock[] {
  const seen = new Set<string>();
  return blocks.filter((block) => {
    if (block.type !== "image") return true;
    if (seen.has(block.src)) return false;
    seen.add(block.src);
    return true;
  });
}

/** Drops the first heading if it comes before any body text and repeats the title. */
function dropTitleHeading(blocks: DraftBlock[], title: string): DraftBlock[] {
  const wanted = comparable(title);
  if (!wanted) return blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === "image") continue;
    if (block.type !== "heading") return blocks;
    const heading = comparable(block.text);
    const repeats = heading === wanted || (heading.length >= wanted.length * 0.6 && wanted.includes(heading)) ||
      (wanted.length >= heading.length * 0.6 && heading.includes(wanted));
    return repeats ? [...blocks.slice(0, i), ...blocks.slice(i + 1)] : blocks;
  }
  return blocks;
}

/**
 * Drops, among the first few text blocks, paragraphs that only repeat the byline and date
 * ("By Maya Castellanos · February 19, 2025"): they are metadata the narration would read out.
 */
function dropBylineBlocks(blocks: DraftBlock[], byline: string | null): DraftBlock[] {
  let textBlocks = 0;
  return blocks.filter((block) => {
    if (block.type === "image" || textBlocks >= BYLINE_BLOCKS) return true;
    textBlocks++;
    return !(block.type === "paragraph" && isBylineBlock(block.text, byline));
  });
}

/**
 * The declared language, unless the text is plainly in another writing system (a page saying
 * lang="en" around Japanese text); detected from the text when nothing is declared.
 */
function checkedLanguage(declared: string | null, text: string): string {
  const detected = detectLanguage(text);
  if (!declared) return detected ?? "und";
  const script = dominantScript(text);
  const primary = declared.split("-")[0]!;
  const cjkDeclared = primary === "zh" || primary === "ja" || primary === "ko";
  if (detected && script !== null && script !== "latin" && !cjkDeclared && detected.split("-")[0] !== primary) return detected;
  if (detected && script === "latin" && cjkDeclared) return detected;
  // "zh" alone says nothing about simplified or traditional script; the text does.
  if (declared === "zh" && detected?.startsWith("zh-")) return detected;
  return declared;
}

function excerptFrom(blocks: DraftBlock[]): string | null {
  const paragraph = blocks.find((block) => block.type === "paragraph");
  if (!paragraph || paragraph.type !== "paragraph") return null;
  const text = paragraph.text.replace(/\s+/g, " ");
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(" ");
  return `${(space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function fallbackTitle(blocks: DraftBlock[]): string {
  const first = blocks.map(blockText).find(Boolean) ?? "Untitled";
  const line = first.split("\n")[0]!.trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

function tidy(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

function nullIfEmpty(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text : null;
}
