import { blockText, type DraftBlock } from "./draft-block.js";
import { imageSource } from "./image-source.js";
import { collapse, tidyLines } from "./whitespace.js";

// Elements that end the current run of inline text. Anything else (span, a, em, math, …) is
// inline and its text joins the paragraph being built.
const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl",
  "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
  "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
  "thead", "tr", "ul", "listing", "xmp",
]);
const SKIP_TAGS = new Set([
  "script", "style", "noscript", "template", "iframe", "video", "audio", "object", "embed", "canvas", "button",
  "input", "select", "textarea", "option", "map", "area", "head", "title", "link", "meta", "source", "track",
]);
const HEADING = /^h([1-6])$/;
// A table row whose cells hold these (or long text) is page layout, not data: its cells are
// read as ordinary content instead of being joined into one line.
const LAYOUT_CELL_CONTENT = "p, ul, ol, dl, h1, h2, h3, h4, h5, h6, blockquote, pre, figure, table, div > div";
const DATA_CELL_MAX_CHARS = 300;
// Small images inside text are icons or emoji; their alt text is part of the sentence.
const ICON_MAX_PX = 32;

/**
 * Turns an article's DOM (Readability's content) into ordered blocks: headings, paragraphs,
 * lists, quotes, images (absolute src, alt, figcaption) and code. Text the article holds is
 * kept even in odd markup (text directly in divs, layout tables); data tables become one
 * paragraph per row with cells separated by " | ".
 */
export function htmlToBlocks(root: Element, baseUrl: string): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  let inline = "";
  let pendingCaption: string | null = null;

  const flush = (): void => {
    const text = tidyLines(inline);
    inline = "";
    if (text) blocks.push({ type: "paragraph", text });
  };

  const walkChildren = (element: Element): void => {
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeType === TEXT_NODE) inline += collapse(child.nodeValue ?? "");
      else if (child.nodeType === ELEMENT_NODE) walkElement(child as Element);
    }
  };

  const walkElement = (element: Element): void => {
    const tag = element.localName;
    if (SKIP_TAGS.has(tag) || element.getAttribute("hidden") !== null) return;
    if (tag === "br") {
      inline += "\n";
      return;
    }
    if (tag === "img" || tag === "picture") {
      if (isIcon(element)) {
        inline += iconText(element);
        return;
      }
      flush();
      addImage(element);
      return;
    }
    if (!BLOCK_TAGS.has(tag)) {
      walkChildren(element);
      return;
    }
    flush();
    const heading = HEADING.exec(tag);
    if (heading) {
      const text = singleLine(inlineText(element));
      if (text) blocks.push({ type: "heading", level: Number(heading[1]), text });
      for (const image of Array.from(element.querySelectorAll("img, picture"))) if (!isIcon(image)) addImage(image);
    } else if (tag === "ul" || tag === "ol" || tag === "menu") {
      addList(element, tag === "ol");
    } else if (tag === "blockquote") {
      addQuote(element);
    } else if (tag === "pre" || tag === "listing" || tag === "xmp") {
      const text = codeText(element);
      if (text.trim()) blocks.push({ type: "code", text });
    } else if (tag === "figure") {
      addFigure(element);
    } else if (tag === "table") {
      addTable(element);
    } else if (tag !== "hr") {
      walkChildren(element);
    }
    flush();
  };

  const addImage = (element: Element): void => {
    const img = element.localName === "picture" ? element.querySelector("img") : element;
    const src = imageSource(element, baseUrl);
    if (!src) return;
    blocks.push({ type: "image", src, alt: singleLine(img?.getAttribute("alt") ?? ""), caption: pendingCaption });
    pendingCaption = null;
  };

  const addList = (list: Element, ordered: boolean): void => {
    const items: string[] = [];
    for (const child of Array.from(list.children)) {
      const text = singleLine(inlineText(child));
      if (text) items.push(text);
    }
    if (items.length) blocks.push({ type: "list", ordered, items });
  };

  const addQuote = (quote: Element): void => {
    const inner = htmlToBlocks(quote, baseUrl);
    const text = inner
      .filter((block) => block.type !== "image")
      .map(blockText)
      .join("\n")
      .trim();
    if (text) blocks.push({ type: "quote", text, cite: quote.getAttribute("cite")?.trim() || null });
    for (const block of inner) if (block.type === "image") blocks.push(block);
  };

  const addFigure = (figure: Element): void => {
    const captionElement = Array.from(figure.children).find((child) => child.localName === "figcaption");
    const caption = captionElement ? singleLine(inlineText(captionElement)) || null : null;
    const before = blocks.length;
    pendingCaption = caption;
    for (const child of Array.from(figure.childNodes)) {
      if (child === captionElement) continue;
      if (child.nodeType === TEXT_NODE) inline += collapse(child.nodeValue ?? "");
      else if (child.nodeType === ELEMENT_NODE) walkElement(child as Element);
    }
    flush();
    const usedCaption = pendingCaption === null && blocks.slice(before).some((block) => block.type === "image");
    pendingCaption = null;
    if (caption && !usedCaption) blocks.push({ type: "paragraph", text: caption });
  };

  const addTable = (table: Element): void => {
    const rows = Array.from(table.querySelectorAll("tr")).filter((row) => row.closest("table") === table);
    if (isSingleColumn(rows) || table.querySelector("table")) {
      walkChildren(table);
      return;
    }
    const caption = Array.from(table.children).find((child) => child.localName === "caption");
    const captionText = caption ? singleLine(inlineText(caption)) : "";
    if (captionText) blocks.push({ type: "paragraph", text: captionText });
    for (const row of rows) {
      const cells = cellsOf(row);
      if (cells.some(isLayoutCell)) {
        for (const cell of cells) walkElement(cell);
        continue;
      }
      for (const image of Array.from(row.querySelectorAll("img, picture"))) if (!isIcon(image)) addImage(image);
      const texts = cells.map((cell) => singleLine(inlineText(cell))).filter(Boolean);
      if (texts.length) blocks.push({ type: "paragraph", text: texts.join(" | ") });
    }
  };

  walkChildren(root);
  flush();
  return blocks;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Text of an element with <br> and block boundaries as newlines, skipping scripts and the like. */
