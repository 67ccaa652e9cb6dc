import type { TemplateSummary } from "../pipeline.js";

/** `reelpress templates list` as a table: name, where it lives, the aspect it is made for, its description. */
export function formatTemplates(templates: readonly TemplateSummary[]): string {
  if (templates.length === 0) return "No templates found.\n";
  const rows = templates.map((t) => [t.name, t.source, t.aspect ?? "any", t.problem ? `(broken) ${t.problem}` : t.description]);
  const header = ["NAME", "WHERE", "ASPECT", "DESCRIPTION"];
  const widths = header.slice(0, 3).map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join("  ").trimEnd();
  return `${[header, ...rows].map(line).join("\n")}\n`;
}
