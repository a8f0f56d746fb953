/**
 * How a question is remembered (issue 17): the question as asked, normalised, and its wording
 * key, under which `/gaps` groups questions asked in different words that analyse alike
 * ("Who replaced Brian Hook?" and "who replaces brian hook").
 */
import { tokenizeWords, toTerm } from './analysis.js';
import { normalizeForMatching, normalizeUserText } from './normalize.js';

/** The most characters of a question that are recorded (the same bound as a searched question). */
export const MAX_RECORDED_QUESTION_LENGTH = 500;

/**
 * The question as recorded: invisible and control characters removed, NFKC, runs of whitespace
 * collapsed, trimmed, and cut to {@link MAX_RECORDED_QUESTION_LENGTH} characters (never between
 * the two halves of a surrogate pair). Cost: linear in the question.
 *
 * @example normalizeQuestion('  Who replaced\n\nBrian Hook? ') // 'Who replaced Brian Hook?'
 */
export function normalizeQuestion(question: string): string {
  const normalized = normalizeUserText(question);
  if (normalized.length <= MAX_RECORDED_QUESTION_LENGTH) return normalized;
  const code = normalized.charCodeAt(MAX_RECORDED_QUESTION_LENGTH - 1);
  const cut = code >= 0xd800 && code <= 0xdbff ? MAX_RECORDED_QUESTION_LENGTH - 1 : MAX_RECORDED_QUESTION_LENGTH;
  return normalized.slice(0, cut).trimEnd();
}

/**
 * A question's wording key: its distinct search terms (the analysis the index and retrieval use:
 * folded, stop words dropped, stemmed), sorted, joined by single spaces. Questions with the same
 * key are one wording in `/gaps`; a question with no searchable word has the empty key. The
 * question is read as {@link normalizeQuestion} records it. Cost: linear in the question; microseconds.
 *
 * @example wordingKeyOf('Who replaced Brian Hook?') // 'brian hook replac'
 * @example wordingKeyOf('who replaces brian hook') // 'brian hook replac'
 */
export function wordingKeyOf(question: string): string {
  const terms = new Set<string>();
  for (const token of tokenizeWords(normalizeForMatching(normalizeQuestion(question)))) {
    const term = toTerm(token.word);
    if (term !== null) terms.add(term);
  }
  return [...terms].sort().join(' ');
}
