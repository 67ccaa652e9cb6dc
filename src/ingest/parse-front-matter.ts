export interface FrontMatter {
  /** Lower-cased keys with scalar string values; nested YAML and lists are ignored. */
  fields: ReadonlyMap<string, string>;
  /** The document after the front-matter block. */
  body: string;
}

const BLOCK = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const LINE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/;

/**
 * Reads a leading `---` YAML front-matter block of simple `key: value` lines, which is all
 * article front matter needs (title, author, date, lang, image). Anything richer is skipped.
 */
export function parseFrontMatter(markdown: string): FrontMatter {
  const match = BLOCK.exec(markdown);
  if (!match) return { fields: new Map(), body: markdown.replace(/^\uFEFF/, "") };
  const fields = new Map<string, string>();
  for (const line of match[1]!.split(/\r?\n/)) {
    const pair = LINE.exec(line);
    if (!pair) continue;
    const value = unquote(pair[2]!.replace(/\s+#.*$/, "").trim());
    if (value && !value.startsWith("[") && !value.startsWith("{") && value !== "|" && value !== ">") {
      fields.set(pair[1]!.toLowerCase(), value);
    }
  }
  return { fields, body: markdown.slice(match[0].length) };
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
    const inner = value.slice(1, -1);
    return value[0] === '"' ? inner.replace(/\\"/g, '"') : inner.replace(/''/g, "'");
  }
  return value;
}