function inlineText(element: Element): string {
  let out = "";
  const visit = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      out += collapse(node.nodeValue ?? "");
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const child = node as Element;
    const tag = child.localName;
    if (SKIP_TAGS.has(tag)) return;
    if (tag === "br") {
      out += "\n";
      return;
    }
    if (tag === "img") {
      if (isIcon(child)) out += iconText(child);
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) out += "\n";
    for (const grandchild of Array.from(child.childNodes)) visit(grandchild);
    if (block) out += "\n";
  };
  for (const child of Array.from(element.childNodes)) visit(child);
  return out;
}

/** Text of a <pre>, keeping its whitespace; <br> and block children (from highlighters or Readability's <br> clean-up) are line breaks. */
function codeText(element: Element): string {
  let out = "";
  const newline = (): void => {
    if (out && !out.endsWith("\n")) out += "\n";
  };
  const visit = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      out += node.nodeValue ?? "";
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const child = node as Element;
    if (SKIP_TAGS.has(child.localName)) return;
    if (child.localName === "br") {
      out += "\n";
      return;
    }
    const block = BLOCK_TAGS.has(child.localName);
    if (block) newline();
    for (const grandchild of Array.from(child.childNodes)) visit(grandchild);
    if (block) newline();
  };
  for (const child of Array.from(element.childNodes)) visit(child);
  return out.replace(/\u00a0/g, " ").replace(/^\s*\n/, "").trimEnd();
}

function singleLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function isIcon(image: Element): boolean {
  const img = image.localName === "picture" ? image.querySelector("img") : image;
  if (!img) return false;
  if (/\b(emoji|wp-smiley|icon)\b/i.test(img.getAttribute("class") ?? "")) return true;
  // One small dimension is enough: a 20-pixel-wide picture is a symbol, whatever its height.
  const width = pixels(img.getAttribute("width"));
  const height = pixels(img.getAttribute("height"));
  return (width !== null && width <= ICON_MAX_PX) || (height !== null && height <= ICON_MAX_PX);
}

// An emoji image's alt is the emoji itself; longer alt text on a small image labels a button
// or arrow ("back to the previous page") and is not part of the sentence.
const ICON_TEXT_MAX_CHARS = 3;

function iconText(image: Element): string {
  const alt = (image.localName === "picture" ? image.querySelector("img") : image)?.getAttribute("alt")?.trim() ?? "";
  return [...alt].length <= ICON_TEXT_MAX_CHARS ? alt : "";
}

/** `20`, `20px` → 20; percentages and junk → null. */
function pixels(value: string | null): number | null {
  const match = value ? /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/i.exec(value) : null;
  return match ? Number(match[1]) : null;
}

function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((cell) => cell.localName === "td" || cell.localName === "th");
}

function isSingleColumn(rows: Element[]): boolean {
  return rows.every((row) => cellsOf(row).length <= 1);
}

function isLayoutCell(cell: Element): boolean {
  return cell.querySelector(LAYOUT_CELL_CONTENT) !== null || (cell.textContent ?? "").length > DATA_CELL_MAX_CHARS;
}
