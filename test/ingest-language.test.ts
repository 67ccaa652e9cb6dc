import { describe, expect, it } from "vitest";
import { detectLanguage } from "../src/ingest/index.js";
import { normalizeLangTag } from "../src/ingest/normalize-lang-tag.js";

const SAMPLES: Record<string, string> = {
  en: "The council decided on Tuesday that the old bridge will be closed for repairs, and the ferry will take people across the river until the work is finished next year.",
  es: "El ayuntamiento decidió el martes que el puente viejo estará cerrado por reparaciones, y el transbordador llevará a la gente al otro lado del río hasta que terminen las obras.",
  pt: "A prefeitura decidiu na terça-feira que a ponte velha será fechada para reparos, e a balsa levará as pessoas para o outro lado do rio até que as obras terminem no próximo ano.",
  fr: "Le conseil a décidé mardi que le vieux pont sera fermé pour des réparations, et le bac transportera les habitants de l'autre côté de la rivière jusqu'à la fin des travaux.",
  de: "Der Stadtrat hat am Dienstag beschlossen, dass die alte Brücke für Reparaturen gesperrt wird, und die Fähre wird die Menschen über den Fluss bringen, bis die Arbeiten im nächsten Jahr fertig sind.",
  it: "Il consiglio ha deciso martedì che il vecchio ponte sarà chiuso per lavori, e il traghetto porterà le persone dall'altra parte del fiume fino alla fine dei lavori il prossimo anno.",
  nl: "De gemeenteraad heeft dinsdag besloten dat de oude brug wordt gesloten voor reparaties, en de veerboot brengt de mensen naar de overkant van de rivier totdat het werk volgend jaar klaar is.",
  cs: "Zastupitelstvo v úterý rozhodlo, že starý most bude uzavřen kvůli opravám, a přívoz bude lidi převážet přes řeku, dokud práce příští rok nebudou dokončeny. Je to pro město velká změna.",
  pl: "Rada miasta zdecydowała we wtorek, że stary most zostanie zamknięty z powodu remontu, a prom będzie przewoził ludzi na drugą stronę rzeki, dopóki prace nie zostaną zakończone w przyszłym roku.",
  sv: "Kommunfullmäktige beslutade på tisdagen att den gamla bron ska stängas för reparationer, och färjan kommer att ta människor över floden tills arbetet är klart nästa år.",
  ja: "市議会は火曜日、古い橋を修理のために閉鎖することを決めました。工事が終わるまで、人々はフェリーで川を渡ることになります。",
  "zh-CN": "市议会星期二决定，这座老桥将因维修而关闭，在工程结束之前，人们将乘坐渡轮过河。这对城市来说是一个很大的变化。",
  "zh-TW": "市議會星期二決定，這座老橋將因維修而關閉，在工程結束之前，人們將乘坐渡輪過河。這對城市來說是一個很大的變化。",
  ko: "시의회는 화요일에 오래된 다리를 수리를 위해 폐쇄하기로 결정했으며, 공사가 끝날 때까지 사람들은 페리를 타고 강을 건너게 됩니다.",
  ru: "Городской совет во вторник решил, что старый мост будет закрыт на ремонт, и до окончания работ люди будут переправляться через реку на пароме.",
};

describe("detectLanguage", () => {
  it.each(Object.entries(SAMPLES))("recognises %s", (expected, text) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it("returns null when there is nothing to go on", () => {
    expect(detectLanguage("")).toBeNull();
    expect(detectLanguage("12345 678")).toBeNull();
    expect(detectLanguage("Xylophone quokka")).toBeNull();
  });

  it("reads Chinese with English product names as Chinese", () => {
    expect(detectLanguage("DeepMind新电脑已可利用记忆自学，人工智能迈上新台阶。Google 表示这项研究还处于早期阶段。")).toBe("zh-CN");
  });
});

describe("normalizeLangTag", () => {
  it.each([
    ["en_US", "en-US"],
    ["EN-us", "en-US"],
    ["pt-br", "pt-BR"],
    ["zh-hant-tw", "zh-Hant-TW"],
    ["fr", "fr"],
    ["de-DE, en", "de-DE"],
  ])("tidies %s to %s", (input, expected) => {
    expect(normalizeLangTag(input)).toBe(expected);
  });

  it.each(["", "und", "x", "not a language", null])("rejects %s", (input) => {
    expect(normalizeLangTag(input)).toBeNull();
  });
});
