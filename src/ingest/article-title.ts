export interface TitleSources {
  /** The title Readability chose (from JSON-LD, meta tags or <title>). */
  readabilityTitle: string | null | undefined;
  /** `document.title` of the original page. */
  documentTitle: string;
  /** Text of the page's h1 and h2 elements, before Readability changed the DOM. */
  headings: ReadonlyArray<{ level: 1 | 2; text: string }>;
}

// Readability 0.6 splits "<title>" only at | - \ / > » ; en and em dashes are just as common
// as site separators ("Story — Site"), and newer Readability treats them so. Without them a
// title like "Evolve: Shared Mutable History — evolve extension for Mercurial" is cut at the
// colon instead.
const READABILITY_SEPARATORS = "|\\-\\\\/>»";
const SEPARATORS = `${READABILITY_SEPARATORS}–—`;

/**
 * The article title: Readability's, except that when Readability derived it from <title> it is
 * derived again with en/em dashes also counted as separators.
 */
export function articleTitle(sources: TitleSources): string {
  const readability = normalize(sources.readabilityTitle ?? "");
  const fromDocument = titleFromDocumentTitle(sources.documentTitle, sources.headings, READABILITY_SEPARATORS);
  if (readability && readability !== fromDocument) return readability;
  return titleFromDocumentTitle(sources.documentTitle, sources.headings, SEPARATORS) || readability;
}

/** Readability's `_getArticleTitle` rules with a configurable separator set. */
function titleFromDocumentTitle(documentTitle: string, headings: TitleSources["headings"], separators: string): string {
  const original = documentTitle.trim();
  let title = original;
  let hadHierarchicalSeparators = false;
  const separator = new RegExp(` [${separators}] `);
  if (separator.test(title)) {
    hadHierarchicalSeparators = / [\\/>»] /.test(title);
    const all = Array.from(original.matchAll(new RegExp(` [${separators}] `, "g")));
    title = original.substring(0, all[all.length - 1]!.index);
    if (wordCount(title) < 3) title = original.replace(new RegExp(`^[^${separators}]*[${separators}]`), "");
  } else if (title.includes(": ")) {
    const exact = headings.some((heading) => heading.text.trim() === title);
    if (!exact) {
      title = original.substring(original.lastIndexOf(":") + 1);
      if (wordCount(title) < 3) title = original.substring(original.indexOf(":") + 1);
      else if (wordCount(original.substring(0, original.indexOf(":"))) > 5) title = original;
    }
  } else if (title.length > 150 || title.length < 15) {
    const h1s = headings.filter((heading) => heading.level === 1);
    if (h1s.length === 1) title = h1s[0]!.text;
  }
  title = normalize(title);
  const words = wordCount(title);
  if (
    words <= 4 &&
    (!hadHierarchicalSeparators || words !== wordCount(original.replace(new RegExp(`[${separators}]+`, "g"), "")) - 1)
  ) {
    title = normalize(original);
  }
  return title;
}

function wordCount(text: string): number {
  return text.split(/\s+/).length;
}

function normalize(text: string): string {
  return text.replace(/\s{2,}/g, " ").trim();
}
