// A page URL ends in "<slug>-<id>/" ("aerial-view-of-a-beach-2499611"), or just "<id>/" or "id-<id>/".
const TRAILING_ID = /(?:^|-)(?:id-)?\d+$/;

/** The words of a stock page URL's slug: ".../video/aerial-view-of-a-beach-2499611/" → "aerial view of a beach". */
export function slugWords(pageUrl: string): string {
  let segment: string;
  try {
    segment = new URL(pageUrl).pathname.split("/").filter(Boolean).pop() ?? "";
    segment = decodeURIComponent(segment);
  } catch {
    // Not a URL (or bad escapes): there is no slug to read, and the text is only a ranking hint.
    return "";
  }
  return segment.replace(TRAILING_ID, "").split("-").filter(Boolean).join(" ");
}
