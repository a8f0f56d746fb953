/**
 * A question analysed once: its text is tokenised here and nowhere else, into the one value every
 * retrieval stage, the scorers and the decline rule read.
 */
import { tokenizeWords, toTerm, type WordToken } from '../text/analysis.js';
import type { CorpusIndex } from '../indexing/corpusIndex.js';
import { normalizeForMatching, normalizeUserText } from '../text/normalize.js';
import { askedKindsOf } from './answerKinds.js';
import { findAlternatives, type TermAlternative } from './alternatives.js';
import { isInPeriod, type DatePeriod } from './dateWindow.js';
import { describeCorpusMetadata, detectMetadataQuestion, type MetadataQuestion } from './metadataQuestions.js';
import { readQuestionDates } from './questionDates.js';
import { analyzeSaidQuestion, type SaidQuestion } from './saidQuestions.js';

/** A question cut to a bounded cost: at most this many characters are read… */
export const MAX_QUERY_LENGTH = 500;
/** …and at most this many distinct terms searched. */
export const MAX_QUERY_TERMS = 16;

/**
 * What a question term is to re-ranking: a `name` (written capitalised, not as the question's
 * first word: "Tesla", "NFL"), the `focus` noun naming the kind of answer ("What stadium…"), or
 * `other`. Re-ranking weighs them by {@link RerankWeights.name} and {@link RerankWeights.focusNoun}.
 */
export type TermRole = 'name' | 'focus' | 'other';

/** A question as every stage of retrieval reads it. Built by {@link analyzeQuestion}. */
export interface AnalyzedQuestion {
  /** The question as asked, trimmed (and cut to {@link MAX_QUERY_LENGTH}). */
  readonly text: string;
  /** Distinct search terms, in question order, at most {@link MAX_QUERY_TERMS}. */
  readonly terms: readonly string[];
  /** The word each term came from (first occurrence, folded for matching), to search with. */
  readonly words: readonly string[];
  /** Whether the question was cut to fit the limits. */
  readonly truncated: boolean;
  /** Each term's weight: its rarity in the corpus ({@link termWeight}). */
  readonly termWeights: readonly number[];
  /** The sum of {@link termWeights}. */
  readonly totalWeight: number;
  /** Each term's role in re-ranking. */
  readonly termRoles: readonly TermRole[];
  /** The focus noun as written ("Which NFL team…" → `team`), or `null`. */
  readonly focusWord: string | null;
  /** The kinds of answer asked for, as {@link AnswerKind} bits (0: none in particular). */
  readonly askedKinds: number;
  /** The question's first word, folded for matching (the decline rule does not take it for a name). */
  readonly firstWord: string | undefined;
  /** Other forms of its terms that the corpus uses ("IMF" for "International Monetary Fund"; see {@link findAlternatives}). */
  readonly alternatives: readonly TermAlternative[];
  /** What the question asks of an article's metadata ("Who published …?"), or `null`; only for a field the corpus's articles differ in. */
  readonly metadata: MetadataQuestion | null;
  /** The period of publication the question states ("in 2020", "before 2018"), or `null`; read only when the corpus's articles differ in date and some article is dated in it (else the words are about events: "fall out in 2014"), and its words are then not among {@link terms}. */
  readonly period: DatePeriod | null;
  /** Whether the question asks for the newest ("the latest", "most recent"); only when the corpus's articles differ in date. */
  readonly prefersRecent: boolean;
  /** When the question asks what someone said ("How did the minister describe the talks?"): who, and about what. */
  readonly said?: SaidQuestion;
}

/**
 * Analyses a question for retrieval, once: normalises it, cuts it to {@link MAX_QUERY_LENGTH}
 * characters and {@link MAX_QUERY_TERMS} distinct terms, and reads its shape (names, focus noun,
 * kinds of answer asked for, a question about an article's metadata, a period of publication or
 * "the latest") and its terms' weights in the index. The text is tokenised twice
 * here, in two forms: folded for matching (diacritics removed: the terms) and as written (capitals
 * and diacritics kept: names and the focus noun). Cost: linear in the question; microseconds.
 *
 * @example analyzeQuestion(index, 'Who replaced Brian Hook?').terms // ['replac', 'brian', 'hook']
 */
