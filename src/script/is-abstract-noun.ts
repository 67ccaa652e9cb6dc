/** Nouns that name no picture: footage searched for them is generic at best. Singular forms; plurals are derived. */
const ABSTRACT = `innovation strategy importance way thing issue problem fact idea process system approach information
  experience result part kind sort type number amount level point aspect factor case example reason question matter
  situation concept approval decision change use need ability opportunity effort impact effect role area range term
  version feature option goal plan policy analysis time year day week month decade lot bit end side percent step stage
  sense view interest hope fear failure success rise fall study progress attempt measure access return support growth
  cost value quality relation relationship difference lack risk chance trouble reality truth purpose detail basis
  while hand ago`;

const ABSTRACT_NOUNS: ReadonlySet<string> = new Set(
  ABSTRACT.split(/\s+/u)
    .filter(Boolean)
    .flatMap((word) => [word, word.endsWith("s") ? `${word}es` : `${word}s`]),
);

/** Endings of nouns for states, acts and qualities ("frustration", "awareness"), when the word is long enough to carry one. */
const ABSTRACT_SUFFIX = /(?:tion|sion|ment|ness|ity|ance|ence|ism)s?$/u;
const MIN_SUFFIXED_LENGTH = 7;
/** Words with those endings that still name something a camera can film. */
const CONCRETE = new Set(
  `station construction nation television mansion intersection election population audience conference ambulance
  residence apartment equipment department instrument monument document tournament government parliament pavement
  basement university community facility electricity celebrity presence`
    .split(/\s+/u)
    .filter(Boolean)
    .flatMap((word) => [word, `${word}s`]),
);

/** Whether a lowercase noun names an idea rather than a thing ("strategy", "frustration"). */
export function isAbstractNoun(word: string): boolean {
  if (ABSTRACT_NOUNS.has(word)) return true;
  return word.length >= MIN_SUFFIXED_LENGTH && ABSTRACT_SUFFIX.test(word) && !CONCRETE.has(word);
}

/** Whether a phrase is about an idea: its head (last) noun is abstract ("biggest frustration", "peace process"). */
export function isAbstractPhrase(phrase: string): boolean {
  return isAbstractNoun(phrase.split(" ").at(-1)!);
}
