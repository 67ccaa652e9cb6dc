import { describe, expect, it } from "vitest";
import { findChart } from "../src/match/numbers/find-chart.js";
import { findQuantities } from "../src/match/numbers/find-quantities.js";
import { formatChartValue } from "../src/match/numbers/format-chart-value.js";
import { numberStyle } from "../src/match/numbers/number-style.js";
import { parseNumber } from "../src/match/numbers/parse-number.js";
import { ChartSchema } from "../src/schema/storyboard.js";

describe("parseNumber", () => {
  const en = numberStyle("en");
  const de = numberStyle("de");
  const fr = numberStyle("fr");

  it("reads thousands separators and decimal marks in English, German and French styles", () => {
    expect(parseNumber("1,234,567.5", en)).toBe(1234567.5);
    expect(parseNumber("1.234.567,5", de)).toBe(1234567.5);
    expect(parseNumber("1\u202f234\u202f567,5", fr)).toBe(1234567.5);
    expect(parseNumber("12 000", fr)).toBe(12000);
    expect(parseNumber("1'000", numberStyle("de-CH"))).toBe(1000);
  });

  it("reads a lone mark by the language: 1,500 is 1500 in English and 1.5 in German", () => {
    expect(parseNumber("1,500", en)).toBe(1500);
    expect(parseNumber("1,500", de)).toBe(1.5);
    expect(parseNumber("1.500", de)).toBe(1500);
    expect(parseNumber("1.500", en)).toBe(1.5);
  });

  it("reads the other language's decimal mark when the digits cannot be a thousands group", () => {
    expect(parseNumber("3.5", de)).toBe(3.5);
    expect(parseNumber("2,75", en)).toBe(2.75);
  });

  it("knows the styles from the platform's locale data, and reads an unknown tag as English", () => {
    expect(numberStyle("de-DE")).toEqual({ decimal: ",", spaceGroups: false });
    expect(numberStyle("fr")).toEqual({ decimal: ",", spaceGroups: true });
    expect(numberStyle("en_US!")).toEqual({ decimal: ".", spaceGroups: false });
  });
});

describe("findQuantities", () => {
  const kinds = (text: string, lang = "en") => findQuantities(text, lang).map((q) => [q.raw, q.kind, q.value, q.unit]);

  it("tells amounts from years, dates, times, ordinals and names", () => {
    expect(kinds("On 12 March 2024 at 9:30, the 3rd COVID-19 wave cost $4.5 million, 12% more than in 2023.")).toEqual([
      ["12", "other", Number.NaN, ""],
      ["2024", "year", 2024, ""],
      ["3", "other", Number.NaN, ""],
      ["19", "other", Number.NaN, ""],
      ["4.5", "currency", 4_500_000, "$"],
      ["12", "percent", 12, "%"],
      ["2023", "year", 2023, ""],
    ]);
  });

  it("reads scale words and units in German and French", () => {
    expect(kinds("Das kostet 2,5 Mio. Euro und 3 Milliarden Dollar, bei 38 °C über 12 Kilometer.", "de")).toEqual([
      ["2,5", "currency", 2_500_000, "€"],
      ["3", "currency", 3_000_000_000, "$"],
      ["38", "measure", 38, "°C"],
      ["12", "measure", 12, "km"],
    ]);
    expect(kinds("Un budget de 1,2 milliard d'euros pour 30 000 habitants, soit 45 %.", "fr")).toEqual([
      ["1,2", "currency", 1_200_000_000, "€"],
      ["30 000", "count", 30000, ""],
      ["45", "percent", 45, "%"],
    ]);
  });

  it("gives a bare number the unit of the amount it is paired with", () => {
    const found = findQuantities("Fares rose from 2 to 3 euros; 12,000 riders came in 2019 and 30,000 in 2023.", "en");
    expect(found.filter((q) => q.kind !== "year").map((q) => [q.value, q.key, q.inherited])).toEqual([
      [2, "currency:€", true],
      [3, "currency:€", false],
      [12000, "count:rider", false],
      [30000, "count:rider", true],
    ]);
  });
});

