/**
 * Word lists for naming a chart's bars from the words near each number: words that cannot name
 * a bar (function words, verbs that link a name to its number), the prepositions that introduce
 * a name after a number ("45% in Germany"), and the month names that make a number a date.
 */

const words = (text: string) => new Set(text.trim().split(/\s+/u));

/** Function words of English, German, French and Spanish, lower case. */
const STOPWORDS = words(`
  a about above across after again against all almost along also although always am among an and another any are around as at
  away be because been before being below between both but by can could did do does doing down during each either else even
  ever every few for from further had has have having he her here hers him his how however i if in into is it its itself just
  least less like many may me might more most much must my nearly neither no nor not now of off often on once one only onto or
  other our out over own per perhaps quite rather really roughly same several she should since so some such than that the
  their them then there these they this those though through thus to too toward towards under until up upon us very via was we
  were what when where whether which while who whom whose why will with within without would yet you your about approximately
  around almost just nearly over under some only up down last next first this that versus vs
  aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei beim bis da dabei damit dann das dass
  dem den denn der des die dies diese diesem diesen dieser dieses doch dort durch ein eine einem einen einer eines er es etwa
  etwas fast für gegen gut hier ihr ihre ihrem ihren im in ist ja je jede jedem jeden jeder jedes jetzt kaum kein keine man mehr
  mit nach nicht noch nun nur ob oder ohne rund schon sehr sein seine seinem seinen seiner seit sich sie sind so sowie über um
  und uns unter viel vom von vor wie wieder wir wo zu zum zur zwar zwischen knapp gut rund ca
  à au aux avec ce ces cet cette comme dans de des du elle elles en entre et eux il ils la le les leur leurs lui ma mais me même
  mes moins mon ne ni nos notre nous on ou où par pas plus pour près quand que quel quelle qui sa sans se ses si son sous sur ta
  tes ton tous tout toute toutes très un une vers y environ presque d l qu
  al algo ante como con contra cual cuando de del desde donde durante el ella ellas ellos en entre era es esa ese esta este
  hasta la las le les lo los más mi muy ni no nos o para pero por que quien se según sin sobre su sus también tras un una unas
  uno unos y casi unos cerca
`);

/** Linking and change verbs that sit between a name and its number, for languages without a tagger here. */
const VERBS = words(`
  is are was were be been being has have had reached reaches reach rose rises rise risen grew grows grow grown fell falls fall
  fallen dropped drops drop climbed climbs increased increases decreased decreases jumped jumps doubled tripled cost costs paid
  pays pay earned earns earn spent spends spend made makes make recycles recycled recycle used uses use stood stands stand
  came comes come got gets accounted accounts account totalled totaled totals hit hits saw sees recorded records sold sells
  bought buys received receives won wins lost loses gained gains produced produces produce generated generates own owns owned
  ist sind war waren hat haben hatte hatten wird werden wurde wurden liegt lag lagen liegen stieg steigt stiegen steigen sank
  sinkt fiel fällt wuchs wächst betrug beträgt betragen erreichte erreicht erreichten kostet kostete kosten verdient verdiente
  verdienen zahlt zahlte zahlen recycelt recycelte produziert produzierte verbraucht verbrauchte gab gibt zählt zählte
  est sont était étaient a ont avait avaient atteint atteignait atteint coûte coûtait coûtent gagne gagnent gagnait représente
  représentent représentait recycle recyclent produit produisent passe passé passée augmenté baissé grimpé chuté compte
  comptait s'élève élevé
  es son era eran fue fueron ha han había alcanzó alcanza cuesta costó gana ganan ganó representa representan recicla
  recicló produce producen subió sube bajó baja creció crece cayó cae
`);

/** Prepositions that introduce a bar's name after its number: "45% in Germany", "30% for women". */
const NAME_PREPOSITIONS = words(`in for among at across inside within im in bei für unter en au aux pour chez dans parmi en para entre`);

/** Months (and their short forms) of the four languages: a number beside one is a date, not a quantity. */
const MONTHS = words(`
  january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept
  oct nov dec januar jänner februar märz mai juni juli oktober dezember janvier février mars avril juin juillet août septembre
  octobre novembre décembre enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
`);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}

export function isListedVerb(word: string): boolean {
  return VERBS.has(word.toLowerCase());
}

export function isNamePreposition(word: string): boolean {
  return NAME_PREPOSITIONS.has(word.toLowerCase());
}

export function isMonth(word: string): boolean {
  return MONTHS.has(word.toLowerCase().replace(/\.$/u, ""));
}

const BEFORE_AFTER: Record<string, readonly [string, string]> = {
  en: ["Before", "After"],
  de: ["Vorher", "Nachher"],
  fr: ["Avant", "Après"],
  es: ["Antes", "Después"],
  it: ["Prima", "Dopo"],
  pt: ["Antes", "Depois"],
  nl: ["Voor", "Na"],
};

/** Bar names for "from 12 to 30" when nothing nearer names the two moments. */
export function beforeAfterLabels(lang: string): readonly [string, string] {
  return BEFORE_AFTER[lang] ?? BEFORE_AFTER.en!;
}

const ALL: Record<string, string> = { en: "All", de: "Alle", fr: "Total", es: "Total", it: "Totale", pt: "Total", nl: "Totaal" };

/** Name of the whole in "3 of 10" when the text does not say what the ten are. */
export function wholeLabel(lang: string): string {
  return ALL[lang] ?? ALL.en!;
}
