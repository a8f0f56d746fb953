/**
 * Text analysis shared by indexing, querying and highlighting, so that all three agree on what
 * a "term" is: Unicode-aware word tokens, dotted acronyms folded (`U.S.` → `US`), possessives
 * dropped, English stop words removed and the rest Porter-stemmed.
 */
import { createRequire } from 'node:module';
import { normalizeForMatching } from './normalize.js';
import type { TextRange } from './types.js';

// natural's package entry point loads `.env` and prints on import; its stemmer and stop-word
// list are plain CommonJS modules that can be loaded on their own by deep path.
const require = createRequire(import.meta.url);
const porterStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js') as {
  stem(word: string): string;
};
const { words: naturalStopWords } = require('natural/lib/natural/util/stopwords.js') as {
  words: readonly string[];
};

/**
 * Words that carry no topic: natural's English list (without its single digits: one digit can be
 * an answer, see {@link toTerm}), plus the pronoun `us` (absent from that list) and question and
 * request words that people type but articles do not ("tell me about…", "explain…").
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  ...naturalStopWords.filter((word) => !/^\p{N}$/u.test(word)),
  'us', 'also', 'did', 'does', 'done', 'doing', 'tell', 'explain', 'describe', 'please', 'whom',
  'whose', 'which', 'according', 'would', 'could', 'should', 'shall', 'might', 'must',
]);

/**
 * A word: letters, marks and digits, optionally joined by apostrophes (`wasn’t`, `Abrams’s`);
 * or a dotted acronym (`U.S.`, `U.N.`), tried first so that its dots are kept together.
 * Invisible controls (zero-width space, soft hyphen, bidi marks) inside a word do not cut it:
 * `Za\u200Brif` is one word, folded to `Zarif` by {@link normalizeForMatching}.
 */
const WORD_PATTERN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]*(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const POSSESSIVE_SUFFIX = /['’ʼ]s$/u;
const APOSTROPHES = /['’ʼ]/gu;
const ACRONYM = /^\p{Lu}{2,}$/u;
const ASCII_WORD = /^[\x21-\x7e]+$/;
const PLAIN_WORD = /^[A-Za-z0-9]+$/;
const PLURAL_ACRONYM = /^(\p{Lu}{2,})s$/u;

/** A word found in a text, with where it stands, before stemming. */
export interface WordToken extends TextRange {
  /** The word as written (`U.S.`, `Abrams’s`). */
  readonly raw: string;
  /** The word folded for matching: acronym dots and possessives removed (`US`, `Abrams`). */
  readonly word: string;
}

/**
 * Finds the words of a text with their offsets. The text is not rewritten, so offsets index
 * the caller's string (each word is normalised on its own for {@link WordToken.word}).
 *
 * @example tokenizeWords('U.S. envoy’s') // [{ raw: 'U.S.', word: 'US', … }, { raw: 'envoy’s', word: 'envoy', … }]
 */
export function tokenizeWords(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    const raw = match[0];
    const start = match.index;
    // Plain letters and digits (most words of an English corpus) need no folding at all; this
    // check makes analysis about twice as fast, which matters when passages are read at query time.
    const folded = PLAIN_WORD.test(raw)
      ? raw
      : (ASCII_WORD.test(raw) ? raw : normalizeForMatching(raw)).replace(/\./g, '').replace(POSSESSIVE_SUFFIX, '').replace(APOSTROPHES, '');
    if (folded.length > 0) tokens.push({ raw, word: folded, start, end: start + raw.length });
  }
  return tokens;
}

/**
 * Turns one folded word into an index term, or `null` when it carries no meaning for search.
 * Acronyms written in capitals (`US`, `UN`, `NATO`, `UAVs`) are kept whole and never taken for
 * stop words, so `U.S.` matches `US` while the pronoun `us` is ignored.
 *
 * @example toTerm('Sanctions') // 'sanction'
 * @example toTerm('US') // 'us'; toTerm('us') // null
 */
export function toTerm(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  const term = computeTerm(word);
  // Words repeat heavily across a corpus; stemming each once makes indexing several times faster.
  if (termCache.size >= TERM_CACHE_SIZE) termCache.clear();
  termCache.set(word, term);
  return term;
}

const TERM_CACHE_SIZE = 200_000;
const termCache = new Map<string, string | null>();

function computeTerm(word: string): string | null {
  const pluralAcronym = PLURAL_ACRONYM.exec(word);
  if (pluralAcronym?.[1]) return pluralAcronym[1].toLowerCase();
  if (ACRONYM.test(word)) return word.toLowerCase();
  const lower = word.toLowerCase();
  if (STOP_WORDS.has(lower)) return null;
  // One letter is noise (the `s` of a split possessive, an initial); one digit can be an answer.
  if (lower.length < 2 && !/^\p{N}$/u.test(lower)) return null;
  return /^[a-z]+$/.test(lower) ? porterStemmer.stem(lower) : lower;
}

/** A term of a text, with the range of the word it came from. */
export interface TermToken extends WordToken {
  readonly term: string;
}

/**
 * Analyses a text into terms with their offsets: {@link tokenizeWords} then {@link toTerm}.
 * Cost: linear in the text's length.
 */
export function analyze(text: string): TermToken[] {
  const terms: TermToken[] = [];
  for (const { raw, word, start, end } of tokenizeWords(text)) {
    const term = toTerm(word);
    if (term !== null) terms.push({ raw, word, start, end, term });
  }
  return terms;
}

/** The terms of a text, in order, duplicates kept: what the search index sees. */
export function analyzeTerms(text: string): string[] {
  return analyze(text).map((token) => token.term);
}
