import path from "node:path";

/** The folder of the bucket that holds uploaded media, one object per distinct content. */
export const ASSET_PREFIX = "reelpress-assets/";

/** The object key of a file's content: its SHA-256 and its lower-cased extension, e.g. "reelpress-assets/9f…e1.jpg". */
export function assetKey(sha256: string, file: string): string {
  return `${ASSET_PREFIX}${sha256}${path.extname(file).toLowerCase()}`;
}
