/** Runs of whitespace become one space (ends kept, so inline pieces can be joined). */
export function collapse(text: string): string {
  return text.replace(/\s+/g, " ");
}

/** Trims each line and drops empty ones; keeps the line breaks themselves. */
export function tidyLines(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}
