import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { htmlToBlocks } from "../src/ingest/html-to-blocks.js";
import { isBoilerplate } from "../src/ingest/is-boilerplate.js";
import { finishArticle, type ArticleDraft } from "../src/ingest/finish-article.js";
import type { DraftBlock } from "../src/ingest/draft-block.js";

const BASE = "https://news.example/2024/story.html";

function blocksOf(html: string): DraftBlock[] {
  const dom = new JSDOM(`<div id="root">${html}</div>`, { url: BASE });
  return htmlToBlocks(dom.window.document.getElementById("root")!, BASE);
}

const LONG =
  "Enough words are needed here so that the article passes the minimum length check, which is there to refuse empty pages, link lists and other pages that hold no article at all.";

function draft(blocks: DraftBlock[], title = "The story"): ArticleDraft {
  return {
    source: BASE,
    url: BASE,
    titles: [title],
    byline: null,
    siteName: null,
    lang: "en",
    dir: null,
    publishedTime: null,
    excerpt: null,
    leadImage: null,
    blocks,
  };
}

describe("htmlToBlocks", () => {
  it("keeps text that sits directly in divs, split around nested blocks, in document order", () => {
    expect(blocksOf("<div>Loose text <b>in bold</b><p>A paragraph.</p>More loose text</div>")).toEqual([
      { type: "paragraph", text: "Loose text in bold" },
      { type: "paragraph", text: "A paragraph." },
      { type: "paragraph", text: "More loose text" },
    ]);
  });

  it("keeps <br> line breaks inside a paragraph and collapses other whitespace", () => {
    expect(blocksOf("<p>Roses  are\n red,<br>violets are blue</p>")).toEqual([{ type: "paragraph", text: "Roses are red,\nviolets are blue" }]);
  });

  it("reads headings with their level and lists with their items", () => {
    expect(blocksOf("<h3>Step <em>two</em></h3><ol><li>Mix</li><li>Bake <ul><li>hot</li></ul></li></ol>")).toEqual([
      { type: "heading", level: 3, text: "Step two" },
      { type: "list", ordered: true, items: ["Mix", "Bake hot"] },
    ]);
  });

  it("reads a blockquote with its cite and a pre as code with its line breaks", () => {
    expect(
      blocksOf(
        '<blockquote cite="https://q.example"><p>First line.</p><p>Second line.</p></blockquote><pre><code><span>let a = 1;</span><br><span>  return a;</span></code></pre>',
      ),
    ).toEqual([
      { type: "quote", text: "First line.\nSecond line.", cite: "https://q.example" },
      { type: "code", text: "let a = 1;\n  return a;" },
    ]);
  });

  it("turns figures into images with captions and resolves their addresses", () => {
    expect(blocksOf('<figure><picture><source srcset="/a-800.webp 800w, /a-1600.webp 1600w"><img src="a.jpg" alt="A"></picture><figcaption>The <i>caption</i></figcaption></figure>')).toEqual([
      { type: "image", src: "https://news.example/a-1600.webp", alt: "A", caption: "The caption" },
    ]);
  });

  it("keeps a figure's caption as text when its image has no usable address", () => {
    expect(blocksOf('<figure><img src="data:image/gif;base64,R0lGOD" alt=""><figcaption>Chart of sales</figcaption></figure>')).toEqual([
      { type: "paragraph", text: "Chart of sales" },
    ]);
  });

  it("treats small images as inline icons: emoji alt text stays in the sentence, labels do not", () => {
    expect(blocksOf('<p>Great <img src="/smile.png" width="16" height="16" alt="😀"> news <img src="/next.png" width="20px" alt="next page"></p>')).toEqual([
      { type: "paragraph", text: "Great 😀 news" },
    ]);
  });

  it("turns a data table into one paragraph per row", () => {
    expect(blocksOf("<table><caption>Results</caption><tr><th>Team</th><th>Points</th></tr><tr><td>Reds</td><td>12</td></tr></table>")).toEqual([
      { type: "paragraph", text: "Results" },
      { type: "paragraph", text: "Team | Points" },
      { type: "paragraph", text: "Reds | 12" },
    ]);
  });

  it("reads a layout table's cells as ordinary content", () => {
    expect(blocksOf("<table><tr><td><p>Left column text.</p></td><td><h2>Right</h2><p>Right column text.</p></td></tr></table>")).toEqual([
      { type: "paragraph", text: "Left column text." },
      { type: "heading", level: 2, text: "Right" },
      { type: "paragraph", text: "Right column text." },
    ]);
  });

  it("skips scripts, styles, forms and embedded players", () => {
    expect(blocksOf('<p>Kept</p><script>var x = 1;</script><style>p{}</style><iframe src="https://v.example"></iframe><button>Share</button>')).toEqual([
      { type: "paragraph", text: "Kept" },
    ]);
  });
});

describe("isBoilerplate", () => {
  it.each(["Advertisement", "ADVERTISEMENT", "Continue reading the main story", "Share on Facebook Share on Twitter", "Tweet", "  Share this article  ", "Email", "•"])(
    "drops %j",
    (text) => {
      expect(isBoilerplate(text)).toBe(true);
    },
  );

  it.each(["The advertisement industry is changing fast.", "Share prices fell on Monday.", "Facebook announced a new product today.", "Print media"])(
    "keeps %j",
    (text) => {
      expect(isBoilerplate(text)).toBe(false);
    },
  );
});

describe("finishArticle", () => {
  it("numbers blocks, drops boilerplate, a repeated title heading, repeated images and a table of contents", () => {
    const article = finishArticle(
      draft([
        { type: "heading", level: 1, text: "The Story" },
        { type: "image", src: "https://news.example/a.jpg", alt: "", caption: null },
        { type: "paragraph", text: "Advertisement" },
        { type: "paragraph", text: LONG },
        { type: "heading", level: 2, text: "Contents" },
        { type: "list", ordered: false, items: ["1 History", "2 Legacy"] },
        { type: "heading", level: 2, text: "History[edit]" },
        { type: "image", src: "https://news.example/a.jpg", alt: "", caption: null },
        { type: "paragraph", text: "   " },
      ]),
    );
    expect(article.blocks).toEqual([
      { type: "image", id: "b0", src: "https://news.example/a.jpg", alt: "", caption: null },
      { type: "paragraph", id: "b1", text: LONG },
      { type: "heading", id: "b2", level: 2, text: "History" },
    ]);
    expect(article.text).toBe(`${LONG}\n\nHistory`);
    expect(article.excerpt).toBe(LONG);
  });

  it("keeps a first heading that is not the title", () => {
    const article = finishArticle(draft([{ type: "heading", level: 2, text: "Background" }, { type: "paragraph", text: LONG }]));
    expect(article.blocks[0]).toMatchObject({ type: "heading", text: "Background" });
  });

  it("trusts a declared language unless the text is plainly in another script", () => {
    const japanese = "市議会は火曜日、古い橋を修理のために閉鎖することを決めました。工事が終わるまで、人々はフェリーで川を渡ることになります。";
    const declaredEnglish = finishArticle(draft([{ type: "paragraph", text: japanese }]));
    expect(declaredEnglish.lang).toBe("ja");
    const declaredSpanish = finishArticle({ ...draft([{ type: "paragraph", text: LONG }]), lang: "es" });
    expect(declaredSpanish.lang).toBe("es");
  });

  it("refuses fewer than 25 words as E_NOT_READABLE", () => {
    expect(() => finishArticle(draft([{ type: "paragraph", text: "Only a handful of words." }]))).toThrow(
      expect.objectContaining({ code: "E_NOT_READABLE" }),
    );
  });
});
