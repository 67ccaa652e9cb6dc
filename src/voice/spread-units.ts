export interface NominalUnit {
  /** How long the unit takes to say, nominal ms; only ratios matter. */
  lengthMs: number;
  /** The pause after it, same scale. */
  pauseMs: number;
}

export interface Span {
  startMs: number;
  endMs: number;
}

/**
 * Lays units out over [startMs, endMs] in proportion to their nominal lengths and the pauses
 * between them (the last unit's pause is outside the span). Units with no length at all share
 * the time evenly. Pure.
 */
export function spreadUnits(units: readonly NominalUnit[], startMs: number, endMs: number): Span[] {
  if (units.length === 0) return [];
  const lengths = units.map((unit) => Math.max(0, unit.lengthMs));
  const pauses = units.map((unit, i) => (i < units.length - 1 ? Math.max(0, unit.pauseMs) : 0));
  let total = lengths.reduce((a, b) => a + b, 0) + pauses.reduce((a, b) => a + b, 0);
  if (total <= 0) {
    lengths.fill(1);
    total = units.length;
  }
  const scale = Math.max(0, endMs - startMs) / total;
  const spans: Span[] = [];
  let at = startMs;
  units.forEach((_, i) => {
    const start = at;
    at += lengths[i]! * scale;
    spans.push({ startMs: start, endMs: at });
    at += pauses[i]! * scale;
  });
  // Rounding drift must not push the last word past the end.
  spans[spans.length - 1]!.endMs = endMs;
  return spans;
}
