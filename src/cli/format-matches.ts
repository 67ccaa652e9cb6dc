import type { MatchCandidate, Storyboard } from "../schema/storyboard.js";

const COLUMNS = ["total", "text", "context", "orientation", "resolution", "duration", "priority", "duplicate"] as const;
const HEADER = ["", "provider", "id", ...COLUMNS.map((c) => c.slice(0, 6)), "title"];

function cell(n: number): string {
  return n === 0 ? "0" : n.toFixed(2);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** One table row per candidate: its provider, id, each part of its score, and its title. */
export function candidateRow(mark: string, c: MatchCandidate): string[] {
  return [mark, c.provider, clip(c.id, 40), ...COLUMNS.map((k) => cell(c.score[k])), clip(c.title.replace(/\s+/g, " "), 60)];
}

/** Lays rows out in aligned columns (numbers right-aligned). */
export function formatTable(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? "").length)));
  return rows
    .map((row) =>
      row
        .map((value, col) => (col >= 3 && col < 3 + COLUMNS.length ? value.padStart(widths[col]!) : value.padEnd(widths[col]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** `plan --explain`: for every scene, the chosen footage with its score breakdown and the next best. */
export function formatMatches(board: Storyboard): string {
  const blocks = board.scenes.map((scene, i) => {
    const title = `Scene ${i + 1} (${scene.id}, ${scene.kind}): ${scene.headline}`;
    if (!scene.match) return `${title}\n  ${scene.media.kind === "generated" ? `generated ${scene.media.style} background` : scene.media.provider}`;
    const rows = [HEADER, candidateRow("*", scene.match.chosen), ...scene.match.alternatives.map((c) => candidateRow(" ", c))];
    return `${title}\n${formatTable(rows).replace(/^/gm, "  ")}`;
  });
  return `${blocks.join("\n\n")}\n\n* chosen; the rest are the next best. A score is text + 0.8 × context + the fit and preference adjustments.\n`;
}

/** `media search`: the ranked candidates for a text. */
export function formatCandidates(candidates: readonly MatchCandidate[]): string {
  if (candidates.length === 0) return "no candidates\n";
  return `${formatTable([HEADER, ...candidates.map((c, i) => candidateRow(String(i + 1), c))])}\n`;
}