describe("findChart", () => {
  const cases: Array<[string, string, string, unknown]> = [
    [
      "names bars after the countries before their percentages",
      "Germany recycles 67% of its waste, France 45% and Spain 38%.",
      "en",
      { bars: [{ label: "Germany", value: 67 }, { label: "France", value: 45 }, { label: "Spain", value: 38 }], unit: "%" },
    ],
    [
      "uses the year after each value",
      "Electric cars made up 12% of new sales in 2019 and 30% in 2023.",
      "en",
      { bars: [{ label: "2019", value: 12 }, { label: "2023", value: 30 }], unit: "%" },
    ],
    [
      "uses the year before each value, across sentences",
      "In 2019, the share was 12%. By 2023 it had reached 30%.",
      "en",
      { bars: [{ label: "2019", value: 12 }, { label: "2023", value: 30 }], unit: "%" },
    ],
    [
      "names bars after the place following the number",
      "Recycling reached 45% in Germany and 30% in France.",
      "en",
      { bars: [{ label: "Germany", value: 45 }, { label: "France", value: 30 }], unit: "%" },
    ],
    [
      "compares two amounts of one currency, written as words",
      "Men earn 20 dollars an hour, women 16 dollars.",
      "en",
      { bars: [{ label: "Men", value: 20 }, { label: "Women", value: 16 }], unit: "$" },
    ],
    [
      "brings billions and millions to one scale",
      "Revenue hit $1.2 billion in 2022, up from $800 million in 2021.",
      "en",
      { bars: [{ label: "2022", value: 1_200_000_000 }, { label: "2021", value: 800_000_000 }], unit: "$" },
    ],
    [
      "charts \"from 12 to 30\" as before and after",
      "Ridership rose from 12,000 to 30,000 a day.",
      "en",
      { bars: [{ label: "Before", value: 12000 }, { label: "After", value: 30000 }], unit: "" },
    ],
    [
      "names measures after the words that follow them",
      "The city built 12 km of bike lanes and 30 km of bus lanes.",
      "en",
      { bars: [{ label: "Bike lanes", value: 12 }, { label: "Bus lanes", value: 30 }], unit: "km" },
    ],
    [
      "charts a part of a whole",
      "3 of 10 residents cycle to work.",
      "en",
      { bars: [{ label: "Residents", value: 10 }, { label: "Cycle to work", value: 3 }], unit: "" },
    ],
    [
      "reads German numbers and scale words",
      "Die Stadt gab 2019 rund 1.500.000 Euro für Radwege aus, 2023 waren es 2,5 Mio. Euro.",
      "de",
      { bars: [{ label: "2019", value: 1_500_000 }, { label: "2023", value: 2_500_000 }], unit: "€" },
    ],
    [
      "names German bars after the nouns before them",
      "Deutschland recycelt 67 Prozent seines Mülls, Frankreich 45 Prozent.",
      "de",
      { bars: [{ label: "Deutschland", value: 67 }, { label: "Frankreich", value: 45 }], unit: "%" },
    ],
    [
      "reads French thousands groups",
      "La ville comptait 12 000 cyclistes en 2019 et 30 000 en 2023.",
      "fr",
      { bars: [{ label: "2019", value: 12000 }, { label: "2023", value: 30000 }], unit: "" },
    ],
    [
      "reads French prices with decimal commas",
      "Le ticket est passé de 1,50 € à 2,10 €.",
      "fr",
      { bars: [{ label: "Avant", value: 1.5 }, { label: "Après", value: 2.1 }], unit: "€" },
    ],
  ];

  for (const [behaviour, narration, lang, expected] of cases) {
    it(behaviour, () => {
      const chart = findChart(narration, lang);
      expect(chart).toEqual(expected);
      expect(ChartSchema.parse(chart)).toEqual(chart);
    });
  }

  it("keeps at most eight bars", () => {
    const narration = `Scores: ${Array.from({ length: 10 }, (_, i) => `Team${String.fromCharCode(65 + i)} ${10 + i}%`).join(", ")}.`;
    const chart = findChart(narration, "en");
    expect(chart?.bars).toHaveLength(8);
    expect(chart?.bars[0]).toEqual({ label: "TeamA", value: 10 });
  });

  const nothing: Array<[string, string, string]> = [
    ["a date and a price", "The festival opens on 12 March and tickets cost $45.", "en"],
    ["a single number", "The city opened 12 km of protected lanes on Monday.", "en"],
    ["counts of different things", "The farm has 1,200 panels and will power 3,500 homes.", "en"],
    ["a percentage and a price", "Prices rose 4% to $12 a ticket.", "en"],
    ["a range, not a comparison", "The trip takes between 12 and 30 minutes.", "en"],
    ["versions and references", "Version 5.3 replaces 5.2, see RFC 7231 and RFC 7232.", "en"],
    ["numbers without anything counted or any year", "Finland 2. Norway 3. Australia 4.", "en"],
    ["the same number twice", "A 500 error is fast; a 500 error is still an error.", "en"],
    ["no numbers at all", "A quiet morning in the village.", "en"],
  ];
  for (const [what, narration, lang] of nothing) {
    it(`finds no chart in ${what}`, () => {
      expect(findChart(narration, lang)).toBeNull();
    });
  }
});

describe("formatChartValue", () => {
  it("writes values in the narration's language, shortening large ones", () => {
    expect(formatChartValue(45, "%", "en")).toBe("45%");
    expect(formatChartValue(12.5, "%", "fr")).toBe("12,5\u00a0%");
    expect(formatChartValue(1.2e9, "$", "en")).toBe("$1.2B");
    expect(formatChartValue(2.5e6, "€", "de")).toBe("2,5\u00a0Mio.\u00a0€");
    expect(formatChartValue(1.5, "€", "fr")).toBe("1,50\u00a0€");
    expect(formatChartValue(20, "$", "en")).toBe("$20");
    expect(formatChartValue(30000, "", "de")).toBe("30.000");
    expect(formatChartValue(12, "km", "en")).toBe("12\u00a0km");
    expect(formatChartValue(21, "°C", "en")).toBe("21°C");
  });
});
