/**
 * The package data the text code reads: the one module of `text/` that reads anything from
 * `node_modules`, with `createRequire` (CommonJS modules, by deep path). `analysis.ts` calls both
 * functions once, when it is imported.
 *
 * - `natural` (MIT): the Porter stemmer (`lib/natural/stemmers/porter_stemmer.js`) and the English
 *   stop-word list (`lib/natural/util/stopwords.js`). By deep path: natural's package entry point
 *   loads `.env` and prints on import; these two are plain CommonJS modules that load on their own.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** natural's Porter stemmer: `stem('sanctions')` is `'sanction'`. */
export function readPorterStemmer(): { stem(word: string): string } {
  return require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };
}

/** natural's English stop words (about 170 lowercase words, single digits among them). */
export function readNaturalStopWords(): readonly string[] {
  return (require('natural/lib/natural/util/stopwords.js') as { words: readonly string[] }).words;
}
