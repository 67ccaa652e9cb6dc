import { splitUnits } from "../text/text-units.js";
import { isPunctuationOnly } from "./pause-after.js";

/** espeak-ng marks a switch to its English rules in `-x` output as "(en)" (or "(en-us)"…). */
const ENGLISH_SWITCH = /\(en(?:-[a-z]+)?\)/giu;

/**
 * The share of the text's words (caption units: one per CJK character) that espeak-ng switched to
 * English to read, from its `-q -x` phoneme output for that text. espeak-ng voices without a full
 * dictionary read unknown characters that way: Japanese kanji as "Chinese letter", many Chinese
 * characters as English-spelled pinyin. 0 for text with no words.
 */
export function englishSwitchShare(phonemes: string, text: string): number {
  const words = splitUnits(text).filter((unit) => !isPunctuationOnly(unit)).length;
  if (words === 0) return 0;
  return (phonemes.match(ENGLISH_SWITCH)?.length ?? 0) / words;
}
