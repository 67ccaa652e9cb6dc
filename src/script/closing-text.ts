import type { Article } from "../schema/article.js";
import { countHeadlineWords } from "../schema/script.js";
import { MAX_HEADLINE_WORDS } from "./tidy-headline.js";
import { primaryLanguage } from "./primary-language.js";

interface ClosingPhrases {
  /** Narration naming the site; `{site}` is replaced by its name. */
  onSite: string;
  /** Narration when the article names no site and has no web address. */
  atSource: string;
  /** Headline when the site's name does not fit one. */
  headline: string;
}

const PHRASES: Record<string, ClosingPhrases> = {
  en: { onSite: "Read the full article on {site}.", atSource: "Read the full article at its source.", headline: "Read the full story" },
  es: { onSite: "Lee el artículo completo en {site}.", atSource: "Lee el artículo completo en su fuente.", headline: "Lee la historia completa" },
  de: { onSite: "Den ganzen Artikel lesen Sie auf {site}.", atSource: "Den ganzen Artikel lesen Sie in der Quelle.", headline: "Den ganzen Artikel lesen" },
  fr: { onSite: "Lisez l'article complet sur {site}.", atSource: "Lisez l'article complet à sa source.", headline: "Lire l'article complet" },
  pt: { onSite: "Leia o artigo completo em {site}.", atSource: "Leia o artigo completo na fonte.", headline: "Leia a matéria completa" },
  it: { onSite: "Leggi l'articolo completo su {site}.", atSource: "Leggi l'articolo completo alla fonte.", headline: "Leggi l'articolo completo" },
  nl: { onSite: "Lees het volledige artikel op {site}.", atSource: "Lees het volledige artikel bij de bron.", headline: "Lees het hele verhaal" },
  cs: { onSite: "Celý článek si přečtěte na {site}.", atSource: "Celý článek si přečtěte u zdroje.", headline: "Celý článek" },
  zh: { onSite: "完整文章请访问{site}。", atSource: "完整文章请见原文。", headline: "阅读全文" },
  "zh-hant": { onSite: "完整文章請造訪{site}。", atSource: "完整文章請見原文。", headline: "閱讀全文" },
  ja: { onSite: "記事の全文は{site}でお読みください。", atSource: "記事の全文は元のサイトでお読みください。", headline: "全文を読む" },
  ko: { onSite: "전체 기사는 {site}에서 읽어 보세요.", atSource: "전체 기사는 원문에서 읽어 보세요.", headline: "전체 기사 읽기" },
};

function phrasesFor(lang: string): ClosingPhrases {
  const tag = lang.toLowerCase();
  const code = primaryLanguage(tag);
  if (code === "zh" && /-(?:tw|hk|mo|hant)\b/u.test(tag)) return PHRASES["zh-hant"]!;
  return PHRASES[code] ?? PHRASES.en!;
}

function hostOf(address: string | null): string | null {
  if (!address || !/^https?:/iu.test(address)) return null;
  try {
    return new URL(address).hostname.replace(/^www\./iu, "") || null;
  } catch (error) {
    // The Article schema does not promise a well-formed URL; an unparsable one simply names no site.
    if (error instanceof TypeError) return null;
    throw error;
  }
}

/** The name to credit: the site's own name, else the host of its address. */
export function siteLabel(article: Pick<Article, "siteName" | "url" | "source">): string | null {
  const name = article.siteName?.replace(/\s+/gu, " ").trim();
  return name || hostOf(article.url) || hostOf(article.source);
}

/** The closing scene's words: where to read the whole article, in the article's language. */
export function closingText(article: Pick<Article, "siteName" | "url" | "source" | "lang">): { headline: string; narration: string } {
  const phrases = phrasesFor(article.lang);
  const site = siteLabel(article);
  if (!site) return { headline: phrases.headline, narration: phrases.atSource };
  return {
    headline: countHeadlineWords(site) <= MAX_HEADLINE_WORDS ? site : phrases.headline,
    narration: phrases.onSite.replace("{site}", site),
  };
}
