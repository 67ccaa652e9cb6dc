import { describe, expect, it } from "vitest";
import { UsageError } from "../src/errors.js";
import { blockText, type DraftBlock } from "../src/ingest/draft-block.js";
import { ArticleSchema, countHeadlineWords, type Article, type Block, type Script } from "../src/schema/index.js";
import { DEFAULT_SCRIPT_OPTIONS, splitSentences, writeScript } from "../src/script/index.js";
import { isStopword } from "../src/script/is-stopword.js";
import { makeHeadline } from "../src/script/make-headline.js";
import { titleHeadline } from "../src/script/title-headline.js";
import { readingWords } from "../src/text/text-units.js";



function makeArticle(fields: { title: string; lang?: string; siteName?: string | null; excerpt?: string | null; url?: string | null }, blocks: DraftBlock[]): Article {
  const withIds = blocks.map((block, i) => ({ ...block, id: `b${i}` }));
  const text = withIds.map((block) => blockText(block as Block)).filter(Boolean).join("\n\n");
  return ArticleSchema.parse({
    source: fields.url ?? "file:///tmp/article.html",
    url: fields.url ?? null,
    title: fields.title,
    byline: null,
    siteName: fields.siteName === undefined ? "Riverside Courier" : fields.siteName,
    lang: fields.lang ?? "en",
    dir: null,
    publishedTime: null,
    excerpt: fields.excerpt ?? null,
    leadImage: null,
    blocks: withIds,
    text,
    wordCount: text.split(/\s+/).filter(Boolean).length,
  });
}

const p = (text: string): DraftBlock => ({ type: "paragraph", text });
const h = (text: string, level = 2): DraftBlock => ({ type: "heading", level, text });

/** A news story with four sections and enough text for two minutes. */
const cityArticle = makeArticle(
  {
    title: "Riverside opens twelve kilometres of protected bike lanes across the old harbour district",
    excerpt: "The city finished its largest cycling project on Monday.",
    url: "https://courier.example/news/bike-lanes",
  },
  [
    p("Riverside opened twelve kilometres of protected bike lanes on Monday, the largest cycling project in the city's history. Mayor Ana Ruiz cut the ribbon at the harbour bridge. Hundreds of riders followed her across the river."),
    p("The lanes connect the old harbour district with the university campus and the central station. Planners say the network will cut commuting times for thousands of students."),
    h("How the lanes were built"),
    p("Construction began in March and ran three weeks ahead of schedule. Crews poured concrete kerbs that separate riders from traffic along the whole route. The project cost 14.5 million euros, most of it from a national climate fund."),
    { type: "code", text: "const lanes = 12; // km, never read aloud" },
    p("Dr. Helen Park, who led the design team, said the kerbs were the most important part. Painted lines alone do not make people feel safe, she said."),
    h("What riders say"),
    { type: "quote", text: "I used to drive to work every day. Now I cycle, and it takes me ten minutes less.", cite: null },
    p("Local cycling groups welcomed the lanes but asked for more bike parking near the station. The city promised four hundred new racks by the end of the year."),
    { type: "list", ordered: false, items: ["Secure parking at the central station opens in June.", "A bike-share scheme with five hundred bicycles starts in autumn."] },
    h("Criticism from shop owners"),
    p("Some shop owners on Harbour Street complained that the lanes removed sixty parking spaces. They fear that customers who arrive by car will shop elsewhere."),
    p("The city says studies from other European cities show that cyclists spend as much in local shops as drivers do over a month."),
    { type: "image", src: "https://courier.example/lanes.jpg", alt: "Riders on the new lane", caption: "Riders cross the harbour bridge on opening day." },
    h("What comes next"),
    p("A second phase will extend the network to the northern suburbs by 2027. The council will vote on its budget in the autumn. If approved, Riverside would have the longest network of protected lanes in the country."),
  ],
);

function budgetFor(seconds: number): number {
  return (seconds * DEFAULT_SCRIPT_OPTIONS.wordsPerMinute) / 60;
}

function narrationSentences(script: Script, lang: string): string[] {
  return script.scenes.flatMap((scene) => splitSentences(scene.narration, lang));
}

function contentScenes(script: Script) {
  return script.scenes.filter((scene) => scene.kind === "content");
}

/** Whether a narration sentence is article text (a period may have been added to a fragment). */
function occursIn(text: string, sentence: string): boolean {
  const normalized = text.replace(/\s+/g, " ");
  return normalized.includes(sentence) || normalized.includes(sentence.replace(/[.。]$/u, ""));
}

