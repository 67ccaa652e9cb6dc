/**
 * Frequent function words of Latin-script languages. Words shared by several languages still
 * count, but weigh less (see detectLatinLanguage), so the lists can stay natural.
 */
export const LATIN_STOPWORDS: Readonly<Record<string, string>> = {
  en: "the and of to in is that it for was on with as are be this by at from have has not but or an which they you he she we were been their will would can about more there what when who all its had his her our if than into only also",
  es: "el la los las de del que y en un una es por con para se no al lo como más pero sus su le ya o este esta entre cuando muy sin sobre también fue ha hay son está desde todo nos ni porque había era ser fueron esto donde hasta",
  pt: "o a os as de do da dos das que e em no na nos nas um uma é com para por não se mais mas ao à como seu sua foi ser são ele ela isso pelo pela também já está muito quando tem ou seus suas entre depois sobre até essa esse",
  fr: "le la les de des du un une et est en que qui dans pour pas sur au aux ce cette il elle ne se sont par plus avec son sa ses été mais ou nous vous leur lui y a comme était ont fait tout cet ces aussi",
  de: "der die das und ist nicht ein eine zu den dem des von mit sich auf für im auch es an als dass wird werden bei nach aus oder sie er wir ich hat sind noch wie einen einem über nur kann zum zur einer war",
  it: "il lo la i gli le di del della dei che e è un una in per non con sono si da al alla come ma più anche nel nella questo questa ha se loro essere stato delle degli sul sulla dal dalla ci era",
  nl: "de het een en van is dat die in niet op te zijn met voor er aan ook als maar om bij door wordt worden hij zij we ik naar dan nog wel dit deze uit heeft hebben kan over waren zo",
  cs: "a je se na v že to s z do o jsou ve k by jako ale jeho pro ze od už tak jak po který která které také byl byla bylo není jsem si jen při než či aby když jejich může",
  pl: "i w na z się nie do że to jest o jak po a co ale od za jego tak dla przez są być czy już tym tylko który która które było był może ze jej oraz także jednak jako tego",
  sv: "och att det i som en på är av för med till den har de inte om ett han men var jag sig från vi så kan när hade skulle efter eller hon också nu sina vara blir detta finns",
  da: "og i at det er en til på som de med af for ikke der var den han har et jeg sig men om vi kan hun efter også når skal være eller blev fra havde disse",
  ro: "și în de la a că nu cu o pe un una este sunt care mai din pentru se ca fost au ce fi sau lui ei dar acest această când după",
  tr: "ve bir bu da de için ile olarak çok daha gibi ne o en ama kadar olan sonra değil var ki mi şey her ancak göre",
  hu: "a az és hogy nem is egy meg de van volt már csak ez azt mint el vagy ha még kell lesz pedig amely után",
  fi: "ja on ei se että oli hän ovat kun mutta tai myös ole sen joka jos vain niin kuin mukaan tämä ovat hänen sekä",
};