export function analyzeQuestion(index: CorpusIndex, question: string): AnalyzedQuestion {
  const trimmed = normalizeUserText(question);
  const text = trimmed.length > MAX_QUERY_LENGTH ? cutAtCodePoint(trimmed, MAX_QUERY_LENGTH) : trimmed;
  const corpusMetadata = describeCorpusMetadata(index.articles);
  // A period no article is dated in is about events, not publication ("fall out in 2014"): its words stay topic words.
  const read = corpusMetadata.date ? readQuestionDates(text) : null;
  const dates = read !== null && (read.period === null || hasArticleIn(index, read.period)) ? read : read === null ? null : { ...read, period: null, spans: [] };
  // Words read as a period are not topic words: "in 2020" does not ask for "2020" in the text.
  const searched = dates === null ? text : blankRanges(text, dates.spans);
  const matched = tokenizeWords(normalizeForMatching(searched));
  const written = tokenizeWords(searched);
  const metadata = detectMetadataQuestion(text);
  const terms: string[] = [];
  const words: string[] = [];
  let truncated = text.length < trimmed.length;
  for (const token of matched) {
    const term = toTerm(token.word);
    if (term === null || terms.includes(term)) continue;
    if (terms.length === MAX_QUERY_TERMS) {
      truncated = true;
      break;
    }
    terms.push(term);
    words.push(token.word);
  }
  const termWeights = terms.map((term) => termWeight(index, term));
  const focusWord = focusWordOf(written);
  const said = analyzeSaidQuestion(text);
  return {
    text,
    terms,
    words,
    truncated,
    termWeights,
    totalWeight: termWeights.reduce((sum, weight) => sum + weight, 0),
    termRoles: termRolesOf(written, focusWord, terms),
    focusWord,
    askedKinds: askedKindsOf(text),
    firstWord: matched[0]?.word,
    alternatives: findAlternatives(index, text, written, terms),
    metadata: metadata !== null && corpusMetadata[metadata.field] ? metadata : null,
    period: dates?.period ?? null,
    prefersRecent: dates?.prefersRecent ?? false,
    ...(said === null ? {} : { said }),
  };
}

/** Whether some article of the corpus is dated in the period; linear in the articles. */
function hasArticleIn(index: CorpusIndex, period: DatePeriod): boolean {
  return index.articles.some((article) => isInPeriod(article, period));
}

/** The text with each range replaced by spaces (same length, so positions hold). */
function blankRanges(text: string, ranges: readonly { readonly start: number; readonly end: number }[]): string {
  let result = text;
  for (const { start, end } of ranges) result = result.slice(0, start) + ' '.repeat(end - start) + result.slice(end);
  return result;
}

/**
 * How much a term says about a passage: its inverse document frequency (BM25's form).
 * A term no passage contains gets the highest weight, since a question built on it is not covered.
 */
export function termWeight(index: CorpusIndex, term: string): number {
  const passages = index.passages.length;
  const frequency = index.documentFrequency.get(term) ?? 0;
  return Math.log(1 + (passages - frequency + 0.5) / (frequency + 0.5));
}

const WHAT_WHICH: ReadonlySet<string> = new Set(['what', 'which']);
const LINKING_VERBS: ReadonlySet<string> = new Set(['is', 'was', 'are', 'were']);
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);
/** Nouns that name a kind of answer in "what is the name of…", "what type of…". */
const GENERIC_FOCUS: ReadonlySet<string> = new Set(['name', 'kind', 'type', 'term', 'sort', 'form']);
const KIND_OF: ReadonlySet<string> = new Set(['type', 'kind', 'sort', 'form']);
const CAPITALISED = /^\p{Lu}/u;
const HAS_DIGIT = /\p{N}/u;

/**
 * The focus noun, as written, or `null`: the first lowercase word after the question's first
 * "what" or "which", capitalised modifiers skipped ("Which NFL team" → `team`); the generic noun
 * of "what is the name of…" and "what type of…". A stop word ("What did…") is no focus.
 */
function focusWordOf(tokens: readonly WordToken[]): string | null {
  const lower = tokens.map((token) => token.word.toLowerCase());
  const at = lower.findIndex((word) => WHAT_WHICH.has(word));
  if (at < 0 || at + 1 >= tokens.length) return null;
  let next = at + 1;
  if (LINKING_VERBS.has(lower[next]!) && ARTICLES.has(lower[next + 1] ?? '') && GENERIC_FOCUS.has(lower[next + 2] ?? '')) return tokens[next + 2]!.word;
  if (KIND_OF.has(lower[next]!) && lower[next + 1] === 'of') return tokens[next]!.word;
  while (next < tokens.length - 1 && CAPITALISED.test(tokens[next]!.word)) next += 1;
  const word = tokens[next]!.word;
  if (CAPITALISED.test(word) || HAS_DIGIT.test(word)) return null;
  return toTerm(word) === null ? null : word;
}

/** Each term's role: `name` for a term from a capitalised word (no digit) other than the first, `focus` for the focus noun's term (it wins), else `other`. */
function termRolesOf(tokens: readonly WordToken[], focusWord: string | null, terms: readonly string[]): TermRole[] {
  const roles: TermRole[] = terms.map(() => 'other');
  const setRole = (word: string, role: TermRole): void => {
    const term = toTerm(word);
    const termIndex = term === null ? -1 : terms.indexOf(term);
    if (termIndex >= 0) roles[termIndex] = role;
  };
  tokens.forEach(({ word }, position) => {
    if (position > 0 && CAPITALISED.test(word) && !HAS_DIGIT.test(word)) setRole(word, 'name');
  });
  if (focusWord !== null) setRole(focusWord, 'focus');
  return roles;
}

/** Cuts a string to at most `length` UTF-16 units without splitting a surrogate pair. */
function cutAtCodePoint(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}
