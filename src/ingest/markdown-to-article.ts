import { lexer, type Token, type Tokens } from "marked";
import type { Article } from "../schema/article.js";
import type { DraftBlock } from "./draft-block.js";
import { finishArticle } from "./finish-article.js";
import { parseFrontMatter } from "./parse-front-matter.js";
import { normalizeLangTag } from "./normalize-lang-tag.js";
import { absoluteUrl } from "./absolute-url.js";
import { collapse, tidyLines } from "./whitespace.js";

export interface TextSource {
  text: string;
  /** Address relative image paths resolve against (the file: URL or the fetched URL). */
  baseUrl: string;
  source: string;
  url: string | null;
  /** Used as the title when the document offers none (a file name). */
  fallbackTitle: string;
}

/**
 * Reads Markdown with marked's lexer: headings, paragraphs, lists, quotes, images (caption
 * from the image title or an emphasised line right after it), code and tables. The title is
 * front matter `title:` or the first h1; author, date, lang, site and image front-matter
 * fields fill the rest.
 */
export function markdownToArticle(input: TextSource): Article {
  const { fields, body } = parseFrontMatter(input.text);
  const field = (...keys: string[]): string | null => keys.map((key) => fields.get(key)).find(Boolean) ?? null;
  const tokens = lexer(body);
  const blocks = tokensToBlocks(tokens, input.baseUrl);
  const firstH1 = tokens.find((token): token is Tokens.Heading => token.type === "heading" && token.depth === 1);
  const firstHeading = blocks.find((block) => block.type === "heading");
  const image = absoluteUrl(field("image", "cover", "cover_image", "lead_image", "og_image"), input.baseUrl);
  return finishArticle({
    source: input.source,
    url: field("canonical_url", "canonical", "url") ?? input.url,
    titles: [
      field("title"),
      firstH1 ? inlineText(firstH1.tokens) : null,
      firstHeading?.type === "heading" ? firstHeading.text : null,
      input.fallbackTitle,
    ],
    byline: field("author", "byline", "authors"),
    siteName: field("site", "sitename", "site_name"),
    lang: normalizeLangTag(field("lang", "language", "locale")),
    dir: null,
    publishedTime: field("date", "published", "publishedtime", "published_time", "pubdate"),
    excerpt: field("description", "excerpt", "summary", "subtitle"),
    leadImage: image ? { src: image, alt: field("image_alt", "imagealt") ?? "" } : null,
    blocks,
  });
}

function tokensToBlocks(tokens: Token[], baseUrl: string): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case "heading": {
        const heading = token as Tokens.Heading;
        blocks.push({ type: "heading", level: heading.depth, text: inlineText(heading.tokens) });
        break;
      }
      case "paragraph":
        addParagraph(blocks, (token as Tokens.Paragraph).tokens, baseUrl);
        break;
      case "text": {
        const text = token as Tokens.Text;
        addParagraph(blocks, text.tokens ?? [{ type: "text", raw: text.raw, text: text.text } as Tokens.Text], baseUrl);
        break;
      }
      case "list": {
        const list = token as Tokens.List;
        const items = list.items.map((item) => flatText(item.tokens)).filter(Boolean);
        if (items.length) blocks.push({ type: "list", ordered: list.ordered, items });
        break;
      }
      case "blockquote": {
        const quote = token as Tokens.Blockquote;
        blocks.push({ type: "quote", text: flatText(quote.tokens, "\n"), cite: null });
        break;
      }
      case "code":
        blocks.push({ type: "code", text: (token as Tokens.Code).text });
        break;
      case "table": {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) {
          const cells = row.map((cell) => inlineText(cell.tokens)).filter(Boolean);
          if (cells.length) blocks.push({ type: "paragraph", text: cells.join(" | ") });
        }
        break;
      }
      case "html": {
        const text = stripHtml((token as Tokens.HTML).text);
        if (text) blocks.push({ type: "paragraph", text });
        break;
      }
      default:
        // hr, space and link definitions carry no article text.
        break;
    }
  }
  return blocks;
}

