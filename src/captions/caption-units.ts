import { isCjk, splitUnits } from "../text/text-units.js";

/**
 * Characters that must not start a line in CJK text (kinsoku shori) beyond the closing
 * punctuation splitUnits already attaches: small kana, the prolonged sound mark and the
 * iteration marks.
 */
const NO_LINE_START = /^[\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308e\u3095\u3096\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7\u30ee\u30f5\u30f6\u30fc\u3005\u309d\u309e\u30fd\u30fe\u30fb\u2026\u2025]+$/u;
/** Opening brackets and quotes: in CJK text they must not end a line, so they join what follows. */
const OPENING = /^[\u300c\u300e\uff08\u3010\u3014\u3008\u300a\uff3b\uff5b\u3016\u3018\u201c\u2018(\[{«‹¿¡]+$/u;

function startsCjk(unit: string): boolean {
  return isCjk([...unit][0] ?? "");
}

function endsCjk(unit: string): boolean {
  return isCjk([...unit].at(-1) ?? "");
}

/**
 * The units caption lines are built from: words in spaced scripts, single characters in CJK.
 * Besides what splitUnits does (closing punctuation stays on the character before it), an
 * opening bracket or quote in CJK text joins the character after it, and small kana or a
 * prolonged sound mark join the character before it, so no line starts or ends wrongly.
 */
export function captionUnits(text: string): string[] {
  const out: string[] = [];
  let opening = "";
  for (const unit of splitUnits(text)) {
    const previous = out.at(-1);
    if (NO_LINE_START.test(unit) && previous !== undefined && endsCjk(previous) && !opening) {
      out[out.length - 1] = previous + unit;
      continue;
    }
    if (OPENING.test(unit)) {
      opening += unit;
      continue;
    }
    if (opening) {
      // A spaced-script unit after a lone bracket keeps its space ("( word" stays two units).
      if (startsCjk(unit) || isCjk(opening)) {
        out.push(opening + unit);
      } else {
        out.push(opening, unit);
      }
      opening = "";
      continue;
    }
    out.push(unit);
  }
  if (opening) out.push(opening);
  return out;
}
