// Built once here rather than per call. English month and weekday names and numeric forms:
// enough for the datelines that sit under a headline.
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?,?\s+`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const TIME = String.raw`\d{1,2}(?::\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)(?:\s+(?:utc|gmt|bst|cet|cest|[ecmp][sd]?t))?`;
const DATE_FORMS = [
  String.raw`(?:${WEEKDAY})?${MONTH}\s+${DAY}(?:,?\s+\d{4})?`, // February 19, 2025 · Feb. 23 2015 · March 3
  String.raw`(?:${WEEKDAY})?${DAY}\.?\s+(?:of\s+)?${MONTH}(?:,?\s+\d{4})?`, // 12 March 2025 · 3rd of May
  String.raw`${MONTH}\s+\d{4}`, // March 2025
  String.raw`\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?`, // 2024-03-03T10:42Z
  String.raw`\d{4}/\d{1,2}/\d{1,2}`,
  String.raw`\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})`, // 03/03/2024 · 3.3.24
  TIME,
  String.raw`\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago`,
];
const DATE_TIME = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${DATE_FORMS.join("|")})(?![\p{L}\p{N}])`, "giu");

export interface StrippedDateTimes {
  /** The text with every date and time replaced by a space. */
  text: string;
  /** How many dates and times were found. */
  found: number;
}

/** Removes dates and times ("February 19, 2025", "2024-03-03", "10:42 AM", "3 hours ago") from a text. */
export function stripDateTimes(text: string): StrippedDateTimes {
  let found = 0;
  const stripped = text.replace(DATE_TIME, () => {
    found++;
    return " ";
  });
  return { text: stripped, found };
}
