import { primaryLanguage } from "./primary-language.js";

/**
 * Small per-language stopword lists: articles, pronouns, prepositions, conjunctions, auxiliaries
 * and the commonest adverbs. They keep keywords meaningful and stop headlines ending on "the".
 */
const LISTS: Record<string, string> = {
  en: `a about above after again against all almost also although always am among an and another any anyone anything are
    around as at away be because been before being below between both but by can cannot could did do does doing done down
    during each either else even ever every few for from further get gets getting got had has have having he her here hers
    herself him himself his how however i if in into is it its itself just least less like made make makes many may me
    might more most much must my myself neither never no nor not now of off often on once one only onto or other others
    our ours ourselves out over own per perhaps quite rather really said same say says see seen several shall she should
    since so some something still such than that the their theirs them themselves then there these they this those though
    through thus to too toward towards under until up upon us very via was we well were what whatever when where whether
    which while who whom whose why will with within without would yet you your yours yourself yourselves lot lots way
    ways thing things new first last next also going go goes went come comes came take takes took want wants know knows
    two three four five six seven eight nine ten hundred thousand don't doesn't didn't isn't aren't wasn't weren't won't
    can't couldn't shouldn't wouldn't haven't hasn't hadn't i'm i've i'd i'll you're you've you'd you'll we're we've we'd
    we'll they're they've they'd they'll it's that's there's here's what's who's he's she's let's`,
  es: `a al algo algunas algunos ante antes aquel aquella aquellas aquellos aqui aquí así aun aún cada casi como cómo con
    contra cual cuál cuales cuando cuándo de del desde donde dónde dos durante e el él ella ellas ellos en entre era eran
    es esa esas ese eso esos esta está están estaba estado estar este esto estos fue fueron fui ha había han has hasta hay
    la las le les lo los más me mi mis mucho muy nada ni no nos nosotros o os otra otras otro otros para pero poco por
    porque que qué quien quién quienes se sea ser si sí siempre sin sino sobre su sus también tan tanto te tiene tienen
    todo todos tras tu tus u un una unas uno unos usted ya yo según ser sido son hace hacer puede pueden mismo misma`,
  de: `aber alle allem allen aller alles als also am an ander andere anderen anderer anderes auch auf aus bei beim bin
    bis bist da dabei damit dann darauf darum das dass daß dein deine dem den denn der des deshalb dich die dies diese
    diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines er es etwa euch euer für gegen
    gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in ist
    ja jede jedem jeden jeder jedes jetzt kann kein keine keinem keinen keiner können könnte man manche mehr mein meine
    mit muss musste nach nicht nichts noch nun nur ob oder ohne schon sehr sein seine seinem seinen seiner seit sich sie
    sind so soll sollte sondern sowie über um und uns unser unter viel vom von vor wann war waren warum was weil welche
    welchem welchen welcher welches wenn wer werden wie wieder will wir wird wo wurde wurden zu zum zur zwar zwischen
    worden wäre sei seien bereits immer mal ganz gibt gab`,
  fr: `à au aux avec avoir avait ce ceci cela celle celles celui ces cet cette ceux chaque comme dans de des depuis donc
    dont du elle elles en encore entre est et été être eu eux il ils je la le les leur leurs lors lui ma mais me même mes
    moi mon ne ni nos notre nous on ont ou où par parce pas peu plus pour pourquoi quand que quel quelle quelles quels qui
    sa sans se ses si son sont sous sur ta te tes toi ton tous tout toute toutes très tu un une vos votre vous y ça était
    étaient sera fait faire peut selon aussi alors après avant bien c d j l m n qu s t`,
  pt: `a ao aos aquela aquelas aquele aqueles aquilo as às até com como contra da das de dela dele deles depois do dos e
    é ela elas ele eles em entre era eram essa essas esse esses esta está estão estava este estes eu foi foram há isso
    isto já lhe lhes mais mas me mesmo meu minha muito na nas não nem no nos nós num numa o os ou para pela pelas pelo
    pelos por porque quais qual quando que quem se sem ser seu seus sua suas também te tem têm ter teu tua um uma umas
    uns você vocês vai sido sobre segundo ainda assim cada onde pode podem fazer faz disse`,
  it: `a ad agli ai al alla alle allo anche avere aveva c che chi ci come con contro cui da dai dal dalla dalle degli dei
    del della delle dello di dove e è ed era erano essere gli ha hanno i il in io la le lei lo loro lui ma mi mia mio ne
    nei nel nella nelle noi non o per perché più poi quale quando quella quelle quello questa queste questo se sei si
    sia siamo sono su sua sue sui sul sulla suo suoi tra tu tutti tutto un una uno voi già ancora stato stata essere fare`,
  nl: `aan al alle als ben bij dan dat de der deze die dit doch doen door dus een en er ge geen geweest had heb hebben
    heeft hem het hier hij hoe hun ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog
    nu of om omdat ons ook op over reeds te tegen toch toen tot u uit van veel voor want waren was wat we wel werd wezen
    wie wij wil worden wordt zal ze zei zelf zich zij zijn zo zonder zou`,
  cs: `a aby aj ale ani aniž ano asi až bez bude budou by byl byla byli bylo být co či další do ho i jak jako je jeho
    jej její jejich jen ještě jež ji jsem jsme jsou již k kam kde kdo když ke která které který kteří mezi mi mít mu má
    mají na nad nebo než není o od on ona oni ono pak po pod podle pokud pro proto před při s se si sice své svůj ta tak
    také tam te tedy ten tento též to tom tu tuto ty u už v ve však vše z za ze že jeho jsou byl byla bylo tím toho dva dvě tři čtyři pět šest sedm osm devět deset`,
};

function buildSets(): Map<string, ReadonlySet<string>> {
  const sets = new Map<string, ReadonlySet<string>>();
  for (const [code, words] of Object.entries(LISTS)) sets.set(code, new Set(words.split(/\s+/u).filter(Boolean)));
  return sets;
}

// Built once: the lists are constants, not state.
const SETS = buildSets();
const EMPTY: ReadonlySet<string> = new Set();


/** The stopword set for a BCP 47 tag; English for languages we have no list for. */
function stopwordsFor(lang: string): ReadonlySet<string> {
  const code = primaryLanguage(lang);
  if (code === "zh" || code === "ja" || code === "ko") return SETS.get("en") ?? EMPTY;
  return SETS.get(code) ?? SETS.get("en") ?? EMPTY;
}

/** Whether a (lowercased) word is a stopword in `lang`; English stopwords count everywhere, since articles quote English. */
export function isStopword(word: string, lang: string): boolean {
  const lower = word.toLowerCase().replace(/’/gu, "'");
  return stopwordsFor(lang).has(lower) || (SETS.get("en") ?? EMPTY).has(lower);
}
