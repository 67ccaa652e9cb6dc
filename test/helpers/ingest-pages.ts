export interface ArticlePageOptions {
  title: string;
  paragraphs: readonly string[];
  /** Extra markup for <head> (meta tags). */
  head?: string;
  /** Extra markup placed in the article after the paragraphs. */
  extra?: string;
  /** The <html lang> attribute; omitted when undefined. */
  lang?: string;
}

/** A small news-like page that Readability recognises as an article. */
export function articlePage(options: ArticlePageOptions): string {
  const lang = options.lang === undefined ? "" : ` lang="${options.lang}"`;
  const paragraphs = options.paragraphs.map((text) => `      <p>${text}</p>`).join("\n");
  return `<!DOCTYPE html>
<html${lang}>
<head>
  <title>${options.title}</title>
  ${options.head ?? ""}
</head>
<body>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav>
  <main>
    <article>
      <h1>${options.title}</h1>
${paragraphs}
      ${options.extra ?? ""}
    </article>
  </main>
  <footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body>
</html>
`;
}

/** A few sentences of filler prose, enough for Readability to take the page as an article. */
export const ENGLISH_FILLER = [
  "The harbour town wakes early, long before the ferries start their engines and the first visitors arrive with cameras, maps and a vague plan for the day ahead.",
  "Fishermen mend their nets on the quay, trading news about the weather, the price of fuel and the new rules that the council announced at the start of the season.",
  "By noon the market square is full, and the smell of grilled sardines drifts over the stalls where farmers sell cheese, honey, olives and bread still warm from the oven.",
];
