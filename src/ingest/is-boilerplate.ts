// Whole-block matches only: a paragraph that merely mentions "advertisement" stays.
const BOILERPLATE_LINES = new Set([
  "ad",
  "ads",
  "advertisement",
  "advertisements",
  "advertising",
  "sponsored",
  "sponsored content",
  "paid content",
  "story continues below",
  "story continues below advertisement",
  "article continues below",
  "article continues below advertisement",
  "continue reading below",
  "continue reading the main story",
  "scroll to continue with content",
  "skip advertisement",
  "skip ad",
  "read more",
  "see more",
  "show more",
  "load more",
  "related",
  "related articles",
  "related stories",
  "related content",
  "more stories",
  "recommended",
  "recommended for you",
  "you may also like",
  "leave a comment",
  "leave a reply",
  "comments",
  "view comments",
  "show comments",
  "post a comment",
  "subscribe",
  "sign up",
  "follow us",
  "image",
  "photo",
  "enlarge this image",
  "toggle caption",
  "hide caption",
  "click to enlarge",
  "publicidad",
  "publicité",
  "anzeige",
  "werbung",
  "reklama",
  "pubblicità",
  "advertentie",
  "广告",
  "広告",
]);

// Share-bar vocabulary: a block made only of these words is a row of share buttons.
const SHARE_WORDS = new Set([
  "share",
  "shares",
  "sharing",
  "this",
  "on",
  "via",
  "article",
  "story",
  "page",
  "post",
  "link",
  "copy",
  "copied",
  "facebook",
  "twitter",
  "x",
  "linkedin",
  "whatsapp",
  "reddit",
  "pinterest",
  "tumblr",
  "telegram",
  "messenger",
  "email",
  "e",
  "mail",
  "print",
  "tweet",
  "pin",
  "it",
  "flipboard",
  "pocket",
  "save",
  "google",
  "plus",
]);
const SHARE_ANCHORS = new Set(["share", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit"]);

/** True for text that is page furniture rather than article: "Advertisement", a row of share buttons. */
export function isBoilerplate(text: string): boolean {
  const normalized = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!normalized) return true;
  if (BOILERPLATE_LINES.has(normalized)) return true;
  const words = normalized.split(" ");
  return words.length <= 12 && words.every((word) => SHARE_WORDS.has(word)) && words.some((word) => SHARE_ANCHORS.has(word));
}