describe("writeScript: scene structure", () => {
  const script = writeScript(cityArticle);

  it("opens with a title scene and closes with a scene naming the site", () => {
    const kinds = script.scenes.map((scene) => scene.kind);
    expect(kinds[0]).toBe("title");
    expect(kinds.at(-1)).toBe("closing");
    expect(kinds.slice(1, -1).every((kind) => kind === "content")).toBe(true);
    expect(kinds.length).toBeGreaterThanOrEqual(3);
    const closing = script.scenes.at(-1)!;
    expect(closing.narration).toBe("Read the full article on Riverside Courier.");
    expect(closing.headline).toBe("Riverside Courier");
    expect(closing.sourceBlockIds).toEqual([]);
  });

  it("numbers the scenes s1, s2, … in order", () => {
    expect(script.scenes.map((scene) => scene.id)).toEqual(script.scenes.map((_, i) => `s${i + 1}`));
  });

  it("reads the title, then the excerpt's first sentence when the budget allows", () => {
    const title = script.scenes[0]!;
    expect(title.narration).toBe(
      "Riverside opens twelve kilometres of protected bike lanes across the old harbour district. The city finished its largest cycling project on Monday.",
    );
    expect(title.sourceBlockIds).toEqual([]);
    expect(countHeadlineWords(title.headline)).toBeLessThanOrEqual(8);
  });

  it("drops the excerpt from the title scene of a very short video", () => {
    const short = writeScript(cityArticle, { durationSeconds: 15 });
    expect(short.scenes[0]!.narration).not.toContain("largest cycling project");
  });

  it("names the site by its host when the article has no site name", () => {
    const anonymous = makeArticle({ title: "Bike lanes open", siteName: null, url: "https://www.courier.example/a" }, [
      p("The city opened twelve kilometres of protected bike lanes on Monday morning."),
    ]);
    const closing = writeScript(anonymous).scenes.at(-1)!;
    expect(closing.narration).toBe("Read the full article on courier.example.");
  });

  it("closes in the article's language", () => {
    const spanish = makeArticle({ title: "Carriles bici", lang: "es", siteName: "El Diario" }, [
      p("La ciudad inauguró doce kilómetros de carriles protegidos el lunes por la mañana."),
    ]);
    expect(writeScript(spanish).scenes.at(-1)!.narration).toBe("Lee el artículo completo en El Diario.");
  });

  it("is deterministic", () => {
    expect(writeScript(cityArticle)).toEqual(writeScript(cityArticle));
  });
});

