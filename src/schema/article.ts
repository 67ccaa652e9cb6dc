import { z } from "zod";

const blockId = z.string().regex(/^b\d+$/, "block ids look like b0, b1, …");

export const HeadingBlockSchema = z.object({
  type: z.literal("heading"),
  id: blockId,
  level: z.number().int().min(1).max(6),
  text: z.string().min(1),
});

export const ParagraphBlockSchema = z.object({
  type: z.literal("paragraph"),
  id: blockId,
  text: z.string().min(1),
});

export const ListBlockSchema = z.object({
  type: z.literal("list"),
  id: blockId,
  ordered: z.boolean(),
  items: z.array(z.string().min(1)).min(1),
});

export const QuoteBlockSchema = z.object({
  type: z.literal("quote"),
  id: blockId,
  text: z.string().min(1),
  cite: z.string().nullable(),
});

export const ImageBlockSchema = z.object({
  type: z.literal("image"),
  id: blockId,
  /** Absolute http(s) or file: URL. */
  src: z.string().min(1),
  alt: z.string(),
  caption: z.string().nullable(),
});

export const CodeBlockSchema = z.object({
  type: z.literal("code"),
  id: blockId,
  text: z.string().min(1),
});

export const BlockSchema = z.discriminatedUnion("type", [
  HeadingBlockSchema,
  ParagraphBlockSchema,
  ListBlockSchema,
  QuoteBlockSchema,
  ImageBlockSchema,
  CodeBlockSchema,
]);

export const ArticleSchema = z.object({
  /** Where the article came from: an http(s) URL or a file: URL. */
  source: z.string().min(1),
  /** The canonical address of the article, when the page names one (else the http source). */
  url: z.string().nullable(),
  title: z.string().min(1),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  /** BCP 47 tag, e.g. "en", "pt-BR", "zh-CN". */
  lang: z.string().min(2),
  dir: z.enum(["ltr", "rtl"]).nullable(),
  publishedTime: z.string().nullable(),
  excerpt: z.string().nullable(),
  leadImage: z.object({ src: z.string().min(1), alt: z.string() }).nullable(),
  blocks: z.array(BlockSchema).min(1),
  /** Plain text of the article body, blocks joined by blank lines. */
  text: z.string().min(1),
  wordCount: z.number().int().nonnegative(),
});

export type Block = z.infer<typeof BlockSchema>;
export type ImageBlock = z.infer<typeof ImageBlockSchema>;
export type Article = z.infer<typeof ArticleSchema>;
