/**
 * The lexicons of the person-name extractor: given names, surnames, places, nationalities,
 * organisations, role nouns and ordinary words, built once from the package data read by
 * `../packageData.ts` (compromise, natural's Brill lexicon, the Moby given names via stdlib,
 * gender-detection-from-name) and the hand-written lists of `wordLists.ts`.
 */
import { readBrillLexicon, readCompromiseLexicon, readGenderDetectionNames, readMobyGivenNames } from '../packageData.js';
import { AMBIGUOUS_HEAD_WORDS, EXTRA_DEMONYMS, EXTRA_PLACES, NON_PERSONAL_ROLES, ORG_WORDS, PARTICLES, ROLE_NOUNS, TITLES } from './wordLists.js';

/** The word lists the extractor looks words up in, all lowercase. */
export interface Lexicons {
  /** Given names: compromise's and the Moby lists' (via stdlib), less places, titles and the like. */
  readonly givenNames: ReadonlySet<string>;
  /**
   * Given names that are also ordinary words and that compromise does not list as names (`red`,
   * `minor`, `frank`): they start a name only before a word that is not an ordinary word too.
   */
  readonly weakGivenNames: ReadonlySet<string>;
  /** Surnames (compromise's LastName). */
  readonly surnames: ReadonlySet<string>;
  /** People known by one name (compromise's Person entries of one word: `napoleon`, `confucius`). */
  readonly famous: ReadonlySet<string>;
  /** Single words and phrases (space-joined) that are countries, cities, regions or places. */
  readonly places: ReadonlySet<string>;
  /** Nationalities and peoples (`iranian`, `americans`). */
  readonly demonyms: ReadonlySet<string>;
  /** Phrases that are organisations or teams (`new york times`, `real madrid`). */
  readonly organisations: ReadonlySet<string>;
  /** Head words of organisation and place names (`ministry`, `stadium`, `park`). */
  readonly headWords: ReadonlySet<string>;
  /** Nouns for people (`striker`, `spokesman`). */
  readonly roles: ReadonlySet<string>;
  /** Months and weekdays. */
  readonly calendar: ReadonlySet<string>;
  /** Whether a lowercase word is an ordinary English word (not only a proper noun). */
  readonly isCommon: (lower: string) => boolean;
}

let lexicons: Lexicons | undefined;

/**
 * The lexicons, built on the first call and kept. Not at import: an index restored from its
 * snapshot never reads a name, and loading compromise's lexicon is costly (see
 * docs/experiments.md, People).
 */
export function getLexicons(): Lexicons {
  lexicons ??= loadLexicons();
  return lexicons;
}

/** compromise's tags of ordinary words: a word with one of them is not only a proper noun. */
// biome-ignore format: packed word list
const COMMON_TAGS: ReadonlySet<string> = new Set([
  'Adjective', 'Adverb', 'Verb', 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'PhrasalVerb',
  'Singular', 'Plural', 'Uncountable', 'Noun', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Modal',
  'Copula', 'Comparative', 'Superlative', 'QuestionWord', 'Expression', 'Negative', 'Possessive', 'Reflexive',
  'Cardinal', 'Ordinal', 'TextValue', 'Actor', 'Unit', 'Multiple', 'Fraction', 'Duration', 'Date',
]);

/** Builds the lexicons from the package data and the hand-written lists (about half a second). */
function loadLexicons(): Lexicons {
  const world = readCompromiseLexicon();
  const givenNames = new Set<string>();
  const surnames = new Set<string>();
  const famous = new Set<string>();
  const places = new Set<string>(EXTRA_PLACES);
  const demonyms = new Set<string>(EXTRA_DEMONYMS);
  const organisations = new Set<string>();
  const roles = new Set<string>(ROLE_NOUNS);
  const calendar = new Set<string>();
  const compromiseCommon = new Set<string>();
  for (const [word, value] of Object.entries(world.model.one.lexicon)) {
    const tags = typeof value === 'string' ? [value] : value;
    for (const tag of tags) {
      if (tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName') givenNames.add(word);
      else if (tag === 'LastName') surnames.add(word);
      else if (tag === 'Person' && !word.includes(' ')) famous.add(word);
      else if (tag === 'Country' || tag === 'City' || tag === 'Region' || tag === 'Place') places.add(word);
      else if (tag === 'Demonym') demonyms.add(word);
      else if (tag === 'Organization' || tag === 'SportsTeam') organisations.add(word);
      else if (tag === 'Actor' && !word.includes(' ') && !/[^s]s$/u.test(word)) roles.add(word);
      // Full names only: `Jan` and `Mar` are given names far more often than abbreviations.
      else if ((tag === 'Month' || tag === 'WeekDay') && word.length > 4) calendar.add(word);
    }
    if (!word.includes(' ') && tags.some((tag) => COMMON_TAGS.has(tag))) compromiseCommon.add(word);
  }
  for (const month of ['march', 'may', 'june', 'july', 'august', 'april']) calendar.add(month);
  for (const role of NON_PERSONAL_ROLES) roles.delete(role);
  // A lowercase entry of the Brill tagger's lexicon with a tag other than NNP means an ordinary word.
  const brill = readBrillLexicon();
  const isCommon = (lower: string): boolean => {
    if (compromiseCommon.has(lower)) return true;
    const tags = Object.hasOwn(brill, lower) ? brill[lower] : undefined;
    return tags !== undefined && tags.some((tag) => tag !== 'NNP' && tag !== 'NNPS');
  };
  // The Moby Project's English given names: the strong kind unless also an ordinary word.
  const weakGivenNames = new Set<string>();
  for (const list of readMobyGivenNames()) {
    for (const name of list) {
      const lower = name.toLowerCase();
      if (givenNames.has(lower)) continue;
      if (isCommon(lower)) weakGivenNames.add(lower);
      else givenNames.add(lower);
    }
  }
  // Given names from many countries: noisier, so they count as the weaker kind.
  for (const names of readGenderDetectionNames()) {
    for (const name of names.keys()) {
      const lower = name.toLowerCase();
      if (!lower.includes(' ') && !givenNames.has(lower) && !isCommon(lower)) weakGivenNames.add(lower);
    }
  }
  // Names that are far more often something else in news text.
  for (const names of [givenNames, weakGivenNames]) {
    for (const word of names) {
      if (places.has(word) || demonyms.has(word) || calendar.has(word) || TITLES.has(word) || PARTICLES.has(word) || ORG_WORDS.has(word) || AMBIGUOUS_HEAD_WORDS.has(word)) {
        names.delete(word);
      }
    }
  }
  const headWords = new Set<string>([...Object.keys(world.model.two.orgWords ?? {}), ...Object.keys(world.model.two.placeWords ?? {}), ...AMBIGUOUS_HEAD_WORDS]);
  return { givenNames, weakGivenNames, surnames, famous, places, demonyms, organisations, headWords, roles, calendar, isCommon };
}
