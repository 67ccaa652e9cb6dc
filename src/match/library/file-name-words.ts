// Names cameras, phones and exporters give files; they say nothing about the picture.
const CAMERA_WORDS = new Set(["img", "image", "dsc", "dscn", "dscf", "dcim", "pxl", "mvi", "mov", "vid", "video", "gopr", "gp", "dji", "photo", "pic", "screenshot", "copy", "final", "edit", "edited"]);
// A digit run this long is a counter, a date or an id ("IMG_0042", "train2017"), not part of a word.
const ID_DIGITS = /\d{3,}/;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
const CAMEL = /(?<=\p{Ll})(?=\p{Lu})/u;

/**
 * The words a file or folder name spells, lower-cased: `golden-retriever_puppy2.jpg` → golden,
 * retriever, puppy. Counters, dates and camera prefixes are dropped. Pass names without a folder.
 */
export function fileNameWords(name: string, options: { stripExtension?: boolean } = {}): string[] {
  const stem = options.stripExtension === false ? name : name.replace(/\.[^.]+$/, "");
  const words: string[] = [];
  for (const token of stem.split(SEPARATORS)) {
    if (!token || ID_DIGITS.test(token)) continue;
    for (const part of token.split(CAMEL)) {
      const word = part.replace(/\p{N}+/gu, "").toLowerCase();
      if (word.length < 2 || CAMERA_WORDS.has(word)) continue;
      words.push(word);
    }
  }
  return words;
}