describe("writeScript: content scenes", () => {
  const scripts = [15, 30, 60, 120].map((durationSeconds) => ({ durationSeconds, script: writeScript(cityArticle, { durationSeconds }) }));

  it("keeps every headline within eight words and off a trailing stopword", () => {
    for (const { script } of scripts) {
      for (const scene of script.scenes) {
        expect(countHeadlineWords(scene.headline), scene.headline).toBeLessThanOrEqual(8);
        const last = scene.headline.split(/\s+/).at(-1)!.replace(/[^\p{L}\p{N}'’]/gu, "");
        expect(isStopword(last, "en"), scene.headline).toBe(false);
        expect(scene.headline).not.toMatch(/[,;:]$/);
      }
    }
  });

  it("gives every scene 3–6 distinct lowercase keywords that are not stopwords", () => {
    for (const { script } of scripts) {
      for (const scene of script.scenes) {
        expect(scene.keywords.length).toBeGreaterThanOrEqual(3);
        expect(scene.keywords.length).toBeLessThanOrEqual(6);
        expect(new Set(scene.keywords).size).toBe(scene.keywords.length);
        for (const keyword of scene.keywords) {
          expect(keyword).toBe(keyword.toLowerCase());
          expect(keyword.split(" ").some((word) => isStopword(word, "en")), keyword).toBe(false);
        }
      }
    }
  });

  it("narrates one to three whole article sentences per content scene", () => {
    for (const { script } of scripts) {
      for (const scene of contentScenes(script)) {
        const sentences = splitSentences(scene.narration, "en");
        expect(sentences.length).toBeGreaterThanOrEqual(1);
        expect(sentences.length).toBeLessThanOrEqual(3);
        for (const sentence of sentences) expect(occursIn(cityArticle.text, sentence), sentence).toBe(true);
      }
    }
  });

  it("points sourceBlockIds at the blocks the sentences came from", () => {
    const byId = new Map(cityArticle.blocks.map((block) => [block.id, block]));
    for (const { script } of scripts) {
      for (const scene of contentScenes(script)) {
        expect(scene.sourceBlockIds.length).toBeGreaterThan(0);
        const sourceText = scene.sourceBlockIds.map((id) => blockText(byId.get(id)!)).join("\n");
        for (const sentence of splitSentences(scene.narration, "en")) expect(occursIn(sourceText, sentence), sentence).toBe(true);
      }
    }
  });

  it("stays within the duration budget, give or take one sentence", () => {
    for (const { durationSeconds, script } of scripts) {
      const sentences = narrationSentences(script, "en");
      const total = script.scenes.reduce((sum, scene) => sum + readingWords(scene.narration), 0);
      const longest = Math.max(...sentences.map(readingWords));
      expect(total, `${durationSeconds} s`).toBeLessThanOrEqual(budgetFor(durationSeconds) + longest);
    }
  });

  it("keeps more of the article for a longer video", () => {
    const words = scripts.map(({ script }) => contentScenes(script).reduce((sum, scene) => sum + readingWords(scene.narration), 0));
    for (let i = 1; i < words.length; i += 1) expect(words[i]!).toBeGreaterThan(words[i - 1]!);
  });

  it("keeps the chosen sentences in article order", () => {
    const text = cityArticle.text.replace(/\s+/g, " ");
    for (const { script } of scripts) {
      const positions = contentScenes(script)
        .flatMap((scene) => splitSentences(scene.narration, "en"))
        .map((sentence) => text.indexOf(sentence.replace(/[.。]$/u, "")));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it("draws from several sections instead of only the opening", () => {
    const { script } = scripts[2]!;
    const sections = new Set(
      contentScenes(script).flatMap((scene) =>
        scene.sourceBlockIds.map((id) => {
          const index = cityArticle.blocks.findIndex((block) => block.id === id);
          return cityArticle.blocks.slice(0, index).filter((block) => block.type === "heading").length;
        }),
      ),
    );
    expect(sections.size).toBeGreaterThanOrEqual(3);
  });

  it("uses a short section heading as the headline of the section's first scene", () => {
    const headings = new Set(cityArticle.blocks.flatMap((block) => (block.type === "heading" ? [block.text] : [])));
    const { script } = scripts[3]!;
    expect(contentScenes(script).some((scene) => headings.has(scene.headline))).toBe(true);
  });

  it("never reads code, nor an image caption while there are paragraphs", () => {
    const { script } = scripts[3]!;
    const narration = script.scenes.map((scene) => scene.narration).join(" ");
    expect(narration).not.toContain("const lanes");
    expect(narration).not.toContain("Riders cross the harbour bridge on opening day");
  });

  it("reads an image caption when the article has nothing else", () => {
    const pictures = makeArticle({ title: "Opening day" }, [
      { type: "image", src: "https://courier.example/a.jpg", alt: "", caption: "Riders cross the harbour bridge on opening day." },
      { type: "code", text: "print('not this')" },
    ]);
    const content = contentScenes(writeScript(pictures));
    expect(content.map((scene) => scene.narration)).toEqual(["Riders cross the harbour bridge on opening day."]);
    expect(content[0]!.sourceBlockIds).toEqual(["b0"]);
  });

  it("takes the single best sentence when the budget fits none", () => {
    const content = contentScenes(writeScript(cityArticle, { durationSeconds: 1 }));
    expect(content).toHaveLength(1);
    expect(splitSentences(content[0]!.narration, "en")).toHaveLength(1);
  });

  it("passes over a sentence longer than 45 words when shorter ones exist", () => {
    const long =
      "The committee, which met for the first time in the spring of last year after a long and sometimes bitter argument about who should sit on it, who should chair it and how often it should report to the council, finally published its findings on Tuesday afternoon.";
    expect(readingWords(long)).toBeGreaterThan(45);
    const article = makeArticle({ title: "Committee findings published" }, [
      p(long),
      p("The committee found that the harbour needs a new sea wall. Work on the wall could start next year."),
    ]);
    const narration = contentScenes(writeScript(article, { durationSeconds: 120 })).map((scene) => scene.narration).join(" ");
    expect(narration).not.toContain("bitter argument");
    expect(narration).toContain("sea wall");
  });

  it("splits a section of many kept sentences into scenes of at most three sentences and 45 words", () => {
    const sentences = Array.from({ length: 8 }, (_, i) => `Harbour fact number ${i + 1} tells riders something new about the lanes.`);
    const article = makeArticle({ title: "Harbour facts" }, [p(sentences.join(" "))]);
    const content = contentScenes(writeScript(article, { durationSeconds: 120 }));
    for (const scene of content) {
      expect(splitSentences(scene.narration, "en").length).toBeLessThanOrEqual(3);
      expect(readingWords(scene.narration)).toBeLessThanOrEqual(45);
    }
    expect(content.flatMap((scene) => splitSentences(scene.narration, "en"))).toEqual(sentences);
  });

  it("rejects a duration that is not a positive number", () => {
    expect(() => writeScript(cityArticle, { durationSeconds: 0 })).toThrow(UsageError);
    expect(() => writeScript(cityArticle, { wordsPerMinute: Number.NaN })).toThrow(/"wordsPerMinute" must be a number bigger than 0/);
  });
});

describe("headlines", () => {
  it("cuts a long sentence at a word boundary without a trailing stopword", () => {
    expect(makeHeadline("Scientists at the University of Oslo announced on Tuesday that they had found a new frog.", "en")).toBe(
      "Scientists at the University of Oslo announced",
    );
  });

  it("keeps the leading clause of a sentence", () => {
    expect(makeHeadline("After nearly 20 years of hostile relations, the government plans to lift its sanctions.", "en")).toBe(
      "After nearly 20 years of hostile relations",
    );
  });

  it("drops a dateline and a leading connective", () => {
    expect(makeHeadline("LONDON — But the talks collapsed late on Thursday, officials said.", "en")).toBe("The talks collapsed late on Thursday");
  });

  it("does not leave a quotation open", () => {
    expect(titleHeadline("Obama admits US gun laws are his 'biggest frustration'", "en")).toBe("Obama admits US gun laws");
  });

  it("cuts a title at its natural break", () => {
    expect(titleHeadline("How we designed Dropbox’s ATF - an async task framework for everything we run", "en")).toBe("How we designed Dropbox’s ATF");
  });

  it("ends a German cut on a noun", () => {
    expect(makeHeadline("Eine Einführung in die Technik gibt ein kurzes Video.", "de")).toBe("Eine Einführung in die Technik");
  });

  it("cuts a Chinese sentence at its first clause", () => {
    expect(makeHeadline("这款产品具有极其重要的意义，因为这意味着未来的人工智能技术可能不需要人类来教它。", "zh-CN")).toBe("这款产品具有极其重要的意义");
  });
});

describe("splitSentences", () => {
  it("does not split English abbreviations, decimals or initials", () => {
    expect(
      splitSentences("Dr. Smith met Mr. Jones, e.g. at the U.S. embassy. It cost 3.5 million. J. R. R. Tolkien wrote it. See Fig. 3 for details. Done!", "en"),
    ).toEqual(["Dr. Smith met Mr. Jones, e.g. at the U.S. embassy.", "It cost 3.5 million.", "J. R. R. Tolkien wrote it.", "See Fig. 3 for details.", "Done!"]);
  });

  it("still splits after an acronym that ends a sentence", () => {
    expect(splitSentences("He moved to the U.S. He liked it there.", "en")).toEqual(["He moved to the U.S.", "He liked it there."]);
  });

  it("splits German text without breaking at z. B., d. h., titles or ordinals", () => {
    expect(splitSentences("Das ist z. B. ein Test. Er kam am 3. Mai nach Berlin. Prof. Müller sagt, d. h. nichts Neues! Gut so.", "de")).toEqual([
      "Das ist z. B. ein Test.",
      "Er kam am 3. Mai nach Berlin.",
      "Prof. Müller sagt, d. h. nichts Neues!",
      "Gut so.",
    ]);
  });

  it("splits Spanish text with inverted marks and Sr./Dra.", () => {
    expect(splitSentences("El Sr. García llegó tarde. ¿Qué pasó? ¡Nada grave! La Dra. López habló con él.", "es")).toEqual([
      "El Sr. García llegó tarde.",
      "¿Qué pasó?",
      "¡Nada grave!",
      "La Dra. López habló con él.",
    ]);
  });

  it("splits Chinese after 。！？ and keeps closing quotes with their sentence", () => {
    expect(splitSentences("他说：“你好。”然后走了。真的吗？是的！", "zh-CN")).toEqual(["他说：“你好。”", "然后走了。", "真的吗？", "是的！"]);
  });

  it("keeps a Japanese quotation with the sentence that quotes it and gives an opening bracket to the next sentence", () => {
    expect(splitSentences("「こんにちは。」と彼は言った。本当ですか？肉を落としました。「ワン！」", "ja")).toEqual([
      "「こんにちは。」と彼は言った。",
      "本当ですか？",
      "肉を落としました。",
      "「ワン！」",
    ]);
  });

  it("splits French and Portuguese titles and Czech ordinals correctly", () => {
    expect(splitSentences("M. Dupont est arrivé. Mme Martin aussi.", "fr")).toEqual(["M. Dupont est arrivé.", "Mme Martin aussi."]);
    expect(splitSentences("O Sr. Silva chegou. Ela saiu.", "pt-BR")).toEqual(["O Sr. Silva chegou.", "Ela saiu."]);
    expect(splitSentences("Hrál za 3. ligu. Např. tady. Dobře.", "cs")).toEqual(["Hrál za 3. ligu.", "Např. tady.", "Dobře."]);
  });

  it("returns verbatim pieces of the whitespace-normalised text", () => {
    const text = "First  line\nof text.   Second\tsentence here!";
    expect(splitSentences(text, "en")).toEqual(["First line of text.", "Second sentence here!"]);
  });
});

describe("writeScript in other languages", () => {
  it("writes a German script from German sentences", () => {
    const article = makeArticle({ title: "Neue Radwege in der Altstadt", lang: "de", siteName: "Stadtbote" }, [
      p("Die Stadt hat am Montag zwölf Kilometer geschützte Radwege eröffnet. Das ist z. B. mehr als in jeder anderen Stadt der Region."),
      h("Kritik der Händler"),
      p("Einige Händler befürchten weniger Kunden. Die Stadt verweist auf Studien aus den Niederlanden."),
    ]);
    const script = writeScript(article);
    const sentences = contentScenes(script).flatMap((scene) => splitSentences(scene.narration, "de"));
    expect(sentences).toEqual([
      "Die Stadt hat am Montag zwölf Kilometer geschützte Radwege eröffnet.",
      "Das ist z. B. mehr als in jeder anderen Stadt der Region.",
      "Einige Händler befürchten weniger Kunden.",
      "Die Stadt verweist auf Studien aus den Niederlanden.",
    ]);
    expect(contentScenes(script)[1]!.headline).toBe("Kritik der Händler");
    expect(script.scenes.at(-1)!.narration).toBe("Den ganzen Artikel lesen Sie auf Stadtbote.");
  });

  it("writes a Chinese script whose sentences and keywords come from the article", () => {
    const article = makeArticle({ title: "人工智能公司开发出新电脑", lang: "zh-CN", siteName: "科技网" }, [
      p("人工智能公司开发出一款能够用自己的记忆学习新知识的计算机。这款计算机可以回答复杂的问题。"),
      p("研究人员表示，人工智能的记忆能力非常重要。未来的计算机可能不需要人类来教它。"),
    ]);
    const script = writeScript(article);
    const content = contentScenes(script);
    const sentences = content.flatMap((scene) => splitSentences(scene.narration, "zh-CN"));
    expect(sentences).toEqual([
      "人工智能公司开发出一款能够用自己的记忆学习新知识的计算机。",
      "这款计算机可以回答复杂的问题。",
      "研究人员表示，人工智能的记忆能力非常重要。",
      "未来的计算机可能不需要人类来教它。",
    ]);
    for (const scene of script.scenes) expect(countHeadlineWords(scene.headline)).toBeLessThanOrEqual(8);
    expect(content.flatMap((scene) => scene.keywords)).toContain("人工智能");
    expect(content[0]!.narration).not.toContain(" ");
  });

  it("writes a Spanish script from Spanish sentences", () => {
    const article = makeArticle({ title: "Nuevos carriles bici en el puerto", lang: "es", siteName: "El Diario" }, [
      p("El Sr. Gómez inauguró el lunes doce kilómetros de carriles protegidos. ¿Cuánto costó la obra? Costó 14,5 millones de euros."),
    ]);
    const sentences = contentScenes(writeScript(article)).flatMap((scene) => splitSentences(scene.narration, "es"));
    expect(sentences).toEqual([
      "El Sr. Gómez inauguró el lunes doce kilómetros de carriles protegidos.",
      "¿Cuánto costó la obra?",
      "Costó 14,5 millones de euros.",
    ]);
  });
});

describe("headline cuts", () => {
  it("ends a cut title on a whole phrase, before a function word", () => {
    expect(titleHeadline("What Lives in a Tide Pool at Low Tide", "en")).toBe("What Lives in a Tide Pool");
    expect(titleHeadline("Mr Obama lands in Kenya later on Friday for his first visit", "en")).toBe("Mr Obama lands in Kenya later on Friday");
  });
});