/**
 * A paragraph's inline tokens, split where images stand: text runs become paragraphs, images
 * become image blocks. An image's caption is its title, or an emphasised line right after it
 * (in the same paragraph or as the whole next paragraph).
 */
function addParagraph(blocks: DraftBlock[], tokens: Token[], baseUrl: string): void {
  const previous = blocks[blocks.length - 1];
  if (previous?.type === "image" && previous.caption === null && isEmphasisOnly(tokens)) {
    previous.caption = inlineText(tokens);
    return;
  }
  let run: Token[] = [];
  const flushRun = (): void => {
    const text = inlineText(run);
    run = [];
    if (text) blocks.push({ type: "paragraph", text });
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const image = imageOf(token);
    if (!image) {
      run.push(token);
      continue;
    }
    flushRun();
    const src = absoluteUrl(image.href, baseUrl);
    if (!src) continue;
    let caption = image.title ? image.title.trim() : null;
    const rest = tokens.slice(i + 1);
    if (!caption && isEmphasisOnly(rest)) {
      caption = inlineText(rest);
      i = tokens.length;
    }
    blocks.push({ type: "image", src, alt: image.text, caption });
  }
  flushRun();
}

/** An image token, also when it is wrapped in a link (`[![alt](src)](href)`). */
function imageOf(token: Token): Tokens.Image | null {
  if (token.type === "image") return token as Tokens.Image;
  if (token.type === "link") {
    const inner = (token as Tokens.Link).tokens.filter((child) => !isBlank(child));
    if (inner.length === 1 && inner[0]!.type === "image") return inner[0] as Tokens.Image;
  }
  return null;
}

function isEmphasisOnly(tokens: Token[]): boolean {
  const meaningful = tokens.filter((token) => !isBlank(token));
  return meaningful.length === 1 && (meaningful[0]!.type === "em" || meaningful[0]!.type === "strong");
}

function isBlank(token: Token): boolean {
  return token.type === "br" || (token.type === "text" && !(token as Tokens.Text).text.trim());
}

/** Plain text of inline tokens; soft line breaks become spaces, hard breaks stay newlines. */
function inlineText(tokens: Token[] | undefined): string {
  return tidyLines(rawInlineText(tokens));
}

function rawInlineText(tokens: Token[] | undefined): string {
  if (!tokens) return "";
  let out = "";
  for (const token of tokens) {
    switch (token.type) {
      case "br":
        out += "\n";
        break;
      case "image":
        out += collapse((token as Tokens.Image).text);
        break;
      case "html":
        out += stripHtml((token as Tokens.HTML).text);
        break;
      case "codespan":
      case "escape":
        out += collapse(decodeEntities((token as Tokens.Codespan).text));
        break;
      default: {
        const withChildren = token as Tokens.Generic;
        if (Array.isArray(withChildren.tokens) && withChildren.tokens.length) out += rawInlineText(withChildren.tokens as Token[]);
        else if (typeof withChildren.text === "string") out += collapse(decodeEntities(withChildren.text));
      }
    }
  }
  return out;
}

/** Text of block tokens (a list item, a quote), nested blocks joined by `separator`. */
function flatText(tokens: Token[], separator = " "): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === "list") {
      for (const item of (token as Tokens.List).items) parts.push(flatText(item.tokens, separator));
    } else if (token.type === "blockquote") {
      parts.push(flatText((token as Tokens.Blockquote).tokens, separator));
    } else if (token.type === "code") {
      parts.push((token as Tokens.Code).text);
    } else if (token.type === "paragraph" || token.type === "text" || token.type === "heading") {
      const withTokens = token as Tokens.Paragraph;
      parts.push(withTokens.tokens ? inlineText(withTokens.tokens) : withTokens.text);
    } else if (token.type === "html") {
      parts.push(stripHtml((token as Tokens.HTML).text));
    }
  }
  const joined = parts.filter(Boolean).join(separator);
  return separator === " " ? joined.replace(/\s+/g, " ").trim() : joined.trim();
}

function stripHtml(html: string): string {
  return decodeEntities(html.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
