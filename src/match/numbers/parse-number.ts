import type { NumberStyle } from "./number-style.js";

/**
 * The value of a written number ("1,234.5", "1.234,5", "12 000", "1'000") in a language's
 * style. With both marks present, the last one is the decimal mark. A lone mark that is the
 * language's decimal mark is one ("1,500" is 1.5 in German); the other mark separates thousands
 * only when every group after it has three digits ("3.5" in a German text is still 3.5).
 */
export function parseNumber(raw: string, style: NumberStyle): number {
  const compact = raw.replace(/[\s\u00a0\u202f'’]/gu, "");
  const hasComma = compact.includes(",");
  const hasDot = compact.includes(".");
  if (hasComma && hasDot) {
    const decimal = compact.lastIndexOf(",") > compact.lastIndexOf(".") ? "," : ".";
    return toNumber(compact, decimal);
  }
  if (!hasComma && !hasDot) return Number(compact);
  const mark = hasComma ? "," : ".";
  const groups = compact.split(mark);
  if (mark === style.decimal) return groups.length === 2 ? toNumber(compact, mark) : Number(groups.join(""));
  const thousands = groups.slice(1).every((group) => group.length === 3);
  return thousands ? Number(groups.join("")) : groups.length === 2 ? toNumber(compact, mark) : Number(groups.join(""));
}

function toNumber(compact: string, decimal: "," | "."): number {
  const at = compact.lastIndexOf(decimal);
  const whole = compact.slice(0, at).replace(/[.,]/gu, "");
  return Number(`${whole}.${compact.slice(at + 1)}`);
}
